import {
  test,
  expect,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  fillOwnProfile,
  newCounsellor,
  signUp,
  tabTo,
  verifiedCompany,
} from "./support";
import { fillVacancy } from "./vacancy-form";

test("J5: a counsellor builds an ability-based interview template with two sections, keyboard only", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const name = `Atención al cliente ${project}`;
  const counsellor = await newCounsellor(browser, {
    name: "Elena Ccori",
    email: `elena.templates.${project}@senda.test`,
    password: "la clave de Elena Ccori",
  });

  // From her account to the library, then a new template: sent empty, every problem named.
  await tabTo(counsellor, /^Plantillas de entrevista$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/entrevistas$/);
  await expectNoAxeViolationsInEachTheme(counsellor);
  await tabTo(counsellor, /^Crear una plantilla$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/entrevistas\/nueva$/);
  await expectNoAxeViolationsInEachTheme(counsellor);
  await counsellor.getByLabel("Ocupaciones o habilidades para las que sirve").fill("atención al cliente, caja");
  await tabTo(counsellor, /^Crear la plantilla$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.locator(".app-error-summary")).toContainText("Escribe el nombre de la plantilla");
  await expect(counsellor).toHaveTitle(/^Error: /);
  await expect(counsellor.getByLabel("Ocupaciones o habilidades para las que sirve")).toHaveValue("atención al cliente, caja");
  await expectNoAxeViolationsAsSeen(counsellor);
  await counsellor.getByLabel("Nombre de la plantilla").fill(name);
  await tabTo(counsellor, /^Crear la plantilla$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("creaste la plantilla");
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(name);

  // Two sections, each from its own form.
  for (const title of ["Atención al detalle", "Trabajo en equipo"]) {
    await tabTo(counsellor, /^Añadir una sección$/);
    await counsellor.keyboard.press("Enter");
    await expect(counsellor).toHaveURL(/\/entrevistas\/plantilla\/seccion\?id=\d+$/);
    await counsellor.getByLabel("Título de la sección").fill(title);
    await tabTo(counsellor, /^Añadir una sección$/);
    await counsellor.keyboard.press("Enter");
    await expect(counsellor.getByRole("alert")).toContainText("guardaste el cambio");
    await expect(counsellor.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }

  // A question in the first: one asking about a diagnosis is refused on its field, with what
  // was typed kept; asked about what the person does, it is kept with its guide.
  await tabTo(counsellor, /^Añadir una pregunta$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/entrevistas\/plantilla\/pregunta\?id=\d+&seccion=1$/);
  await expectNoAxeViolationsInEachTheme(counsellor);
  await counsellor.getByLabel("La pregunta, en palabras sencillas").fill("¿Cuál es su diagnóstico?");
  await counsellor.getByRole("textbox", { name: "En lectura fácil" }).fill("Revisas un pedido. ¿Cómo sabes que está completo?");
  await counsellor.getByLabel("Nivel 1").fill("No revisa");
  await counsellor.getByLabel("Nivel 4").fill("Revisa con un método y lo explica");
  await counsellor.getByLabel("Mostrar cómo lo hace en vez de contarlo").focus();
  await counsellor.keyboard.press("Space");
  await tabTo(counsellor, /^Añadir una pregunta$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.locator(".app-error-summary")).toContainText("su diagnóstico");
  await expect(counsellor.getByLabel("Nivel 4")).toHaveValue("Revisa con un método y lo explica");
  await expect(counsellor.getByLabel("Mostrar cómo lo hace en vez de contarlo")).toBeChecked();
  await expectNoAxeViolationsAsSeen(counsellor);
  await counsellor.getByLabel("La pregunta, en palabras sencillas").fill("¿Cómo revisas que un pedido esté completo?");
  await tabTo(counsellor, /^Añadir una pregunta$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("guardaste el cambio");
  const question = counsellor.getByRole("listitem").filter({ hasText: "¿Cómo revisas que un pedido esté completo?" });
  await expect(question).toContainText("Nivel 4: Revisa con un método y lo explica");
  await expect(question).toContainText("Ajustes que se ofrecen: Mostrar cómo lo hace en vez de contarlo");
  await expect(counsellor.getByText("Sirve para: atención al cliente, caja")).toBeVisible();
  await expectNoAxeViolationsInEachTheme(counsellor);

  // Printed for a paper interview: the questions and their guide, no buttons or forms.
  await counsellor.emulateMedia({ media: "print" });
  await expect(counsellor.getByRole("button", { name: /^Quitar/ }).first()).toBeHidden();
  await expect(counsellor.getByRole("link", { name: "Añadir una sección" })).toBeHidden();
  await expect(question).toContainText("Nivel 1: No revisa");
  await counsellor.emulateMedia({ media: "screen" });
});

test("J5: the employer interviews with the vacancy's template and keeps the record; the candidate prepares and reads it in words", async ({ browser }, testInfo) => {
  // Four people, a vacancy, an application and a dozen form posts on two shared cores.
  test.setTimeout(300_000);
  const project = testInfo.project.name;
  const hydrated = project === "hydrated";
  const title = `Vendedora o vendedor de tienda ${project}`;
  const { employer, counsellor } = await verifiedCompany(
    browser,
    { ruc: hydrated ? "20677123452" : "20688234566", name: `Tiendas del Valle ${project} S.A.C.`, sector: "Comercio", region: "Lima Metropolitana" },
    { name: "Diego Ramos", email: `diego.j5.${project}@senda.test`, password: "la clave de Diego Ramos" },
    { name: "Sara Vilca", email: `sara.j5.${project}@senda.test`, password: "la clave de Sara Vilca" },
  );
  await employer.goto("/vacantes/nueva");
  await fillVacancy(employer);
  await employer.getByLabel("Nombre del puesto").fill(title);
  // Words of its own: J3 counts the vacancies a search for its words finds.
  await employer.getByLabel("En qué consiste el trabajo").fill("Atenderás a los clientes de la tienda.");
  await employer.getByLabel("Resumen en lectura fácil", { exact: true }).fill("Trabajo en una tienda. Atiendes a clientes.");
  await employer.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(employer.getByRole("alert")).toContainText("Guardamos la vacante");
  await employer.getByRole("button", { name: "Enviar a revisión" }).click();
  await expect(employer.getByText("Estado: Enviada a revisión.")).toBeVisible();
  const vacancy = new URL(employer.url()).pathname;
  await counsellor.goto(vacancy);
  await counsellor.getByRole("button", { name: "Publicar", exact: true }).click();
  await expect(counsellor.getByRole("alert")).toContainText("La vacante está publicada");

  // The vacancy's centre chooses the template its interviews follow, keyboard only.
  await tabTo(counsellor, /^Plantilla para las entrevistas/);
  await counsellor.getByLabel("Plantilla para las entrevistas").selectOption({ label: "Atención al cliente — Biblioteca nacional" });
  await tabTo(counsellor, /^Guardar la plantilla$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("guardaste la plantilla de entrevista");
  await expect(counsellor.getByText("siguen la plantilla «Atención al cliente» (Biblioteca nacional)")).toBeVisible();
  await expectNoAxeViolationsInEachTheme(counsellor);

  // A job seeker applies.
  const name = `Inés Palomino ${project}`;
  const seeker = await (await browser.newContext()).newPage();
  const me = { name, email: `ines.j5.${project}@senda.test` };
  await signUp(seeker, name, me.email, "la clave de Inés Palomino");
  await seeker.goto("/mi-perfil");
  await fillOwnProfile(seeker, me, { document: hydrated ? "000777111" : "000777333", region: "Lima Metropolitana" });
  await expect(seeker.getByRole("alert")).toContainText("Guardamos tu perfil");
  await seeker.goto(vacancy);
  await seeker.getByRole("link", { name: "Postular a esta vacante" }).click();
  await seeker.getByLabel("Sí, doy este permiso").check();
  await seeker.getByRole("button", { name: "Enviar postulación" }).click();
  await expect(seeker).toHaveURL(/\/mis-postulaciones\?aviso=postulacion-enviada$/);

  // The employer opens her record from the applicants, keyboard only: scores the first
  // question from the guide, writes a note, saves the section, leaves and comes back.
  await employer.goto(vacancy);
  await tabTo(employer, /^Ver postulantes$/);
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/postulantes\?vacante=\d+$/);
  await tabTo(employer, new RegExp(`^Registro de entrevista: ${name}$`));
  await employer.keyboard.press("Enter");
  await expect(employer).toHaveURL(/\/entrevistas\/registro\?postulacion=\d+$/);
  const record = employer.url();
  await expect(employer.getByRole("heading", { level: 1 })).toHaveText(`Entrevista: ${name}`);
  await expectNoAxeViolationsInEachTheme(employer);
  const level = employer.getByRole("radio", { name: "Nivel 3: Cuenta qué hizo para ayudar" });
  await tabTo(employer, /^Sin puntuar$/);
  for (let i = 0; i < 3; i++) await employer.keyboard.press("ArrowDown");
  await expect(level).toBeChecked();
  await tabTo(employer, /^Nota: Cuéntanos de una vez/);
  await employer.keyboard.type("Ayudó a una señora a encontrar su talla y la acompañó a la caja.");
  await tabTo(employer, /^Guardar la sección «Trato con clientes»$/);
  await employer.keyboard.press("Enter");
  await expect(employer.getByRole("alert")).toContainText("guardaste el registro");
  await expectNoAxeViolationsAsSeen(employer);
  await employer.goto(vacancy);
  await employer.goto(record);
  await expect(level).toBeChecked();
  await expect(employer.getByLabel(/^Nota: Cuéntanos de una vez/)).toHaveValue("Ayudó a una señora a encontrar su talla y la acompañó a la caja.");

  // Printed for the paper file: what was written, as text, without the forms.
  await employer.emulateMedia({ media: "print" });
  await expect(employer.getByRole("button", { name: /^Guardar la sección/ })).toBeHidden();
  await expect(employer.locator(".app-print-only").first()).toContainText("Nivel 3: Cuenta qué hizo para ayudar");
  await expect(employer.locator(".app-print-only").first()).toContainText("Ayudó a una señora");
  await employer.emulateMedia({ media: "screen" });

  // Called to the interview, she prepares from its questions — never the interviewer's guide —
  // and asks to read the notes, which she reads in words.
  await employer.goto(`/postulantes?vacante=${vacancy.split("/").pop()}`);
  await employer.getByRole("radio", { name: "Entrevista", exact: true }).check();
  await employer.getByRole("button", { name: new RegExp(`^Guardar estado\\s*: ${name}$`) }).click();
  await expect(employer.getByRole("alert")).toBeVisible();
  await seeker.goto("/mis-postulaciones");
  await tabTo(seeker, new RegExp(`^Prepara tu entrevista\\s*: ${title}$`));
  await seeker.keyboard.press("Enter");
  await expect(seeker).toHaveURL(/\/entrevistas\/preparar\?postulacion=\d+$/);
  await expect(seeker.getByText("Una persona no encuentra algo. ¿Cómo la ayudaste?")).toBeVisible();
  await expect(seeker.getByRole("heading", { name: "Ajustes que puedes pedir" })).toBeVisible();
  await expect(seeker.getByText("Cuenta qué hizo para ayudar")).toHaveCount(0);
  await expectNoAxeViolationsInEachTheme(seeker);
  await tabTo(seeker, /^Pedir leer las notas$/);
  await seeker.keyboard.press("Enter");
  await expect(seeker.getByRole("alert")).toContainText("pediste leer las notas");
  const notes = seeker.locator("#record");
  await expect(notes).toContainText("Cómo te fue");
  await expect(notes).toContainText("Cuenta qué hizo para ayudar");
  await expect(notes).toContainText("Ayudó a una señora a encontrar su talla");
  await expect(notes).not.toContainText("Nivel 3");
  await expectNoAxeViolationsInEachTheme(seeker);
  await employer.goto(record);
  await expect(employer.getByText(/La persona pidió leer este registro/)).toBeVisible();
});
