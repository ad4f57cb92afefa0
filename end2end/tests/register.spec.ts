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
} from "./support";

test("J2: a counsellor registers a person who is with them, reading out each consent", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const project = testInfo.project.name;
  const counsellor = await newCounsellor(browser, {
    name: "Marta Condori",
    email: `marta.reg.${project}@senda.test`,
    password: "la clave de Marta Condori",
  });
  const axe = async () => {
    await expectNoAxeViolationsAsSeen(counsellor);
  };
  const name = `Rosa Huamán ${project}`;
  const dni = project === "no-js" ? "70000001" : "70000002";

  await counsellor.getByRole("link", { name: "Personas que acompaña tu centro" }).click();
  // Both projects' counsellors work at the demo centre: its list may already hold the other's.
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText("Personas que acompaña tu centro");
  await axe();
  await counsellor.getByRole("link", { name: "Registrar a una persona" }).click();
  await axe();
  await counsellor.getByLabel("Nombres y apellidos").fill(name);
  await counsellor.getByLabel("Tipo de documento").selectOption({ label: "DNI" });
  await counsellor.getByLabel("Número de documento").fill(dni);
  await counsellor.getByLabel("Fecha de nacimiento").fill("1994-05-17");
  await counsellor.getByLabel("Sexo").selectOption({ label: "Mujer" });
  await counsellor.getByLabel("Región").selectOption({ label: "Lima Metropolitana" });
  await counsellor.getByLabel("Teléfono o celular").fill("984 123 456");
  await counsellor.getByLabel("Cómo prefiere que la contacten").selectOption({ label: "WhatsApp" });
  await counsellor.getByLabel(/Una consejera o consejero de mi centro de empleo puede ver mi perfil/).check();
  // The register's own consent forgotten: said, with a link to the box, and nothing lost.
  await counsellor.getByRole("button", { name: "Registrar a la persona" }).click();
  await expect(counsellor.locator(".app-error-summary")).toBeFocused();
  await axe();
  await expect(counsellor.getByLabel("Nombres y apellidos")).toHaveValue(name);
  await counsellor.getByRole("link", { name: /Sin este permiso no podemos guardar el perfil/ }).click();
  const register = counsellor.getByLabel(/Guarden mi perfil en el registro/);
  await expect(register).toBeFocused();
  await counsellor.keyboard.press("Space");
  await expect(register).toBeChecked();
  await counsellor.getByRole("button", { name: "Registrar a la persona" }).click();
  await expect(counsellor.getByRole("alert")).toContainText("Registramos a la persona");
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(counsellor.getByText("falta que la persona lo confirme").first()).toBeVisible();
  await axe();

  await counsellor.goto("/personas");
  await expect(counsellor.getByRole("link", { name })).toBeVisible();
  await axe();
  // Found again by words of the name typed without accents, then by the document number.
  const search = counsellor.getByRole("search");
  await search.getByLabel("Nombre o número de documento").fill(`huaman ${project}`);
  await search.getByRole("button", { name: "Buscar" }).click();
  await expect(counsellor.getByRole("heading", { level: 2, name: `1 persona para «huaman ${project}»` })).toBeVisible();
  await expect(counsellor.getByRole("link", { name })).toBeVisible();
  await expect(search.getByLabel("Nombre o número de documento")).toHaveValue(`huaman ${project}`);
  await expectNoAxeViolationsInEachTheme(counsellor);
  await search.getByLabel("Nombre o número de documento").fill(dni);
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByRole("link", { name })).toBeVisible();
  await search.getByLabel("Nombre o número de documento").fill("nadie se llama asi");
  await counsellor.keyboard.press("Enter");
  await expect(counsellor.getByText("Nadie que acompaña tu centro tiene ese nombre")).toBeVisible();
  await counsellor.getByRole("link", { name: "mira a todas las personas" }).click();
  await expect(counsellor.getByRole("link", { name })).toBeVisible();

  // The consent sheet to print, with the code the person enters Senda with.
  await counsellor.getByRole("link", { name }).click();
  await counsellor.getByRole("link", { name: /Hoja de permisos para imprimir/ }).click();
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(`Hoja de permisos de ${name}`);
  await expectNoAxeViolationsInEachTheme(counsellor);
  await counsellor.getByRole("button", { name: "Crear el código para entrar" }).click();
  const code = (await counsellor.locator(".app-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  // Checked as it is: reloading would post again and make another code.
  await axe();

  // The person makes an account and joins the profile to it with the code, then confirms.
  const rosa = await (await browser.newContext()).newPage();
  const email = `rosa.reg.${project}@senda.test`;
  await signUp(rosa, name, email, "la clave de Rosa Huamán");
  await rosa.getByRole("link", { name: "Mi perfil para buscar empleo" }).click();
  await rosa.getByRole("link", { name: /Une ese perfil a tu cuenta/ }).click();
  await expect(rosa.getByRole("heading", { level: 1 })).toHaveText("Unir a tu cuenta el perfil que hizo tu centro");
  await expectNoAxeViolationsInEachTheme(rosa);
  await rosa.getByLabel("Tipo de documento").selectOption({ label: "DNI" });
  await rosa.getByLabel("Número de documento").fill(dni);
  await rosa.getByLabel("Código de tu hoja de permisos").fill("22222-22222");
  await rosa.getByRole("button", { name: "Unir el perfil a mi cuenta" }).click();
  await expect(rosa.locator(".app-error-summary")).toBeFocused();
  await expect(rosa.getByLabel("Número de documento")).toHaveValue(dni);
  await rosa.getByLabel("Código de tu hoja de permisos").fill(code.toLowerCase());
  await rosa.getByRole("button", { name: "Unir el perfil a mi cuenta" }).click();
  await expect(rosa.getByRole("alert")).toContainText("Unimos tu perfil a tu cuenta");
  await expect(rosa.getByRole("heading", { level: 1 })).toHaveText(name);
  await rosa.getByRole("button", { name: "Confirmo los permisos que registró mi centro" }).click();
  await expect(rosa.getByText("falta que la persona lo confirme")).toHaveCount(0);
  await rosa.context().close();
});

