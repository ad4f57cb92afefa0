import { test, expect, type Browser, type Locator, type Page } from "@playwright/test";
import {
  ADMIN,
  emailedLink,
  fillOwnProfile,
  newCounsellor,
  registerCompany,
  setPrefs,
  signIn,
  signUp,
} from "../tests/support";

// Every page, as a person sees it, at a phone's width and a laptop's, in the default theme and
// the high-contrast dark one: the guard that a change to the code changes no page unseen. A
// page that changes on purpose updates its images in the same commit
// (`scripts/e2e --update-screens`). These run alone, before the rest of the browser tests, on
// a database holding only the demo records and the admin, one test after another, so every
// list shows the same rows on every run; dates, clocks and one-off codes are masked. The
// people and companies made here are their own (no email, document or RUC another spec uses):
// the rest of the browser tests run on the same database afterwards.

const WIDTHS = [390, 1280] as const;
const SHOT_THEMES = ["device", "dark"] as const;
/** The top of a long page is compared, up to this height: what repeats below (a list of 300
 * vacancies) would only make the stored images heavy. */
const MOST_HEIGHT = 4000;

/** What changes from one run to the next on any page: dates, clock times, one-off codes. */
function moving(page: Page): Locator[] {
  return [
    page.getByText(/\d{2}\/\d{2}\/\d{4}/),
    page.locator('input[type="date"], input[type="month"], .app-code'),
  ];
}

/** The page at `path` in each theme and width, compared with its stored images. */
async function shoot(page: Page, name: string, path?: string, mask: (page: Page) => Locator[] = () => []) {
  const address = path ?? new URL(page.url()).pathname + new URL(page.url()).search;
  const origin = `http://${process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000"}`;
  for (const theme of SHOT_THEMES) {
    await setPrefs(page.context(), origin, { theme });
    await page.goto(address);
    await page.waitForLoadState("load");
    await page.evaluate(() => document.fonts.ready);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await expect(page, `${address} at ${width} px in the ${theme} theme`).toHaveScreenshot(`${name}-${width}-${theme}.png`, {
        fullPage: true,
        clip: await top(page, width),
        mask: [...moving(page), ...mask(page)],
      });
    }
  }
  await setPrefs(page.context(), origin, {});
}

/** Each `[name, path]` page, shot as `<prefix>-<name>`. */
async function shootEach(page: Page, prefix: string, pages: readonly (readonly [string, string])[]) {
  for (const [name, path] of pages) await shoot(page, `${prefix}-${name}`, path);
}

/** The part of the page compared: all of it, or its first `MOST_HEIGHT` px. */
async function top(page: Page, width: number) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  return { x: 0, y: 0, width, height: Math.min(height, MOST_HEIGHT) };
}

/** The page as it is now (a form sent back with its errors), at each width, default theme. */
async function shootAsIs(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await expect(page, `${page.url()} at ${width} px`).toHaveScreenshot(`${name}-${width}-device.png`, {
      fullPage: true,
      clip: await top(page, width),
      mask: moving(page),
    });
  }
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** The number a link's address ends with (`/persona/12` → 12, `?id=12` → 12). */
async function idIn(link: Locator, param?: string) {
  const href = (await link.first().getAttribute("href"))!;
  const url = new URL(href, "http://x");
  return param ? url.searchParams.get(param)! : url.pathname.split("/").pop()!;
}

test.describe.configure({ mode: "default" });
test.setTimeout(300_000);

test("pages anyone can open", async ({ page }) => {
  await shootEach(page, "public", [
    ["home", "/"],
    ["sign-in", "/entrar"],
    ["sign-up", "/registro"],
    ["sign-up-company", "/registro/empresa"],
    ["check-email", "/revisa-tu-correo"],
    ["confirm-email", "/registro/confirmar?codigo=00"],
    ["forgot-password", "/contrasena/olvidada"],
    ["reset-password-expired", "/contrasena/nueva?codigo=0000"],
    ["confirm-email-change", "/cuenta/correo/confirmar?codigo=00"],
    ["not-found", "/esta-pagina-no-existe"],
    ["vacancy", "/vacante/1"],
    ["vacancy-remote", "/vacante/2"],
    ["search", "/empleos"],
    ["search-region", "/empleos?region=arequipa"],
    ["search-region-page-2", "/empleos?region=arequipa&pagina=2"],
    ["search-nothing", "/empleos?q=astronauta&ajuste=job_coach"],
    ["stop-alert", "/avisos/dejar"],
    ["fairs", "/ferias"],
  ]);
});

test("pages in English", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "senda_lang", value: "en", url: baseURL! }]);
  await shoot(page, "english-home", "/");
  await shoot(page, "english-vacancy", "/vacante/1");
});

test("a form sent back with its errors", async ({ page }) => {
  await page.goto("/entrar");
  await page.getByRole("button", { name: "Entrar", exact: true }).click();
  await expect(page.locator(".app-error-summary")).toBeVisible();
  await shootAsIs(page, "error-sign-in");
  await page.goto("/empleos?q=astronauta&sueldo=mucho");
  await expect(page.locator(".app-error-summary")).toBeVisible();
  await shootAsIs(page, "error-search");
});

test("an admin's pages", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/cuenta$/);
  await shootEach(page, "admin", [
    ["account", "/cuenta"],
    ["change-password", "/cuenta/contrasena"],
    ["change-email", "/cuenta/correo"],
    ["cancel-email-change", "/cuenta/correo/cancelar"],
    ["delete-account", "/cuenta/eliminar"],
    ["download-data", "/cuenta/mis-datos"],
    ["new-staff", "/cuentas/nueva"],
    ["roles", "/cuentas/roles"],
    ["roles-of", `/cuentas/roles?cuenta=${encodeURIComponent(ADMIN.email)}`],
    ["accommodations", "/ajustes"],
    ["accommodation-edit", "/ajustes?cambiar=job_coach"],
    ["company-review", "/empresas/verificacion"],
  ]);
  // Devices and events carry times and browser versions: their lists are masked.
  await shoot(page, "admin-sessions", "/cuenta/sesiones", (p) => [p.locator("main li, main tbody")]);
  await shoot(page, "admin-audit", "/auditoria", (p) => [p.locator("main tbody")]);
});

