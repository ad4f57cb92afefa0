import { type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  test,
  expect,
  emailedLink,
  expectNoAxeViolations,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  keepServerHtmlOnly,
  newCounsellor,
  registerCompany,
} from "./support";
import { fillVacancy } from "./vacancy-form";

/** A file of the Rust tests' media fixtures (real small videos, captions, forged files). */
const media = (name: string) => join(__dirname, "..", "..", "tests", "fixtures", "media", name);

/** A page in a context of its own: each person has their own cookies, and axe-core needs one. */
async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** A verified company with its employer, and a counsellor of the demo centre, for one project. */
async function setting(browser: Browser, project: string) {
  const ruc = project === "no-js" ? "20601122333" : "20604455660";
  const company = `Almacenes ${project} S.A.C.`;
  const carmen = { email: `carmen.vac.${project}@senda.test`, password: "la clave de Carmen Quispe" };
  const jorge = { email: `jorge.vac.${project}@senda.test`, password: "la clave de Jorge Mamani" };

  const employer = await newPage(browser);
  await registerCompany(
    employer,
    { ruc, name: company, sector: "Logística", region: "Lima Metropolitana" },
    { name: "Carmen Quispe", ...carmen },
  );
  await employer.goto(await emailedLink(carmen.email));
  await employer.getByRole("button", { name: "Confirmar y entrar" }).click();
  await expect(employer).toHaveURL(/\/cuenta\?aviso=correo-confirmado$/);

  const counsellor = await newCounsellor(browser, { name: "Jorge Mamani", ...jorge });
  await counsellor.goto("/empresas/verificacion");
  await counsellor.getByRole("button", { name: company }).click();
  await expect(counsellor.getByRole("alert")).toContainText("La empresa quedó verificada");
  return { employer, counsellor, company };
}