test("a job seeker makes their own profile, adds what they need, and withdraws a consent", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const project = testInfo.project.name;
  const axe = async () => {
    await expectNoAxeViolationsAsSeen(page);
  };
  const me = person(project, "perfil");
  await signUp(page, me.name, me.email, me.password);
  await page.getByRole("link", { name: "Mi perfil para buscar empleo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crea tu perfil");
  await axe();
  await fillOwnProfile(page, me, { document: project === "no-js" ? "000111222" : "000111333", region: "Arequipa" });
  await expect(page.getByRole("alert")).toContainText("Guardamos tu perfil");
  await expect(page.getByRole("heading", { name: "Tus permisos" })).toBeVisible();
  await axe();

  // The profile in steps, each saved as it is given: languages (sign languages among them),
  // then the jobs done and the certificates earned, then the optional disability step.
  // The first step holds what she gave to make the profile, to change when she needs to.
  const steps = page.getByRole("navigation", { name: "El perfil, paso a paso" });
  await steps.getByRole("link", { name: "Quién es y cómo contactarle" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tus datos");
  await expect(page.getByText("Paso 1 de 6")).toBeVisible();
  await expect(page.getByLabel("Región")).toHaveValue("arequipa");
  await axe();
  await page.getByLabel("Distrito (opcional)").fill("Yanahuara");
  await page.getByRole("button", { name: "Guardar los datos" }).click();
  await expect(page.getByRole("alert")).toContainText("Guardamos los datos");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tus idiomas y lenguas de señas");
  await expect(page.getByText("Paso 2 de 6")).toBeVisible();
  await expectNoAxeViolationsInEachTheme(page);
  await page.getByLabel("Castellano").selectOption({ label: "lengua materna" });
  await page.getByLabel("Lengua de señas peruana (LSP)").selectOption({ label: "avanzado" });
  await page.getByRole("button", { name: "Guardar los idiomas" }).click();
  await expect(page.getByRole("alert")).toContainText("Guardamos los idiomas");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tu experiencia laboral");
  await expectNoAxeViolationsInEachTheme(page);
  await page.getByLabel("Puesto o trabajo").fill("Cajera");
  const from = page.getByRole("group", { name: "Desde" });
  await from.getByLabel("Mes").selectOption({ label: "marzo" });
  await from.getByLabel("Año").fill("2020");
  const until = page.getByRole("group", { name: "Hasta" });
  await until.getByLabel("Mes").selectOption({ label: "enero" });
  await until.getByLabel("Año").fill("2019");
  await page.getByRole("button", { name: "Añadir este trabajo" }).click();
  await expect(page.getByRole("link", { name: "Debe ser el mes en que empezaste o uno posterior" })).toBeVisible();
  await expect(page.getByLabel("Puesto o trabajo")).toHaveValue("Cajera");
  await axe();
  await until.getByLabel("Mes").selectOption("");
  await until.getByLabel("Año").fill("");
  await page.getByRole("button", { name: "Añadir este trabajo" }).click();
  await expect(page.getByRole("alert")).toContainText("Añadimos el trabajo");
  await expect(page.getByRole("heading", { name: "Cajera" })).toBeVisible();
  await expect(page.getByText("desde marzo de 2020 (hasta hoy)")).toBeVisible();
  await page.getByRole("link", { name: "Siguiente paso: Competencias certificadas" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tus competencias certificadas");
  await page.getByLabel("Qué certifica").fill("Operaria de limpieza");
  await page.getByLabel("Quién lo dio").fill("Ministerio de Trabajo");
  const issued = page.getByRole("group", { name: "Cuándo lo obtuviste" });
  await issued.getByLabel("Mes").selectOption({ label: "mayo" });
  await issued.getByLabel("Año").fill("2021");
  await page.getByRole("button", { name: "Añadir este certificado" }).click();
  await expect(page.getByRole("alert")).toContainText("Añadimos el certificado");
  await expect(page.getByText("Lo dio Ministerio de Trabajo en mayo de 2021")).toBeVisible();
  await axe();
  // A CV of her own, as a PDF: checked by what the file is, not by its name.
  await page.getByRole("link", { name: "Siguiente paso: CV en PDF (opcional)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tu CV en PDF");
  const upload = page.getByLabel("Archivo del CV, en PDF");
  await upload.setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("no soy un PDF") });
  await page.getByRole("button", { name: "Subir el PDF" }).click();
  await expect(page.getByRole("link", { name: /Ese archivo no es un PDF/ })).toBeVisible();
  await axe();
  await page
    .getByLabel("Archivo del CV, en PDF")
    .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "Subir el PDF" }).click();
  await expect(page.getByRole("alert")).toContainText("Guardamos el PDF de tu CV");
  await expect(page.getByRole("link", { name: "Descargar el PDF" })).toBeVisible();
  await axe();
  await page.getByRole("link", { name: "Siguiente paso: Discapacidad y ajustes (opcional)" }).click();
  await axe();
  await page.getByLabel("Auditiva").check();
  await page.getByRole("group", { name: "Ajustes para la entrevista" }).getByLabel("Intérprete de lengua de señas en la entrevista").check();
  await page.getByRole("button", { name: "Guardar", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Guardamos los datos de discapacidad");
  await expect(page.getByText("Auditiva")).toBeVisible();
  await expect(page.getByText("Castellano (lengua materna), Lengua de señas peruana (LSP) (avanzado)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Cajera" })).toBeVisible();
  await expect(steps.getByText("1 certificado")).toBeVisible();

  // The CV the profile makes: the work, how to reach her, nothing about her disability.
  await page.getByRole("link", { name: "Mi CV, para leer, imprimir o guardar en PDF" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(me.name);
  await expect(page.getByRole("heading", { name: "Cajera" })).toBeVisible();
  await expect(page.getByText("Lo dio Ministerio de Trabajo en mayo de 2021")).toBeVisible();
  await expect(page.getByText("Auditiva")).toHaveCount(0);
  await axe();
  await page.getByRole("link", { name: "Volver" }).click();

  await page.getByRole("button", { name: "Retirar este permiso: Datos de mi discapacidad" }).click();
  await expect(page.getByRole("alert")).toContainText("Retiraste el permiso");
  await expect(page.getByText("Auditiva")).toHaveCount(0);
  await expect(page.getByText("No diste permiso para guardar datos de tu discapacidad")).toBeVisible();
  await axe();

  // Deleting the profile: a box to tick and the password; forgetting the box loses nothing.
  await page.getByRole("link", { name: "Borrar mi perfil" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Borrar mi perfil");
  await expectNoAxeViolationsInEachTheme(page);
  await page.getByLabel("Contraseña actual", { exact: true }).fill(me.password);
  await page.getByRole("button", { name: "Borrar mi perfil" }).click();
  await expect(page.locator(".app-error-summary")).toBeFocused();
  await axe();
  await page.getByRole("link", { name: /Marca la casilla para confirmar que quieres borrar tu perfil/ }).click();
  await expect(page.getByLabel("Entiendo que mi perfil se borra para siempre")).toBeFocused();
  await page.keyboard.press("Space");
  await page.getByLabel("Contraseña actual", { exact: true }).fill(me.password);
  await page.getByRole("button", { name: "Borrar mi perfil" }).click();
  await expect(page.getByRole("alert")).toContainText("Borramos tu perfil");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crea tu perfil");
  await axe();
});