test("a counsellor's pages, and a person they register", async ({ browser }) => {
  const counsellor = await newCounsellor(browser, {
    name: "Rocío Vargas",
    email: "rocio.vargas@senda.test",
    password: "la clave de Rocío Vargas",
  });
  await shootEach(counsellor, "counsellor", [
    ["account", "/cuenta"],
    ["my-vacancies", "/mis-vacantes"],
    ["new-vacancy", "/vacantes/nueva"],
    ["vacancy", "/vacante/1"],
    ["edit-vacancy", "/vacantes/editar?id=1"],
    ["vacancy-video", "/vacantes/video?id=1"],
    ["applicants", "/postulantes?vacante=1"],
    ["register", "/personas/nueva"],
    ["fairs", "/ferias"],
    ["new-fair", "/ferias/nueva"],
  ]);

  await counsellor.goto("/personas/nueva");
  await counsellor.getByLabel("Nombres y apellidos").fill("Julia Quispe Mamani");
  await counsellor.getByLabel("Tipo de documento").selectOption({ label: "DNI" });
  await counsellor.getByLabel("Número de documento").fill("70000099");
  await counsellor.getByLabel("Fecha de nacimiento").fill("1998-09-03");
  await counsellor.getByLabel("Sexo").selectOption({ label: "Mujer" });
  await counsellor.getByLabel("Región").selectOption({ label: "Lima Metropolitana" });
  await counsellor.getByLabel("Teléfono o celular").fill("987 654 321");
  await counsellor.getByLabel("Cómo prefiere que la contacten").selectOption({ label: "Llamada telefónica" });
  await counsellor.getByLabel(/Guarden mi perfil en el registro/).check();
  await counsellor.getByLabel(/Una consejera o consejero de mi centro de empleo puede ver mi perfil/).check();
  await counsellor.getByRole("button", { name: "Registrar a la persona" }).click();
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText("Julia Quispe Mamani");
  const id = new URL(counsellor.url()).pathname.split("/").pop()!;
  await shootEach(counsellor, "counsellor", [
    ["person", `/persona/${id}`],
    ["caseload", "/personas"],
    ["matches", `/recomendadas?persona=${id}`],
    ["apply-for", `/postular?vacante=1&persona=${id}`],
    ["outcome", `/personas/resultado?id=${id}`],
    ["cv", `/cv?persona=${id}`],
  ]);
});

test("an employer's pages", async ({ browser }) => {
  const employer = await newPage(browser);
  const carmen = { name: "Carmen Quispe", email: "carmen.quispe@senda.test", password: "la clave de Carmen Quispe" };
  await registerCompany(
    employer,
    { ruc: "20607788996", name: "Almacenes del Sur S.A.C.", sector: "Logística", region: "Lima Metropolitana" },
    carmen,
  );
  await employer.goto(await emailedLink(carmen.email));
  await employer.getByRole("button", { name: "Confirmar y entrar" }).click();
  await expect(employer).toHaveURL(/\/cuenta\?aviso=correo-confirmado$/);
  await shoot(employer, "employer-account-unverified", "/cuenta");

  const reviewer = await newPage(browser);
  await signIn(reviewer);
  await reviewer.goto("/empresas/verificacion");
  await shoot(reviewer, "admin-company-review-waiting", "/empresas/verificacion");
  await reviewer.getByRole("button", { name: "Almacenes del Sur S.A.C." }).click();
  await expect(reviewer.getByRole("alert")).toContainText("La empresa quedó verificada");
  await reviewer.context().close();
  await shootEach(employer, "employer", [
    ["account", "/cuenta"],
    ["my-vacancies", "/mis-vacantes"],
    ["new-vacancy", "/vacantes/nueva"],
  ]);
});

test("a job seeker's pages, from sign-up to a profile in steps", async ({ page }) => {
  const me = { name: "Lucía Huamán", email: "lucia.huaman@senda.test", password: "una frase larga para Senda" };
  await signUp(page, me.name, me.email, me.password);
  await shootEach(page, "seeker", [
    ["account", "/cuenta"],
    ["new-profile", "/mi-perfil"],
    ["claim", "/mi-perfil/vincular"],
    ["my-searches", "/mis-busquedas"],
  ]);

  await page.goto("/mi-perfil");
  await fillOwnProfile(page, me, { document: "000123456", region: "Cusco" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shootEach(page, "seeker", [
    ["profile", "/mi-perfil"],
    ["details", "/mi-perfil/datos"],
    ["languages", "/mi-perfil/idiomas"],
    ["experience", "/mi-perfil/experiencia"],
    ["certificates", "/mi-perfil/certificados"],
    ["cv-file", "/mi-perfil/cv-pdf"],
  ]);
  await page.goto("/mi-perfil");
  const disability = page.getByRole("link", { name: /Discapacidad y ajustes/ });
  await shootEach(page, "seeker", [
    ["disability", `/personas/discapacidad?id=${await idIn(disability, "id")}`],
    ["cv", "/cv"],
    ["delete-profile", "/mi-perfil/borrar"],
    ["matches", "/recomendadas"],
    ["apply", "/postular?vacante=1"],
    ["my-applications", "/mis-postulaciones"],
  ]);
});
