import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createHmac } from "node:crypto";
import { mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";

/**
 * What goes wrong in the hydrated project's pages while a test runs: uncaught errors and
 * console errors. A status a test asked for (a 404 page, a refused form's 422) is logged by the
 * browser as a failed resource and is not a fault.
 */
const faults: string[] = [];
const watched: Page[] = [];
const ASKED_FOR_STATUS = /^Failed to load resource: the server responded with a status of 4\d\d/;

function watchPage(page: Page) {
  watched.push(page);
  page.on("pageerror", (error) => faults.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !ASKED_FOR_STATUS.test(message.text())) {
      faults.push(`${page.url()}: console: ${message.text()}`);
    }
  });
}

function watchContext(context: BrowserContext) {
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
}

/** Waits until every island on the page runs in the browser (none keeps `data-live="off"`). */
export async function islandsLive(page: Page, timeout = 45_000) {
  await expect
    .poll(
      () => page.evaluate(() => document.querySelectorAll('[data-live="off"]').length).catch(() => -1),
      // Not a speed assertion: on CI's two cores, with both projects, the server and axe
      // running, a page's script was seen to take over 15 s to start (three times in three
      // full runs, never the same page, never alone). An island that never wakes still fails.
      { message: `the islands of ${page.url()} wake up`, timeout },
    )
    .toBe(0);
}

/**
 * The test every spec uses. In the hydrated project it watches every page the test opens (its
 * own, and those of contexts it makes) and, when the test is over, fails it on any page or
 * console error, or on a page whose islands never woke up: hydration is proved, not assumed.
 */
