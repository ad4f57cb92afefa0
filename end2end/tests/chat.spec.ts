import { type Page } from "@playwright/test";
import {
  test,
  expect,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  islandsLive,
  signUp,
  tabTo,
  verifiedCompany,
} from "./support";

/** The demo's virtual fair: running from the moment the demo records are loaded. */
const DEMO_FAIR = "Feria virtual de empleo inclusivo";

/** Remembers the page as it is, so that a later check can tell it was never loaded again. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

test("J4: at the running virtual fair a job seeker chats live with a company's stand, keyboard only", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const project = testInfo.project.name;
  const hydrated = project === "hydrated";
  const company = `Alpacas del Sur ${project} S.A.C.`;
  const marco = { name: "Marco Salas", email: `marco.chat.${project}@senda.test`, password: "la clave de Marco Salas" };

  // A company, verified, asks for a stand at the running fair, and the organising centre
  // accepts it.
  const { employer, counsellor } = await verifiedCompany(
    browser,
    { ruc: hydrated ? "20634567896" : "20645678908", name: company, sector: "Textil", region: "Arequipa" },
    marco,
    { name: "Jorge Mamani", email: `jorge.chat.${project}@senda.test`, password: "la clave de Jorge Mamani" },
  );
  await employer.goto("/ferias");
  await employer.getByRole("link", { name: DEMO_FAIR }).click();
  const fair = new URL(employer.url()).pathname;
  await employer.getByRole("link", { name: "Pedir un stand para tu empresa" }).click();
  await employer.getByLabel("Qué quieres contar a quienes visiten el stand").fill("Tejemos con fibra de alpaca. Escríbenos.");
  await employer.getByRole("button", { name: "Pedir el stand" }).click();
  await expect(employer.getByRole("alert")).toContainText("pediste el stand");
  await counsellor.goto(fair);
  await counsellor.getByRole("button", { name: `Aceptar el stand de ${company}`, exact: true }).click();
  await expect(counsellor.getByRole("alert")).toContainText("el stand está aceptado");
  await employer.goto(fair);
  await employer.getByRole("link", { name: company }).click();
  await expect(employer).toHaveURL(/\/stand\/\d+$/);
  const stand = new URL(employer.url()).pathname;

  // A job seeker opens the chat from the stand; nobody is on duty yet, and she may write and
  // wait. An empty message is refused on its field.
  const seeker = await (await browser.newContext()).newPage();
  await signUp(seeker, "Pilar Condori", `pilar.chat.${project}@senda.test`, "la clave de Pilar Condori");
  await seeker.goto(stand);
  await tabTo(seeker, /^Conversar con la empresa$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/ferias\/stand\/chat\?id=\d+$/);
  await expect(seeker.getByText(/Ahora no hay nadie del equipo de la empresa en el stand/)).toBeVisible();
  await tabTo(seeker, /^Enviar$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.locator(".app-error-summary")).toContainText("Escribe tu mensaje");
  await expect(seeker).toHaveTitle(/^Error: /);
  await expectNoAxeViolationsAsSeen(seeker);
  await seeker.getByLabel("Tu mensaje").fill("Hola, ¿buscan personas para el almacén?");
  await tabTo(seeker, /^Enviar$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByText(/eres la persona número 1/)).toBeVisible();
  const log = seeker.getByRole("log", { name: "Conversación" });
  await expect(log.getByRole("listitem")).toHaveCount(1);
  await expect(log.getByRole("listitem").first()).toContainText("Tú");
  await expectNoAxeViolationsInEachTheme(seeker);
  if (hydrated) await islandsLive(seeker);
  await markPage(seeker);
  await tabTo(seeker, /^Tu mensaje/);

  // The company sees her waiting, takes the conversation and answers.
  await employer.goto(stand);
  await tabTo(employer, /^Conversaciones en vivo \(1 en espera\)$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/ferias\/stand\/chats\?id=\d+$/);
  await expectNoAxeViolationsInEachTheme(employer);
  await tabTo(employer, /^Atender a Pilar Condori$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/ferias\/stand\/chats\/conversacion\?id=\d+$/);
  await expect(employer.getByText("La atiendes tú.")).toBeVisible();
  await expectNoAxeViolationsInEachTheme(employer);
  if (hydrated) await islandsLive(employer);
  await markPage(employer);
  const theirs = employer.getByRole("log", { name: "Conversación" });
  await employer.getByLabel("Tu respuesta").fill("¡Hola, Pilar! Sí. ¿Puedes tener una entrevista mañana?");
  await tabTo(employer, /^Enviar$/);
  await employer.keyboard.press("Enter");
  await expect(theirs.getByRole("listitem").filter({ hasText: "¿Puedes tener una entrevista mañana?" })).toContainText("Tú");

  // The answer reaches her: with JavaScript as she types, the page never reloaded and the
  // focus still in her box; without it, "Actualizar" brings it.
  const answer = log.getByRole("listitem").filter({ hasText: "¿Puedes tener una entrevista mañana?" });
  if (hydrated) {
    await expect(answer).toContainText("Marco Salas");
    expect(await stillSamePage(seeker)).toBe(true);
    expect(await focusedId(seeker)).toBe("message");
  } else {
    await tabTo(seeker, /^Actualizar$/);
    await seeker.keyboard.press("Enter");
    await expect(answer).toContainText("Marco Salas");
    await expect(seeker.getByText("Te atiende Marco Salas.")).toBeVisible();
  }
  await expectNoAxeViolationsAsSeen(seeker);

  // Her reply: with JavaScript, sent from the page, which stays, the box emptied and focused.
  if (!hydrated) await tabTo(seeker, /^Tu mensaje/);
  await seeker.keyboard.type("Sí, mañana a las 10.");
  await tabTo(seeker, /^Enviar$/);
  await seeker.keyboard.press("Enter");
  const mine = log.getByRole("listitem").filter({ hasText: "Sí, mañana a las 10." });
  await expect(mine).toContainText("Tú");
  await expect(log.getByRole("listitem")).toHaveCount(3);
  if (hydrated) {
    expect(await stillSamePage(seeker)).toBe(true);
    await expect(seeker.getByLabel("Tu mensaje")).toHaveValue("");
    expect(await focusedId(seeker)).toBe("message");
    await expect(theirs.getByRole("listitem").filter({ hasText: "Sí, mañana a las 10." })).toContainText("Pilar Condori");
    expect(await stillSamePage(employer)).toBe(true);
  } else {
    await employer.reload();
    await expect(theirs.getByRole("listitem").filter({ hasText: "Sí, mañana a las 10." })).toContainText("Pilar Condori");
  }

  // She reports the company's question to the fair's organisers, who read it and mark it
  // reviewed.
  await tabTo(seeker, /^Reportar un mensaje$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/ferias\/stand\/chat\/reportar\?id=\d+$/);
  await tabTo(seeker, /^Enviar el reporte$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.locator(".app-error-summary")).toContainText("Elige el mensaje que quieres reportar.");
  await expectNoAxeViolationsInEachTheme(seeker);
  await tabTo(seeker, /¿Puedes tener una entrevista mañana\?/);
  await seeker.keyboard.press("Space");
  // Both projects' people report at the one demo fair: this one's reason is its own.
  const reason = `Quiero saber si la empresa es de verdad (${project}).`;
  await seeker.getByLabel(/^Por qué lo reportas/).fill(reason);
  await tabTo(seeker, /^Enviar el reporte$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("Enviaste el reporte.");
  await counsellor.goto(fair);
  await tabTo(counsellor, /^Mensajes reportados en los chats \(\d+ por revisar\)$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/ferias\/reportes\?id=\d+$/);
  const report = counsellor.getByRole("listitem").filter({ hasText: reason });
  await expect(report).toContainText("Marco Salas (por la empresa) escribió en el stand de");
  await expect(report).toContainText("¿Puedes tener una entrevista mañana?");
  await expectNoAxeViolationsInEachTheme(counsellor);
  await report.getByRole("button", { name: /^Marcar como revisado el mensaje de Marco Salas/ }).focus();
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("Marcaste el reporte como revisado.");
  await expect(counsellor.getByRole("listitem").filter({ hasText: reason })).toContainText("Revisado el");

  // Marco turns the conversation into an interview: with none free at the stand yet, he
  // publishes two for tomorrow and offers her the first from the conversation.
  const conversation = employer.url();
  await tabTo(employer, /^Publicar entrevistas$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/ferias\/stand\/entrevistas\?id=\d+$/);
  const tomorrow = new Date(Date.now() + 19 * 3_600_000).toISOString().slice(0, 10);
  await employer.getByLabel("Día", { exact: true }).fill(tomorrow);
  await employer.getByLabel("Desde (hora de Lima)").fill("15:00");
  await employer.getByLabel("Hasta (hora de Lima)").fill("16:00");
  await tabTo(employer, /^Publicar entrevistas$/);
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("alert")).toContainText("publicaste las entrevistas");
  await employer.goto(conversation);
  await employer.getByLabel("Ofrecer una entrevista").selectOption({ index: 1 });
  await expectNoAxeViolationsAsSeen(employer);
  await tabTo(employer, /^Ofrecer esta entrevista$/);
  await employer.keyboard.press("Enter");
  const offered = theirs.getByRole("listitem").filter({ hasText: "Te ofrezco una entrevista" });
  await expect(offered).toContainText("15:00");

  // The offer reaches her with its link, and she books it herself: registering for the fair
  // first, as every booking asks.
  if (!hydrated) {
    await tabTo(seeker, /^Actualizar$/);
    await seeker.keyboard.press("Enter");
  }
  const offer = log.getByRole("listitem").filter({ hasText: "Te ofrezco una entrevista" });
  await expect(offer.getByRole("link", { name: "Reservar esta entrevista" })).toBeVisible();
  await tabTo(seeker, /^Reservar esta entrevista$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/ferias\/entrevista\/reservar\?turno=\d+$/);
  const booking = seeker.url();
  await tabTo(seeker, /^Inscríbete en la feria para reservar una entrevista$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/ferias\/inscripcion\?id=\d+$/);
  await tabTo(seeker, /^Inscribirme$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("te inscribiste");
  await seeker.goto(booking);
  await tabTo(seeker, /^Reservar la entrevista$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("reservaste la entrevista");
  await expect(seeker.getByRole("heading", { name: "Tus entrevistas" })).toBeVisible();
  await seeker.goto(stand);
  await tabTo(seeker, /^Volver a tu conversación$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/ferias\/stand\/chat\?id=\d+$/);

  // She ends it, and reads it again below, as it is kept; the company keeps it among the
  // ended ones, to follow up.
  await tabTo(seeker, /^Terminar la conversación$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("Terminaste la conversación.");
  const earlier = seeker.getByRole("region", { name: /^Tus conversaciones anteriores con/ });
  await expect(earlier.getByRole("listitem").filter({ hasText: "Sí, mañana a las 10." })).toContainText("Tú");
  await expectNoAxeViolationsAsSeen(seeker);
  await tabTo(employer, /^Volver a las conversaciones$/);
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("heading", { name: "Terminadas" })).toBeVisible();
  await expect(employer.getByRole("link", { name: /Pilar Condori/ })).toBeVisible();
  for (const page of [employer, seeker, counsellor]) await page.context().close();
});
