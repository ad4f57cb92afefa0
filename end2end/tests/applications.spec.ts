import {
  test,
  expect,
  expectNoAxeViolations,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  fillOwnProfile,
  newCounsellor,
  person,
  signUp,
  tabTo,
} from "./support";

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("J2 by keyboard: a counsellor finds vacancies for a person who is with them, applies on their behalf and records the job", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const project = testInfo.project.name;
  const counsellor = await newCounsellor(browser, {
    name: "Marta Condori",
    email: `marta.apply.${project}@senda.test`,
    password: "la clave de Marta Condori",
  });
  const axe = async () => {
    await expectNoAxeViolationsAsSeen(counsellor);
  };
  const name = `Julia Quispe ${project}`;
  await counsellor.goto("/personas/nueva");
  await counsellor.getByLabel("Nombres y apellidos").fill(name);
  await counsellor.getByLabel("Tipo de documento").selectOption({ label: "DNI" });
  await counsellor.getByLabel("Número de documento").fill(project === "no-js" ? "70000011" : "70000012");
  await counsellor.getByLabel("Fecha de nacimiento").fill("1998-09-03");
  await counsellor.getByLabel("Sexo").selectOption({ label: "Mujer" });
  await counsellor.getByLabel("Región").selectOption({ label: "Lima Metropolitana" });
  await counsellor.getByLabel("Teléfono o celular").fill("987 654 321");
  await counsellor.getByLabel("Cómo prefiere que la contacten").selectOption({ label: "Llamada telefónica" });
  await counsellor.getByLabel(/Guarden mi perfil en el registro/).check();
  await counsellor.getByLabel(/Una consejera o consejero de mi centro de empleo puede ver mi perfil/).check();
  await counsellor.getByRole("button", { name: "Registrar a la persona" }).click();
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(name);

  // From here on, the keyboard alone.
  await tabTo(counsellor, /^Buscar vacantes para esta persona$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/recomendadas\?persona=\d+$/);
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(`Vacantes para ${name}`);
  const first = counsellor.locator(".app-card").first();
  await expect(first).toContainText("Está en la región del perfil.");
  await expectNoAxeViolationsInEachTheme(counsellor);
  const title = (await first.getByRole("heading", { level: 2 }).textContent())!.trim();
  await tabTo(counsellor, new RegExp(`^Postular a esta vacante\\s*: ${escaped(title)}$`));
  await counsellor.keyboard.press("Enter");
  await expect(counsellor).toHaveURL(/\/postular\?vacante=\d+&persona=\d+$/);
  const vacancyId = new URL(counsellor.url()).searchParams.get("vacante");
  await expect(counsellor.getByText(`Postulas en nombre de ${name}`)).toBeVisible();
  await axe();

  // The permission to share the profile forgotten: said, and the message typed is kept.
  await tabTo(counsellor, /Mensaje para la empresa/);
  await counsellor.keyboard.type("Julia vino hoy al centro; le interesa mucho este trabajo.");
  await tabTo(counsellor, /^Enviar postulación$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.locator(".app-error-summary")).toBeFocused();
  await expect(counsellor.getByLabel("Mensaje para la empresa (opcional)")).toHaveValue(/Julia vino hoy al centro/);
  await axe();
  // Julia is here and signs the consent sheet: the permission holds at once.
  await tabTo(counsellor, /La persona me dijo que da este permiso/);
  await counsellor.keyboard.press("Space");
  await tabTo(counsellor, /La persona firmó este permiso en la hoja de consentimiento/);
  await counsellor.keyboard.press("Space");
  await tabTo(counsellor, /^Enviar postulación$/);
  await counsellor.keyboard.press("Enter");

  await expect(counsellor.getByRole("alert")).toContainText("Postulación enviada");
  await expect(counsellor).toHaveURL(/\/persona\/\d+\?aviso=postulacion-enviada$/);
  const applications = counsellor.getByRole("region", { name: "Postulaciones" });
  await expect(applications.getByRole("heading", { level: 3, name: title })).toBeVisible();
  await expect(applications).toContainText("Postulación enviada por Marta Condori");
  await expect(applications).toContainText("Estado: Enviada");
  await axe();

  // The vacancy is the demo centre's: its counsellor also sees the applicants, as the employer would.
  await counsellor.goto(`/postulantes?vacante=${vacancyId}`);
  const card = counsellor.getByRole("article", { name });
  await expect(card).toContainText("Postulación enviada por Marta Condori, de su centro de empleo, en nombre de la persona.");
  await expect(card).toContainText("Julia vino hoy al centro");
  await expectNoAxeViolationsInEachTheme(counsellor);
  await counsellor.goBack();

  // The person got the job: the counsellor records it as the outcome.
  await tabTo(counsellor, /^Registrar un resultado$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(`Resultado de ${name}`);
  await expectNoAxeViolationsInEachTheme(counsellor);
  await tabTo(counsellor, /^Consiguió un empleo$/);
  await counsellor.keyboard.press("Space");
  await tabTo(counsellor, /^Formal/);
  await counsellor.keyboard.press("Space");
  await tabTo(counsellor, /^Fecha de inicio$/);
  // A date field's keyboard order follows the browser's locale: filled whole here.
  await counsellor.getByLabel("Fecha de inicio").fill("2026-12-15");
  await tabTo(counsellor, /^Empleador$/);
  await counsellor.keyboard.type("Panificadora Misti S.A.C.");
  await tabTo(counsellor, /^Puesto$/);
  await counsellor.keyboard.type(title);
  await tabTo(counsellor, /^Jornada/);
  await counsellor.keyboard.type("Medio");
  await tabTo(counsellor, /^Remuneración mensual/);
  await counsellor.keyboard.type("De la");
  await tabTo(counsellor, /^Guardar el resultado$/);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("alert")).toContainText("Resultado guardado");
  const followUp = counsellor.getByRole("region", { name: "Seguimiento del centro de empleo" });
  await expect(followUp).toContainText(`Contratada como «${title}» en Panificadora Misti S.A.C.: empleo Formal`);
  await expect(followUp).toContainText("Medio tiempo");
  await expectNoAxeViolationsInEachTheme(counsellor);
});

