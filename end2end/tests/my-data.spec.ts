import { readFileSync } from "node:fs";
import { test, expect, emailedLink, expectNoAxeViolations, keepServerHtmlOnly, person, signIn, signUp } from "./support";

test("my account moves to a new address only once the emailed link is used", async ({ page }, testInfo) => {
  const elena = person(testInfo.project.name, "elena");
  const newAddress = `elena.nueva.${testInfo.project.name}@senda.test`;
  await signUp(page, elena.name, elena.email, elena.password);
  await page.getByRole("link", { name: "Cambiar mi correo electrónico" }).click();
  await page.getByLabel("Correo electrónico nuevo").fill(newAddress);
  await page.getByLabel("Contraseña actual").fill(elena.password);
  await page.getByRole("button", { name: "Enviar el enlace" }).click();
  await expect(page).toHaveURL(/\/cuenta\?aviso=correo-enlace-enviado$/);
  await expect(page.getByText(elena.email, { exact: true })).toBeVisible();

  await page.goto(await emailedLink(newAddress));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Usar esta dirección en mi cuenta");
  await page.getByRole("button", { name: "Confirmar la dirección nueva" }).click();
  await expect(page).toHaveURL(/\/cuenta\?aviso=correo-cambiado$/);
  await expect(page.getByText(newAddress, { exact: true })).toBeVisible();
});

test("a wrong password changes no address and says so on the field", async ({ page }, testInfo) => {
  const rosa = person(testInfo.project.name, "rosa.correo");
  await signUp(page, rosa.name, rosa.email, rosa.password);
  await page.goto("/cuenta/correo");
  await page.getByLabel("Correo electrónico nuevo").fill(`otra.${rosa.email}`);
  await page.getByLabel("Contraseña actual").fill("no es mi contraseña");
  await page.getByRole("button", { name: "Enviar el enlace" }).click();
  await expect(page.locator(".app-error-summary")).toBeFocused();
  await expect(page.getByLabel("Correo electrónico nuevo")).toHaveValue(`otra.${rosa.email}`);
  await expect(page.getByLabel("Contraseña actual")).toHaveAttribute("aria-invalid", "true");
});

