import {
  test,
  expect,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  newCounsellor,
  tabTo,
} from "./support";

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