export const test = base.extend<{ hydration: void; islandPatience: number }>({
  // How long the watch waits for a page's islands at the end of a test (see islandsLive).
  islandPatience: [45_000, { option: true }],
  hydration: [
    async ({ browser, context, islandPatience }, use, testInfo) => {
      if (testInfo.project.name !== "hydrated") return use();
      faults.length = 0;
      watched.length = 0;
      watchContext(context);
      const [newContext, newPage] = [browser.newContext.bind(browser), browser.newPage.bind(browser)];
      browser.newContext = async (options) => {
        const made = await newContext(options);
        watchContext(made);
        return made;
      };
      browser.newPage = async (options) => {
        const made = await newPage(options);
        watchPage(made);
        return made;
      };
      await use();
      browser.newContext = newContext;
      browser.newPage = newPage;
      // A test that failed on its own says why; waiting on its pages would only hide it.
      if (testInfo.status === "passed") {
        for (const page of watched) {
          if (!page.isClosed() && page.url().startsWith("http")) await islandsLive(page, islandPatience);
        }
      }
      expect(faults, faults.join("\n")).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The pages that exist so far, each with a path and the title it must have in Spanish. */
export const PAGES: { path: string; title: string | RegExp }[] = [
  { path: "/", title: "Inicio — Senda" },
  { path: "/entrar", title: "Entrar — Senda" },
  { path: "/registro", title: "Crear una cuenta — Senda" },
  { path: "/registro/empresa", title: "Registrar una empresa — Senda" },
  { path: "/revisa-tu-correo", title: "Revisa tu correo — Senda" },
  { path: "/contrasena/olvidada", title: "Recuperar la contraseña — Senda" },
  { path: "/contrasena/nueva?codigo=0000", title: "Enlace vencido — Senda" },
  { path: "/esta-pagina-no-existe", title: "Página no encontrada — Senda" },
  // A demo vacancy (with its Listen control), results with pagination (the demo board), and an
  // empty search.
  { path: "/vacante/1", title: /^Operario o operaria de control de calidad textil · Textiles Andinos S\.A\.C\., .+ — Senda$/ },
  { path: "/empleos?region=arequipa", title: /^\d+ vacantes · Buscar empleo( \(página 1 de \d+\))? — Senda$/ },
  { path: "/empleos?q=astronauta&ajuste=job_coach", title: "0 vacantes para «astronauta» · Buscar empleo — Senda" },
  // An alert's "stop" link once the alert is gone.
  { path: "/avisos/dejar", title: "Dejar de recibir avisos — Senda" },
];

export const THEMES = ["device", "dark", "light"] as const;
export const SIZES = ["100", "125", "150", "200"] as const;

/** Stores preferences the way the site does, before the first request. */
export async function setPrefs(
  context: BrowserContext,
  baseURL: string,
  prefs: { size?: string; theme?: string; font?: boolean; motion?: boolean },
) {
  const value = `v1:size=${prefs.size ?? "100"}&theme=${prefs.theme ?? "device"}&font=${prefs.font ? 1 : 0}&motion=${prefs.motion ? 1 : 0}&speech=1`;
  await context.addCookies([{ name: "senda_prefs", value, url: baseURL }]);
}

/**
 * axe-core is a script, so it needs JavaScript in the page. In the no-js project the axe tests
 * run with JavaScript on but the app's own code blocked, so axe checks exactly the server HTML
 * a person without JavaScript gets.
 */
export async function keepServerHtmlOnly(page: Page, projectName: string) {
  if (projectName === "no-js") {
    await page.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  }
}

/**
 * Runs axe-core for WCAG 2.0–2.2 A and AA — and with `enhancedContrast`, the 7:1 text contrast
 * of WCAG 1.4.6 (AAA) too, which every theme is built to meet — and fails with a readable list
 * of what it found. Violations alone are gathered: what passed is never read, and gathering
 * it costs each run time. The AAA rule is enabled by name in the same run: one pass over the
 * page instead of two (axe runs a rule its `rules` option enables beside the tags').
 */
export async function expectNoAxeViolations(page: Page, options: { enhancedContrast?: boolean } = {}) {
  // After a form post the address can change before the stylesheet has loaded; checked
  // unstyled, links fail target-size. Check the page people see.
  await page.waitForLoadState("load");
  const rules = options.enhancedContrast ? { "color-contrast-enhanced": { enabled: true } } : {};
  const { violations } = await new AxeBuilder({ page })
    .options({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      rules,
      resultTypes: ["violations"],
    })
    .analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`).join("\n    ")}`,
  );
  expect(found, found.join("\n")).toEqual([]);
}

/**
 * axe-core on the page as its reader has it now. In the hydrated project, in the page itself.
 * Without JavaScript the page cannot run axe, so the very HTML it was given (after a form
 * post too) is served again at the same address, with the same cookies, to a page that runs
 * axe but none of the app's code.
 */
export async function expectNoAxeViolationsAsSeen(page: Page) {
  if (base.info().project.name !== "no-js") return expectNoAxeViolations(page);
  await page.waitForLoadState("load");
  const [html, address] = [await page.content(), page.url()];
  const browser = page.context().browser()!;
  const context = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  try {
    const checker = await context.newPage();
    await checker.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    await checker.route((url) => url.href === address, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await checker.goto(address);
    await expectNoAxeViolations(checker);
  } finally {
    await context.close();
  }
}

/** True when the page scrolls sideways: content wider than the viewport. */
export async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** The account scripts/e2e creates before the server starts. */
export const ADMIN = { email: "ana.torres@senda.test", password: "clave de prueba para Senda", name: "Ana Torres" };

/** Someone new for one test. Each project gets its own people: the two run against one server at the same time. */
export const person = (project: string, who: string) => ({
  name: "Lucía Huamán",
  email: `${who}.${project}@senda.test`,
  password: "una frase larga para Senda",
});

/**
 * Waits until the page is at `path` itself, with no query. A pattern such as `/\/cuenta$/`
 * would pass at once on the page before, when that is `/entrar/codigo?volver=/cuenta`, and
 * the test would go on while the form it just sent is still on its way.
 */
export async function expectAt(page: Page, path: string, options?: { timeout?: number }) {
  await expect(page).toHaveURL((url) => url.pathname + url.search === path, options);
}

/**
 * Signs in through the form, as a person would: the password, then the code of the account's
 * authenticator app when it has one, or — for staff at their first sign-in — setting one up
 * (the secret read off the page, as a screen reader user would copy it).
 */
export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  if (await adminAgain(page, email, password)) return;
  await page.goto("/entrar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/entrar");
  await page.getByRole("button", { name: "Entrar", exact: true }).click();
  // A refused password answers the form again; a right one is a redirect to follow.
  if ((await posted).status() !== 303) return;
  await page.waitForURL((url) => url.pathname !== "/entrar");
  const path = new URL(page.url()).pathname;
  if (path === "/entrar/codigo") {
    await giveCode(page, email);
  } else if (path === "/cuenta/verificacion") {
    await setUpApp(page, email, password);
  }
  if (email === ADMIN.email && password === ADMIN.password && new URL(page.url()).pathname === "/cuenta") {
    const cookies = await page.context().cookies();
    adminSession.cookies = cookies.filter((c) => c.name === "senda_session");
    adminSession.at = Date.now();
  }
}

/**
 * The admin's session of this worker, kept for its next sign-ins. Most specs sign in as the
 * admin only to reach a page, and an app's code works once every 30 s: signing in through the
 * form each time would make the workers queue for codes. The form itself is tested with
 * everyone else's sign-ins and in accounts.spec.ts and second-factor.spec.ts.
 */
const adminSession: { cookies: Awaited<ReturnType<BrowserContext["cookies"]>>; at: number } = { cookies: [], at: 0 };

/** Signs in again with the admin's kept session while it lives and its code is fresh. */
async function adminAgain(page: Page, email: string, password: string): Promise<boolean> {
  // Under ten minutes: the pages that ask for a code again after fifteen still open.
  const fresh = Date.now() - adminSession.at < 10 * 60_000;
  if (email !== ADMIN.email || password !== ADMIN.password || !fresh || adminSession.cookies.length === 0) return false;
  await page.context().addCookies(adminSession.cookies);
  await page.goto("/cuenta");
  if (new URL(page.url()).pathname === "/cuenta") return true;
  // Signed out since, or its session ended: through the form.
  await page.context().clearCookies({ name: "senda_session" });
  return false;
}

/** The six-digit code of a base32 `secret` for 30-second `step` (RFC 6238). */
export function totpCode(secret: string, step: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/\s/g, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(step));
  const digest = createHmac("sha1", key).update(counter).digest();
  const offset = digest[19] & 0x0f;
  const number = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 1_000_000).padStart(6, "0");
}

const currentStep = () => Math.floor(Date.now() / 30_000);

/** Where the tests keep each account's app secret and last step used (scripts/e2e makes it). */
function secretsFile(email: string) {
  const dir = process.env.SENDA_E2E_SECRETS;
  if (!dir) throw new Error("SENDA_E2E_SECRETS is not set: run the suite through scripts/e2e");
  return `${dir}/${email}`;
}

/** Runs `work` holding the account's lock: both projects' workers sign in as the same people. */
async function holding<T>(email: string, work: () => Promise<T>): Promise<T> {
  const lock = `${secretsFile(email)}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A test stopped while holding it (a timeout) leaves it behind: nobody holds it this long.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 40_000) rmdirSync(lock);
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * The next code of the account's app that the server has not seen: each code works once and
 * never one older than the last used, so two workers signing in as one person take turns.
 */
export async function nextCode(email: string): Promise<string> {
  return holding(email, async () => {
    const kept = JSON.parse(readFileSync(secretsFile(email), "utf8")) as { secret: string; lastStep: number };
    for (;;) {
      // The server takes one step of drift either way; the one before only while this step
      // has time left, so that it is still in the window when the server reads it.
      const early = Date.now() % 30_000 < 15_000;
      const step = Math.max(kept.lastStep + 1, currentStep() - (early ? 1 : 0));
      if (step <= currentStep() + 1) {
        writeFileSync(secretsFile(email), JSON.stringify({ ...kept, lastStep: step }));
        return totpCode(kept.secret, step);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
}

/** On the code page: types the app's next code and goes on. */
export async function giveCode(page: Page, email: string) {
  await page.getByLabel("Código de seguridad").fill(await nextCode(email));
  await page.getByRole("button", { name: "Continuar" }).click();
  await expect(page).not.toHaveURL(/\/entrar\/codigo/);
}

/**
 * Sets up an authenticator app from the security page, as staff must at their first sign-in:
 * the key copied from the page, a code computed from it, the password; then past the recovery
 * codes to where the person was going. The secret is kept for the account's next sign-ins.
 */
export async function setUpApp(page: Page, email: string, password: string) {
  await page.getByRole("link", { name: "Configurar una aplicación de autenticación" }).click();
  const secret = (await page.locator("#app-secret").innerText()).replace(/\s/g, "");
  const step = currentStep();
  await page.getByLabel("Código de la aplicación").fill(totpCode(secret, step));
  await page.getByLabel("Tu contraseña").fill(password);
  await page.getByRole("button", { name: "Activar el segundo paso" }).click();
  await expect(page.getByRole("heading", { name: "Guarda tus códigos de recuperación" })).toBeVisible();
  writeFileSync(secretsFile(email), JSON.stringify({ secret, lastStep: step }));
  await page.getByRole("link", { name: "Ya los guardé, continuar" }).click();
}

/**
 * The link to the site in the newest message sent to `address`, or, with `path`, in the newest
 * one whose link leads there: a second message to the same address may reach the log a moment
 * after the page that sent it, and until then the newest is the one before. Without SMTP the
 * server writes each message to its log (JSON lines), which scripts/e2e names in
 * SENDA_E2E_SERVER_LOG.
 */
export async function emailedLink(address: string, path?: string): Promise<string> {
  const logFile = process.env.SENDA_E2E_SERVER_LOG;
  if (!logFile) throw new Error("SENDA_E2E_SERVER_LOG is not set: run the suite through scripts/e2e");
  let link: string | undefined;
  await expect
    .poll(() => {
      const links = readFileSync(logFile, "utf8")
        .split("\n")
        .filter((line) => line.includes('"to":'))
        .map((line) => JSON.parse(line))
        .filter((fields) => fields.to === address)
        .map((fields) => fields.body.match(/https?:\/\/\S+/)?.[0] as string | undefined)
        .filter((found) => found !== undefined && (path === undefined || new URL(found).pathname === path));
      link = links.at(-1);
      return link;
    }, { message: `a message to ${address}${path ? ` with a link to ${path}` : ""}` })
    .toBeTruthy();
  // Links carry the configured public origin; the tests' server may listen elsewhere.
  const url = new URL(link!);
  return url.pathname + url.search;
}

/** Signs up as a job seeker and confirms the address, as a person would. */
export async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/registro");
  await page.getByLabel("Nombre y apellidos").fill(name);
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Crea una contraseña").fill(password);
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await expectAt(page, "/revisa-tu-correo");
  await page.goto(await emailedLink(email));
  await page.getByRole("button", { name: "Confirmar y entrar" }).click();
  await expect(page).toHaveURL(/\/cuenta\?aviso=correo-confirmado$/);
}

/** Registers a company and its first employer through the form, as an employer would. */
export async function registerCompany(
  page: Page,
  company: { ruc: string; name: string; sector: string; region: string },
  employer: { name: string; email: string; password: string },
) {
  await page.goto("/registro/empresa");
  await page.getByLabel("RUC").fill(company.ruc);
  await page.getByLabel("Razón social").fill(company.name);
  await page.getByLabel("Actividad o sector").fill(company.sector);
  await page.getByLabel("Región").selectOption({ label: company.region });
  await page.getByLabel("Nombre y apellidos").fill(employer.name);
  await page.getByLabel("Correo electrónico").fill(employer.email);
  await page.getByLabel("Crea una contraseña").fill(employer.password);
  await page.getByRole("button", { name: "Registrar mi empresa" }).click();
  await expectAt(page, "/revisa-tu-correo");
}

/**
 * A company registered through its form and verified: its employer confirmed their address
 * and is signed in, and a counsellor of the demo centre (`counsellor`, new) verified it. Each
 * page is in a context of its own.
 */
export async function verifiedCompany(
  browser: Browser,
  company: { ruc: string; name: string; sector: string; region: string },
  employer: { name: string; email: string; password: string },
  counsellor: { name: string; email: string; password: string },
) {
  const employerPage = await (await browser.newContext()).newPage();
  await registerCompany(employerPage, company, employer);
  await employerPage.goto(await emailedLink(employer.email));
  await employerPage.getByRole("button", { name: "Confirmar y entrar" }).click();
  await expect(employerPage).toHaveURL(/\/cuenta\?aviso=correo-confirmado$/);
  const counsellorPage = await newCounsellor(browser, counsellor);
  await counsellorPage.goto("/empresas/verificacion");
  await counsellorPage.getByRole("button", { name: company.name }).click();
  await expect(counsellorPage.getByRole("alert")).toContainText("La empresa quedó verificada");
  return { employer: employerPage, counsellor: counsellorPage };
}

/**
 * A counsellor of the demo centre, for one project: the admin creates the account, the
 * counsellor sets a password from the emailed link and signs in. The page is theirs, in a
 * context of its own.
 */
export async function newCounsellor(browser: Browser, who: { name: string; email: string; password: string }) {
  const counsellor = await invitedCounsellor(browser, who);
  await signIn(counsellor, who.email, who.password);
  await expectAt(counsellor, "/cuenta");
  return counsellor;
}

/** A counsellor the admin created, who set a password from the emailed link and has not signed in yet. */
export async function invitedCounsellor(browser: Browser, who: { name: string; email: string; password: string }) {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin);
  await expectAt(admin, "/cuenta");
  await admin.goto("/cuentas/nueva");
  await admin.getByLabel("Nombre y apellidos").fill(who.name);
  await admin.getByLabel("Correo electrónico").fill(who.email);
  await admin.getByLabel("Consejera o consejero de un centro de empleo").check();
  await admin.getByLabel("Centro de empleo", { exact: true }).selectOption({ index: 1 });
  await admin.getByRole("button", { name: "Crear la cuenta y enviar el enlace" }).click();
  await expect(admin.getByRole("alert")).toContainText("Creamos la cuenta");
  await admin.context().close();

  const counsellor = await (await browser.newContext()).newPage();
  await counsellor.goto(await emailedLink(who.email));
  await counsellor.getByLabel("Contraseña nueva").fill(who.password);
  await counsellor.getByRole("button", { name: "Guardar la contraseña" }).click();
  await expect(counsellor).toHaveURL(/\/entrar\?aviso=/);
  return counsellor;
}

/** Presses Tab until the focused element has `name` as its text or label, as a keyboard user moves. */
export async function tabTo(page: Page, name: RegExp, most = 160) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const labels = (el as HTMLInputElement).labels;
      const label = labels && labels.length ? labels[0].textContent : "";
      return `${label ?? ""} ${el.getAttribute("aria-label") ?? ""} ${el.textContent ?? ""}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/**
 * Fills in and saves the form that makes one's own job-seeker profile (a carné de extranjería,
 * contact by email), consenting to the register and to the use of disability data.
 */
export async function fillOwnProfile(
  page: Page,
  me: { name: string; email: string },
  where: { document: string; region: string },
) {
  await page.getByLabel("Nombres y apellidos").fill(me.name);
  await page.getByLabel("Tipo de documento").selectOption({ label: "Carné de extranjería" });
  await page.getByLabel("Número de documento").fill(where.document);
  await page.getByLabel("Fecha de nacimiento").fill("1990-02-28");
  await page.getByLabel("Sexo").selectOption({ label: "Prefiero no decirlo" });
  await page.getByLabel("Región").selectOption({ label: where.region });
  await page.getByLabel("Correo electrónico (opcional)").fill(me.email);
  await page.getByLabel("Cómo prefiere que la contacten").selectOption({ label: "Correo electrónico" });
  await page.getByLabel(/Guarden mi perfil en el registro/).check();
  await page.getByLabel(/Guarden y usen los datos de mi discapacidad/).check();
  await page.getByRole("button", { name: "Guardar mi perfil" }).click();
}

/** The page as it is now, reloaded in each contrast theme and checked by axe-core each time. */
export async function expectNoAxeViolationsInEachTheme(page: Page) {
  for (const theme of THEMES) {
    await setPrefs(page.context(), new URL(page.url()).origin, { theme });
    await page.reload();
    await expectNoAxeViolationsAsSeen(page);
  }
}