test("J1's last step: a job seeker applies from a vacancy page, follows the application and withdraws it", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const axe = async () => {
    await expectNoAxeViolationsAsSeen(page);
  };
  const me = person(project, "postula");
  await signUp(page, me.name, me.email, me.password);
  await page.goto("/mi-perfil");
  await fillOwnProfile(page, me, { document: project === "no-js" ? "000222111" : "000222333", region: "Arequipa" });
  await expect(page.getByRole("alert")).toContainText("Guardamos tu perfil");

  await page.goto("/empleos?region=arequipa");
  await page.locator(".app-result").first().getByRole("link").click();
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  const vacancy = page.url();
  await page.getByRole("link", { name: "Postular a esta vacante" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Postular a: ${title}`);
  await expectNoAxeViolationsInEachTheme(page);
  await page.getByLabel("Sí, doy este permiso").check();
  await page.getByLabel("Mensaje para la empresa (opcional)").fill("Tengo experiencia y me gustaría conversar.");
  await page.getByRole("button", { name: "Enviar postulación" }).click();

  await expect(page).toHaveURL(/\/mis-postulaciones\?aviso=postulacion-enviada$/);
  await expect(page.getByRole("alert")).toContainText("Postulación enviada");
  const card = page.getByRole("article", { name: title });
  await expect(card).toContainText("Estado: Enviada");
  await card.getByText("Qué pasó con esta postulación").click();
  await expect(card.getByText("La postulación se envió a la empresa.").last()).toBeVisible();
  await expectNoAxeViolationsInEachTheme(page);

  // Applying again is not possible: the form says when it was done.
  await page.goto(vacancy);
  await page.getByRole("link", { name: "Postular a esta vacante" }).click();
  await expect(page.getByText("Ya se postuló a esta vacante")).toBeVisible();
  await page.getByRole("link", { name: "Ver las postulaciones" }).click();

  // The hidden part of the name says which application: "Retirar postulación: Auxiliar contable".
  await page.getByRole("button", { name: new RegExp(`^Retirar postulación\\s*: ${escaped(title)}$`) }).click();
  await expect(page.getByRole("alert")).toContainText("Postulación retirada");
  await expect(page.getByRole("article", { name: title })).toContainText("Estado: Retirada");
  await expect(page.getByRole("button", { name: /Retirar postulación/ })).toHaveCount(0);
  await axe();
});