test("J3: an employer drafts a vacancy, the centre returns it, then publishes it, and anyone reads it", async ({ browser }, testInfo) => {
  // Four people and a dozen form posts, each waiting for a password hash on two shared cores.
  test.setTimeout(240_000);
  const project = testInfo.project.name;
  // axe-core is a script: it runs where JavaScript does.
  const axe = async (page: Page) => {
    await expectNoAxeViolationsAsSeen(page);
  };
  const { employer, counsellor, company } = await setting(browser, project);
  const title = `Auxiliar de almacén ${project}`;

  await employer.goto("/mis-vacantes");
  await employer.getByRole("link", { name: "Escribir una vacante" }).click();
  await expect(employer).toHaveURL(/\/vacantes\/nueva$/);
  await expect(employer.getByText(company)).toBeVisible();
  // A first try without a title: the summary takes focus and what was typed stays.
  await fillVacancy(employer);
  await employer.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(employer.locator(".app-error-summary")).toBeFocused();
  await axe(employer);
  await expect(employer.getByLabel("Distrito (opcional)")).toHaveValue("Ate");
  await expect(employer.getByLabel("Acceso sin escalones")).toBeChecked();
  await employer.getByRole("link", { name: "Escribe el nombre del puesto" }).click();
  await expect(employer.getByLabel("Nombre del puesto")).toBeFocused();
  await employer.keyboard.type(title);
  await employer.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(employer.getByRole("alert")).toContainText("Guardamos la vacante");
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText(title);
  await employer.getByRole("button", { name: "Enviar a revisión" }).click();
  await expect(employer.getByRole("alert")).toContainText("cambió de estado");
  await expect(employer.getByText("Estado: Enviada a revisión.")).toBeVisible();

  // The counsellor finds it waiting, and returns it with a comment.
  await counsellor.goto("/mis-vacantes");
  await axe(counsellor);
  await counsellor.getByRole("link", { name: title }).first().click();
  await axe(counsellor);
  await counsellor.getByLabel("Qué debe cambiar el empleador").fill("Indica el horario de trabajo, por favor.");
  await counsellor.getByRole("button", { name: "Devolver con comentarios" }).click();
  await expect(counsellor.getByText("Estado: Devuelta con comentarios.")).toBeVisible();

  // The employer reads the comment, fixes the vacancy and sends it again.
  await employer.reload();
  await expect(employer.getByText("Indica el horario de trabajo, por favor.").first()).toBeVisible();
  await employer.getByRole("link", { name: "Editar", exact: true }).click();
  await expect(employer.getByLabel("Nombre del puesto")).toHaveValue(title);
  await employer.getByLabel("Requisitos").fill("Secundaria completa.\nHorario: de 8:00 a 17:00, de lunes a viernes.");
  await employer.getByRole("button", { name: "Guardar cambios" }).click();
  await expect(employer.getByRole("alert")).toContainText("Guardamos la vacante");
  await employer.getByRole("button", { name: "Enviar a revisión" }).click();
  await expect(employer.getByText("Estado: Enviada a revisión.")).toBeVisible();

  await counsellor.reload();
  await counsellor.getByRole("button", { name: "Publicar", exact: true }).click();
  await expect(counsellor.getByRole("alert")).toContainText("La vacante está publicada");
  const address = new URL(counsellor.url()).pathname;

  // The counsellor attaches the sign-language video. SubRip captions are refused on their
  // field; the video waits on the server, so only the captions are chosen again.
  await counsellor.getByRole("link", { name: "Añadir video en lengua de señas" }).click();
  // The upload page in each contrast theme (the counsellor's context keeps the last one).
  await expectNoAxeViolationsInEachTheme(counsellor);
  await counsellor.getByLabel("Video (WebM o MP4)").setInputFiles(media("intro.webm"));
  await counsellor.getByLabel("Subtítulos (archivo WebVTT, .vtt)").setInputFiles(media("captions.srt.vtt"));
  await counsellor.getByLabel("Transcripción", { exact: true }).fill(readFileSync(media("transcript.txt"), "utf8"));
  await counsellor.getByRole("button", { name: "Guardar el video" }).click();
  await expect(counsellor.locator(".app-error-summary")).toBeFocused();
  await expect(counsellor.getByText("Ya tenemos tu video «intro.webm» (12 KB)")).toBeVisible();
  await expect(counsellor.getByLabel("Transcripción", { exact: true })).toHaveValue(/Buscamos un operario de corte/);
  await axe(counsellor);
  await counsellor.getByRole("link", { name: /no empieza con WEBVTT/ }).click();
  await expect(counsellor.getByLabel("Subtítulos (archivo WebVTT, .vtt)")).toBeFocused();
  await counsellor.getByLabel("Subtítulos (archivo WebVTT, .vtt)").setInputFiles(media("intro.vtt"));
  await counsellor.getByRole("button", { name: "Guardar el video" }).click();
  await expect(counsellor.getByRole("alert")).toContainText("Guardamos el video en lengua de señas");

  // Anyone, signed out, finds it by searching without accents, and reads it: the
  // plain-language summary first, accommodations as text.
  const seeker = await newPage(browser);
  await seeker.goto("/empleos");
  await seeker.getByLabel("Palabras clave").fill(`almacen ${project}`);
  await seeker.getByRole("button", { name: "Buscar", exact: true }).click();
  await expect(seeker.getByRole("heading", { level: 1 })).toHaveText(`1 vacante para «almacen ${project}»`);
  await seeker.getByRole("link", { name: title }).click();
  await expect(seeker).toHaveURL(new RegExp(`${address}$`));
  await expect(seeker.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(seeker.locator("main h2").first()).toHaveText("En pocas palabras");
  await expect(seeker.getByText("De 8:00 a 17:00", { exact: false })).toBeVisible();
  await expect(seeker.getByRole("listitem").filter({ hasText: "Intérprete de lengua de señas en la entrevista" })).toBeVisible();
  await expect(seeker.getByRole("heading", { name: "Gestión de la vacante" })).toHaveCount(0);
  await axe(seeker);

  // The sign-language video: captions on by default, no autoplay, reachable from the keyboard,
  // the transcript a disclosure away, and with JavaScript a speed choice.
  const video = seeker.locator("video");
  await expect(video.locator('track[kind="captions"][srclang="es"]')).toHaveAttribute("default", "");
  await expect(video).toHaveAttribute("controls", "");
  await expect(video).not.toHaveAttribute("autoplay");
  const captions = await seeker.request.get((await video.locator("track").getAttribute("src"))!);
  expect(await captions.text()).toContain("Buscamos un operario de corte");
  await seeker.getByRole("heading", { name: "La vacante en lengua de señas peruana (LSP)" }).scrollIntoViewIfNeeded();
  await seeker.locator("#lsp-h").evaluate((h) => {
    h.setAttribute("tabindex", "-1");
    (h as HTMLElement).focus();
  });
  await seeker.keyboard.press("Tab");
  await expect(video).toBeFocused();
  const speed = seeker.getByLabel("Velocidad del video");
  if (project === "hydrated") {
    // Past the player's own buttons (play, time, volume, …), each a Tab stop of its own.
    for (let stops = 0; stops < 12 && !(await speed.evaluate((s) => s === document.activeElement)); stops++) {
      await seeker.keyboard.press("Tab");
    }
    await expect(speed).toBeFocused();
    await speed.selectOption({ label: "Lenta (×0,75)" });
    expect(await video.evaluate((v) => (v as HTMLVideoElement).playbackRate)).toBe(0.75);
  } else {
    await expect(speed).toBeHidden();
  }
  await seeker.getByText("Leer la transcripción del video").focus();
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByText("Hola. Somos Textiles del Sur, en Arequipa.").last()).toBeVisible();
  // The page with its video, in each contrast theme.
  await expectNoAxeViolationsInEachTheme(seeker);

  // The seeker reports it; the centre's counsellor finds the report and marks it reviewed.
  const complaint = `Me pidieron pagar un curso (${project}).`;
  await seeker.getByText("Reportar esta vacante").click();
  await seeker.getByLabel("Pide dinero o parece una estafa").check();
  await seeker.getByLabel("Cuéntanos más (opcional)").fill(complaint);
  await seeker.getByRole("button", { name: "Enviar el reporte" }).click();
  await expect(seeker.getByRole("alert")).toContainText("Enviamos tu reporte");
  await counsellor.goto("/mis-vacantes");
  const card = counsellor.getByRole("listitem").filter({ hasText: complaint });
  await expect(card).toBeVisible();
  await axe(counsellor);
  await card.getByRole("button", { name: /^Marcar como revisado/ }).click();
  await expect(counsellor.getByRole("alert")).toContainText("Marcamos el reporte como revisado");
  await expect(counsellor.getByText(complaint)).toHaveCount(0);
});

test.describe("axe-core on the vacancy pages", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("a published demo vacancy, as anyone reads it", async ({ page }) => {
    await page.goto("/vacante/1");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
