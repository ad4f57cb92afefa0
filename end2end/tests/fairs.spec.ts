import { type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  test,
  expect,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  emailedLink,
  newCounsellor,
  signUp,
  tabTo,
  verifiedCompany,
} from "./support";

/** A file of the Rust tests' media fixtures (real small videos and captions). */
const media = (name: string) => join(__dirname, "..", "..", "tests", "fixtures", "media", name);

/** A day `days` from today, as a date input takes it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Fills the fair form as a counsellor would: in person, at an accessible venue, on the day
 * `startsIn` days from today (registration closing two days before).
 */
async function fillFair(page: Page, title: string, startsIn = 12) {
  await page.getByLabel("Nombre de la feria").fill(title);
  await page.getByLabel("Descripción").fill("Diez empresas que contratan.\n\n- Ventas\n- Almacén");
  await page.getByLabel("La feria en lectura fácil").fill("Ven a conocer empresas. Trae tu DNI.");
  await page.getByLabel("Día de inicio").fill(day(startsIn));
  await page.getByLabel("Hora de inicio").fill("09:00");
  await page.getByLabel("Día de cierre").fill(day(startsIn));
  await page.getByLabel("Hora de cierre").fill("17:00");
  await page.getByLabel("Último día para inscribirse").fill(day(startsIn - 2));
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
  await expectNoAxeViolationsInEachTheme(counsellor);
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
  await expectNoAxeViolationsInEachTheme(counsellor);
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

test("J4: a company asks for a stand at a fair, the organiser accepts it, and a visitor reads the stand", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const project = testInfo.project.name;
  const title = `Feria con stands ${project}`;
  const company = `Textiles Andinos ${project} S.A.C.`;
  const carmen = { email: `carmen.stand.${project}@senda.test`, password: "la clave de Carmen Quispe" };

  // A company registered and verified, and a fair published by the same centre.
  const { employer, counsellor } = await verifiedCompany(
    browser,
    { ruc: project === "no-js" ? "20612345679" : "20623456782", name: company, sector: "Textil", region: "Lima Metropolitana" },
    { name: "Carmen Quispe", ...carmen },
    { name: "Jorge Mamani", email: `jorge.stand.${project}@senda.test`, password: "la clave de Jorge Mamani" },
  );
  await counsellor.goto("/ferias/nueva");
  // Later than the other journey's fairs, which it must not push off the home page's three.
  await fillFair(counsellor, title, 40);
  await counsellor.getByRole("button", { name: "Guardar borrador" }).click();
  await counsellor.getByRole("button", { name: "Publicar la feria" }).click();
  await expect(counsellor.getByRole("alert")).toContainText("la feria está publicada");
  const address = new URL(counsellor.url()).pathname;

  // The employer asks, by keyboard: first with nothing written, then as it should be.
  await employer.goto(address);
  await tabTo(employer, /^Pedir un stand para tu empresa$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/ferias\/stand\?feria=\d+$/);
  await expectNoAxeViolationsInEachTheme(employer);
  await tabTo(employer, /^Pedir el stand$/);
  await employer.keyboard.press("Enter");
  await expect(employer.locator(".app-error-summary")).toContainText("Escribe qué quieres contar");
  await expect(employer).toHaveTitle(/^Error: /);
  await expectNoAxeViolationsAsSeen(employer);
  await employer.getByLabel("Qué quieres contar a quienes visiten el stand").fill("Tejemos prendas de alpaca.\nBuscamos operarios de acabado.");
  await employer.getByLabel("Intérprete de lengua de señas en la entrevista").focus();
  await employer.keyboard.press("Space");
  await tabTo(employer, /^Pedir el stand$/);
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("alert")).toContainText("pediste el stand");
  await expect(employer.getByText(`El stand de ${company}: Pedido, espera respuesta.`)).toBeVisible();

  // The organiser accepts it from the fair's page; the employer is told by email.
  await counsellor.goto(address);
  await expect(counsellor.getByText("Esperan respuesta: 1.")).toBeVisible();
  await expectNoAxeViolationsInEachTheme(counsellor);
  await tabTo(counsellor, new RegExp(`^Aceptar el stand de ${company}$`));
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("el stand está aceptado");
  expect(await emailedLink(carmen.email, address)).toContain(address);

  // The employer says who keeps the stand: a shift outside the fair's hours is refused on its
  // field, then one within them is shown on the stand's page.
  await employer.goto(address);
  await tabTo(employer, new RegExp(`^${company}$`));
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/stand\/\d+$/);
  await expectNoAxeViolationsInEachTheme(employer);
  await tabTo(employer, /^Decir quién atiende y cuándo$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/ferias\/stand\/turnos\?id=\d+$/);
  await expectNoAxeViolationsInEachTheme(employer);
  await employer.getByLabel("Quién atiende").selectOption({ label: "Carmen Quispe" });
  await employer.getByLabel("Desde (hora de Lima)").fill("07:00");
  await employer.getByLabel("Hasta (hora de Lima)").fill("10:00");
  await tabTo(employer, /^Añadir el turno$/);
  await employer.keyboard.press("Enter");
  await expect(employer.locator(".app-error-summary")).toContainText("dentro del horario de la feria");
  await expect(employer.getByLabel("Desde (hora de Lima)")).toHaveValue("07:00");
  await expectNoAxeViolationsAsSeen(employer);
  await employer.getByLabel("Desde (hora de Lima)").fill("10:00");
  await employer.getByLabel("Hasta (hora de Lima)").fill("13:00");
  await tabTo(employer, /^Añadir el turno$/);
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("alert")).toContainText("añadiste el turno");
  await expect(employer.getByRole("button", { name: /^Quitar el turno de Carmen Quispe/ })).toBeVisible();

  // Anyone: the company on the fair's page, and its stand with what it offers.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(address);
  await tabTo(visitor, new RegExp(`^${company}$`));
  await visitor.keyboard.press("Enter");
  await expect(visitor).toHaveURL(/\/stand\/\d+$/);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`Stand de ${company}`);
  await expect(visitor.getByText("Tejemos prendas de alpaca.")).toBeVisible();
  await expect(visitor.getByRole("listitem").filter({ hasText: "Intérprete de lengua de señas en la entrevista" })).toBeVisible();
  await expect(visitor.getByText("La empresa no tiene empleos abiertos ahora.")).toBeVisible();
  await expect(visitor.getByRole("listitem").filter({ hasText: "Carmen Quispe" })).toContainText("de 10:00 a 13:00");
  await expectNoAxeViolationsInEachTheme(visitor);
  const stand = new URL(visitor.url()).pathname;

  // A job seeker leaves a question at the stand; the company answers it on its own page; the
  // answer is on the seeker's fair page.
  const seeker = await (await browser.newContext()).newPage();
  await signUp(seeker, "Rosa Huamán", `rosa.stand.${project}@senda.test`, "la clave de Rosa Huamán");
  await seeker.goto(stand);
  await tabTo(seeker, /^Enviar la pregunta$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.locator(".app-error-summary")).toContainText("Escribe tu pregunta");
  await seeker.getByLabel("Tu pregunta").fill("¿Hay turnos de tarde?");
  await tabTo(seeker, /^Enviar la pregunta$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("enviaste tu pregunta");
  await expect(seeker.getByText("Esperando respuesta de la empresa.")).toBeVisible();
  await employer.goto(stand);
  await tabTo(employer, /^Responder preguntas \(1 esperan respuesta\)$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/ferias\/stand\/preguntas\?id=\d+$/);
  await expect(employer.getByText("¿Hay turnos de tarde?")).toBeVisible();
  await expectNoAxeViolationsInEachTheme(employer);
  await employer.getByLabel("Tu respuesta a Rosa Huamán").fill("Sí, de 14:00 a 22:00.");
  await tabTo(employer, /^Enviar la respuesta$/);
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("alert")).toContainText("enviaste tu respuesta");
  await seeker.goto(address);
  await expect(seeker.getByRole("heading", { name: "Tus preguntas" })).toBeVisible();
  await expect(seeker.getByText("Sí, de 14:00 a 22:00.")).toBeVisible();
  await expectNoAxeViolationsAsSeen(seeker);

  // She registers from the fair's page, asking for breaks; the organiser answers on the list
  // of who registered, and she reads the answer on her registration.
  await tabTo(seeker, /^Inscribirme$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/ferias\/inscripcion\?id=\d+$/);
  await seeker.getByLabel("Pausas").focus();
  await seeker.keyboard.press("Space");
  await seeker.getByLabel(/Otra cosa que necesites/).fill("Una silla cerca de la puerta");
  await expectNoAxeViolationsAsSeen(seeker);
  await tabTo(seeker, /^Inscribirme$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("te inscribiste");
  await expect(seeker.getByText(/Estás inscrito o inscrita desde/)).toBeVisible();
  await counsellor.goto(address);
  await tabTo(counsellor, /^Inscritos y ajustes pedidos \(por organizar: 2; atrasados: 0\)$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/ferias\/inscritos\?id=\d+$/);
  await expect(counsellor.getByRole("heading", { name: "Ajustes por organizar (2)" })).toBeVisible();
  await expectNoAxeViolationsInEachTheme(counsellor);
  const breaks = counsellor.getByRole("listitem").filter({ hasText: "Pausas" });
  await breaks.getByLabel("No es posible").focus();
  await counsellor.keyboard.press("Space");
  await breaks.getByLabel("Qué le decimos").fill("Las entrevistas duran 10 minutos; puedes salir entre una y otra.");
  await breaks.getByRole("button", { name: "Enviar respuesta" }).focus();
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("enviaste la respuesta");
  await expect(counsellor.getByRole("heading", { name: "Ajustes por organizar (1)" })).toBeVisible();
  await seeker.reload();
  await expect(seeker.getByText("No es posible. El organizador dice por qué:")).toBeVisible();
  await expect(seeker.getByText(/Las entrevistas duran 10 minutos/)).toBeVisible();
  await expectNoAxeViolationsAsSeen(seeker);

  // The employer publishes interview slots at the stand: a block that fits none is refused on
  // its field, then one that makes two slots of 30 minutes with 10 of rest.
  await employer.goto(stand);
  await tabTo(employer, /^Entrevistas: publicar horarios y ver quién reservó$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/ferias\/stand\/entrevistas\?id=\d+$/);
  await expectNoAxeViolationsInEachTheme(employer);
  await employer.getByLabel("Desde (hora de Lima)").fill("10:00");
  await employer.getByLabel("Hasta (hora de Lima)").fill("10:20");
  await tabTo(employer, /^Publicar entrevistas$/);
  await employer.keyboard.press("Enter");
  await expect(employer.locator(".app-error-summary")).toContainText("No cabe ninguna entrevista de 30 minutos");
  await expect(employer.getByLabel("Hasta (hora de Lima)")).toHaveValue("10:20");
  await expectNoAxeViolationsAsSeen(employer);
  await employer.getByLabel("Hasta (hora de Lima)").fill("11:30");
  await tabTo(employer, /^Publicar entrevistas$/);
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("alert")).toContainText("publicaste las entrevistas");
  await expect(employer.getByRole("heading", { level: 3 })).toHaveCount(2);

  // She books the first from the stand's page, sharing what she asked for at the fair; her
  // registration lists it with the room she can open herself.
  await seeker.goto(stand);
  await tabTo(seeker, /^Reservar la entrevista del .*10:00/);
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/ferias\/entrevista\/reservar\?turno=\d+$/);
  await expect(seeker.getByText("Pausas — el organizador no puede darlo")).toBeVisible();
  await expectNoAxeViolationsInEachTheme(seeker);
  await seeker.getByLabel("Compartir mis pedidos de ajustes con quien me entrevista").focus();
  await seeker.keyboard.press("Space");
  await tabTo(seeker, /^Reservar la entrevista$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("reservaste la entrevista");
  await expect(seeker.getByRole("heading", { name: "Tus entrevistas" })).toBeVisible();
  await expect(seeker.getByRole("link", { name: "Entrar a la sala de la videollamada" })).toHaveAttribute("href", /^http:\/\/127\.0\.0\.1:9\/salas\/senda-\d+-[0-9a-f]{24}$/);
  await expectNoAxeViolationsAsSeen(seeker);

  // The interviewer reads who booked and what she shared.
  await employer.reload();
  await expect(employer.getByText("Reservada por Rosa Huamán")).toBeVisible();
  await expect(employer.getByText("Pausas — el organizador no puede darlo")).toBeVisible();
  await expectNoAxeViolationsAsSeen(employer);
  for (const page of [visitor, counsellor, employer, seeker]) await page.context().close();
});
