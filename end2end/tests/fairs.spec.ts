import { type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  test,
  expect,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  newCounsellor,
  tabTo,
} from "./support";

/** A file of the Rust tests' media fixtures (real small videos and captions). */
const media = (name: string) => join(__dirname, "..", "..", "tests", "fixtures", "media", name);

/** A day `days` from today, as a date input takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Fills the fair form as a counsellor would: in person, at an accessible venue. */
async function fillFair(page: Page, title: string) {
  await page.getByLabel("Nombre de la feria").fill(title);
  await page.getByLabel("Descripción").fill("Diez empresas que contratan.\n\n- Ventas\n- Almacén");
  await page.getByLabel("La feria en lectura fácil").fill("Ven a conocer empresas. Trae tu DNI.");
  await page.getByLabel("Día de inicio").fill(day(12));
  await page.getByLabel("Hora de inicio").fill("09:00");
  await page.getByLabel("Día de cierre").fill(day(12));
  await page.getByLabel("Hora de cierre").fill("17:00");
  await page.getByLabel("Último día para inscribirse").fill(day(10));
  await page.getByLabel("Cupos").fill("300");
  // Radio buttons and check boxes as a keyboard moves them: focus, then Space.
  await page.getByLabel("Presencial", { exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Nombre del local").fill("Coliseo Casa de la Juventud");
  await page.getByLabel("Dirección").fill("Av. Grau 123");
  await page.getByLabel("Región").selectOption({ label: "Lima Metropolitana" });
  for (const access of ["Acceso sin escalones", /Intérpretes de lengua de señas/]) {
    await page.getByLabel(access).focus();
    await page.keyboard.press("Space");
  }
  await page.getByLabel(/Cómo llegar en transporte público/).fill("Metropolitano, estación Central; entrada sin escalones por la puerta 2.");
}

test("J4: a counsellor organises a fair and publishes it; anyone finds it, reads it and puts it in their calendar", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const project = testInfo.project.name;
  const title = `Feria de empleo inclusivo ${project}`;
  const counsellor = await newCounsellor(browser, {
    name: "Jorge Mamani",
    email: `jorge.fair.${project}@senda.test`,
    password: "la clave de Jorge Mamani",
  });

  // From the list, by keyboard, to an empty form sent as it is: every problem named.
  await counsellor.goto("/ferias");
  await tabTo(counsellor, /^Organizar una feria$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/ferias\/nueva$/);
  await tabTo(counsellor, /^Guardar borrador$/);
  await counsellor.keyboard.press("Enter");
  const summary = counsellor.locator(".app-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Escribe el nombre de la feria");
  await expect(summary).toContainText("Elige cómo se participa");
  await expect(counsellor).toHaveTitle(/^Error: /);
  await expectNoAxeViolationsAsSeen(counsellor);

  await fillFair(counsellor, title);
  await tabTo(counsellor, /^Guardar borrador$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("guardamos la feria");
  await expect(counsellor.getByText(/Borrador: solo los consejeros de tu centro/)).toBeVisible();
  const address = new URL(counsellor.url()).pathname;

  // Its sign-language video, from the organiser's panel, by keyboard.
  await tabTo(counsellor, /^Añadir video en lengua de señas$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/ferias\/video\?id=\d+$/);
  await expectNoAxeViolationsAsSeen(counsellor);
  await counsellor.getByLabel("Video (WebM o MP4)").setInputFiles(media("intro.webm"));
  await counsellor.getByLabel("Subtítulos (archivo WebVTT, .vtt)").setInputFiles(media("intro.vtt"));
  await counsellor.getByLabel("Transcripción", { exact: true }).fill("Hola. Te invitamos a la feria de empleo.");
  await tabTo(counsellor, /^Guardar el video$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("Guardamos el video en lengua de señas");
  await expect(counsellor).toHaveURL(new RegExp(`${address}\\?aviso=video-guardado$`));

  // Nobody else sees a draft.
  const visitor = await (await browser.newContext()).newPage();
  const draft = await visitor.goto(address);
  expect(draft!.status()).toBe(404);

  await tabTo(counsellor, /^Publicar la feria$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("la feria está publicada");
  await expectNoAxeViolationsAsSeen(counsellor);

  // Anyone: on the home page and the list, then its page, read in plain words first.
  await visitor.goto("/");
  await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await visitor.goto("/ferias");
  await tabTo(visitor, new RegExp(`^${title}$`));
  await visitor.keyboard.press("Enter");
  await expect(visitor).toHaveURL(new RegExp(`${address}$`));
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitor.getByRole("heading", { name: "La feria en pocas palabras" })).toBeVisible();
  await expect(visitor.getByText("Acceso sin escalones: sí")).toBeVisible();
  await expect(visitor.getByText("Baños accesibles: no indicado")).toBeVisible();
  await expect(visitor.getByText("de 09:00 a 17:00 (hora de Lima)")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "La feria en lengua de señas peruana (LSP)" })).toBeVisible();
  await expect(visitor.locator("video track[kind=captions]")).toHaveCount(1);
  const data = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent())!);
  expect(data["@type"]).toBe("Event");
  expect(data.startDate).toBe(`${day(12)}T09:00:00-05:00`);

  // The calendar file, downloaded by keyboard.
  await tabTo(visitor, /Añadir a mi calendario/);
  const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.keyboard.press("Enter")]);
  const file = readFileSync((await download.path())!, "utf8");
  expect(file).toContain("BEGIN:VEVENT");
  expect(file).toContain(`SUMMARY:${title}`);
  expect(file).toContain("STATUS:CONFIRMED");
  await expectNoAxeViolationsInEachTheme(visitor);
  await visitor.goto("/ferias");
  await expectNoAxeViolationsInEachTheme(visitor);

  // Called off: the page says so to whoever comes.
  await counsellor.goto(address);
  await tabTo(counsellor, /^Cancelar la feria$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("La feria quedó cancelada");
  await visitor.goto(address);
  await expect(visitor.getByText(/Esta feria se canceló/)).toBeVisible();
  await visitor.context().close();
  await counsellor.context().close();
});