test("my data downloads as a JSON file with my account in it", async ({ page }, testInfo) => {
  const pedro = person(testInfo.project.name, "pedro");
  await signUp(page, "Pedro Quispe", pedro.email, pedro.password);
  await page.getByRole("link", { name: "Descargar mis datos" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Descargar mis datos");
  await page.getByRole("button", { name: "Descargar mis datos" }).click();
  await expect(page.locator(".app-error-summary")).toBeFocused();
  await expect(page.getByLabel("Contraseña actual")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Contraseña actual").fill(pedro.password);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Descargar mis datos" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^senda-mis-datos-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync(await file.path(), "utf8"));
  expect(data.account.email).toBe(pedro.email);
  expect(data.account.name).toBe("Pedro Quispe");
  expect(data.roles.map((r: { role: string }) => r.role)).toEqual(["seeker"]);
  expect(data.activity.map((a: { action: string }) => a.action)).toContain("sign_in");
});

test("deleting my account takes the box and my password, then the account is gone", async ({ page }, testInfo) => {
  const hugo = person(testInfo.project.name, "hugo");
  await signUp(page, "Hugo Ramos", hugo.email, hugo.password);
  await page.getByRole("link", { name: "Eliminar mi cuenta" }).click();
  await page.getByRole("button", { name: "Eliminar mi cuenta" }).click();
  await expect(page.locator(".app-error-summary")).toBeFocused();
  await expect(page.locator(".app-error-summary")).toContainText("Marca la casilla");
  await page.getByRole("link", { name: "Marca la casilla para confirmar que quieres eliminar tu cuenta" }).click();
  await expect(page.getByLabel("Entiendo que mi cuenta y mis datos se borran para siempre")).toBeFocused();

  await page.getByLabel("Entiendo que mi cuenta y mis datos se borran para siempre").check();
  await page.getByLabel("Contraseña actual").fill(hugo.password);
  await page.getByRole("button", { name: "Eliminar mi cuenta" }).click();
  await expect(page).toHaveURL(/\/\?aviso=cuenta-eliminada$/);
  await expect(page.getByRole("alert")).toContainText("Eliminamos tu cuenta");
  await expect(page.getByRole("link", { name: "Entrar" })).toBeVisible();

  await signIn(page, hugo.email, hugo.password);
  await expect(page.locator(".app-error-summary")).toContainText("no son correctos");
});

test("an admin gives a seeker a counsellor's role; the seeker is signed out and the log shows it", async ({ browser }, testInfo) => {
  const marta = person(testInfo.project.name, "marta");
  const seeker = await browser.newPage();
  await signUp(seeker, "Marta Flores", marta.email, marta.password);

  const admin = await browser.newPage();
  await signIn(admin);
  await admin.getByRole("link", { name: "Dar o quitar roles" }).click();
  await admin.getByLabel("Cuenta", { exact: true }).fill(marta.email);
  await admin.getByRole("button", { name: "Buscar" }).click();
  await expect(admin.getByRole("heading", { name: "Roles de Marta Flores" })).toBeVisible();
  await admin.getByLabel("Consejera o consejero de un centro de empleo").check();
  await admin.getByLabel("Centro de empleo", { exact: true }).selectOption({ index: 1 });
  await admin.getByRole("button", { name: "Dar el rol" }).click();
  await expect(admin.getByRole("alert")).toContainText("Dimos el rol");
  // The visually hidden context after the button text reads as one more word.
  await expect(admin.getByRole("button", { name: /^Quitar este rol\s*: Consejera o consejero/ })).toBeVisible();

  await seeker.goto("/cuenta");
  await expect(seeker).toHaveURL(/\/entrar\?volver=%2Fcuenta$/);
  await signIn(seeker, marta.email, marta.password);
  await expect(seeker.getByRole("link", { name: "Verificar empresas" })).toBeVisible();

  await admin.goto("/cuenta");
  await admin.getByRole("link", { name: "Registro de auditoría" }).click();
  await admin.getByLabel("Qué pasó").selectOption({ label: "Rol dado" });
  await admin.getByLabel("Persona").fill(marta.email);
  await admin.getByRole("button", { name: "Mostrar" }).click();
  await expect(admin.getByRole("heading", { level: 3 }).first()).toContainText("Rol dado");
  await expect(admin.getByText("counsellor: centre", { exact: false }).first()).toBeVisible();
});

test.describe("axe-core on my data and the admin tools", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("changing the email, with errors", async ({ page }, testInfo) => {
    const ines = person(testInfo.project.name, "ines.axe");
    await signUp(page, ines.name, ines.email, ines.password);
    await expectNoAxeViolations(page);
    await page.goto("/cuenta/correo");
    await page.getByRole("button", { name: "Enviar el enlace" }).click();
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
    // The warning's link to cancel the change, with a change pending and after it.
    await page.getByLabel("Correo electrónico nuevo").fill(`otra.${ines.email}`);
    await page.getByLabel("Contraseña actual").fill(ines.password);
    await page.getByRole("button", { name: "Enviar el enlace" }).click();
    await page.goto(await emailedLink(ines.email, "/cuenta/correo/cancelar"));
    await expect(page.getByText(`otra.${ines.email}`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Cancelar el cambio" }).click();
    await expect(page.getByRole("alert")).toContainText("Cancelamos el cambio de correo");
  });

  test("downloading my data and deleting the account, with errors", async ({ page }, testInfo) => {
    const teo = person(testInfo.project.name, "teo.axe");
    await signUp(page, teo.name, teo.email, teo.password);
    await page.goto("/cuenta/mis-datos");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Descargar mis datos" }).click();
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/cuenta/eliminar");
    await page.getByRole("button", { name: "Eliminar mi cuenta" }).click();
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the roles page with an account found and an error", async ({ page }) => {
    await signIn(page);
    await page.goto("/cuentas/roles?cuenta=ana.torres%40senda.test");
    await expect(page.getByRole("heading", { name: "Roles de Ana Torres" })).toBeVisible();
    await page.getByRole("button", { name: "Dar el rol" }).click();
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the audit log, and a date it cannot read", async ({ page }) => {
    await signIn(page);
    await page.goto("/auditoria");
    await expect(page.getByRole("heading", { level: 3 }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/auditoria?desde=ayer");
    await expect(page.getByText("No entendimos una de las fechas")).toBeVisible();
  });
});
