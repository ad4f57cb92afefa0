import { test, expect, emailedLink, expectNoAxeViolations, keepServerHtmlOnly, registerCompany, signIn } from "./support";

test("an admin invites a counsellor, who sets a password and verifies a new company", async ({ browser }, testInfo) => {
  const project = testInfo.project.name;
  const jorge = { email: `jorge.${project}@senda.test`, password: "la clave de Jorge Salas" };
  // A RUC per project (valid check digits), since both projects share one server.
  const ruc = project === "no-js" ? "20487654320" : "20100987652";
  const company = `Panadería ${project} S.A.C.`;

  const employer = await browser.newPage();
  await registerCompany(
    employer,
    { ruc, name: company, sector: "Alimentos", region: "Cusco" },
    { name: "Carmen Rojas", email: `carmen.${project}@senda.test`, password: "la clave de Carmen Rojas" },
  );

  const admin = await browser.newPage();
  await signIn(admin);
  await admin.getByRole("link", { name: "Crear una cuenta del equipo" }).click();
  await admin.getByLabel("Nombre y apellidos").fill("Jorge Salas");
  await admin.getByLabel("Correo electrónico").fill(jorge.email);
  await admin.getByLabel("Consejera o consejero de un centro de empleo").check();
  await admin.getByLabel("Centro de empleo", { exact: true }).selectOption({ index: 1 });
  await admin.getByRole("button", { name: "Crear la cuenta y enviar el enlace" }).click();
  await expect(admin.getByRole("alert")).toContainText("Creamos la cuenta");

  const counsellor = await browser.newPage();
  await counsellor.goto(await emailedLink(jorge.email));
  await counsellor.getByLabel("Contraseña nueva").fill(jorge.password);
  await counsellor.getByRole("button", { name: "Guardar la contraseña" }).click();
  await expect(counsellor).toHaveURL(/\/entrar\?aviso=/);
  await signIn(counsellor, jorge.email, jorge.password);
  await counsellor.getByRole("link", { name: "Verificar empresas" }).click();
  await counsellor.getByRole("button", { name: company }).click();
  await expect(counsellor.getByRole("alert")).toContainText("La empresa quedó verificada");
  await expect(counsellor.getByRole("button", { name: company })).toHaveCount(0);
});

test.describe("axe-core on the staff pages", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("creating a staff account, with errors, and the company list", async ({ page }) => {
    await signIn(page);
    await page.goto("/cuentas/nueva");
    await page.getByRole("button", { name: "Crear la cuenta y enviar el enlace" }).click();
    await expect(page.locator(".app-error-summary")).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Elige el rol de la cuenta" }).click();
    await expect(page.getByLabel("Consejera o consejero de un centro de empleo")).toBeFocused();
    await page.goto("/empresas/verificacion");
    await expectNoAxeViolations(page);
  });
});
