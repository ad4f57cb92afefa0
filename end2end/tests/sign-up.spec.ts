import { emailedLink, expect, expectAt, expectNoAxeViolations, keepServerHtmlOnly, person, signIn, signUp, test } from "./support";

test("a job seeker signs up, confirms the email and lands in the account", async ({ page }, testInfo) => {
  const lucia = person(testInfo.project.name, "lucia");
  await signUp(page, lucia.name, lucia.email, lucia.password);
  await expect(page.locator(".app-notice")).toBeFocused();
  await expect(page.getByRole("alert")).toContainText("Tu correo está confirmado");
  await expect(page.getByText(lucia.email)).toBeVisible();
  await expect(page.getByText("Persona que busca empleo")).toBeVisible();
});

test("sign-up mistakes are explained on each field and nothing typed is lost", async ({ page }) => {
  await page.goto("/registro");
  await page.getByLabel("Correo electrónico").fill("lucia@");
  await page.getByLabel("Crea una contraseña").fill("12345678");
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await expect(page).toHaveTitle("Error: Crear una cuenta — Senda");
  await expect(page.locator(".app-error-summary")).toBeFocused();
  await expect(page.getByRole("link", { name: "Escribe tu nombre y apellidos" })).toBeVisible();
  await expect(page.getByRole("link", { name: /muy común/ })).toBeVisible();
  await expect(page.getByLabel("Correo electrónico")).toHaveValue("lucia@");
  await expect(page.getByLabel("Crea una contraseña")).toHaveValue("");
});

test("a forgotten password is replaced through the emailed link", async ({ page }, testInfo) => {
  const rosa = person(testInfo.project.name, "rosa");
  await signUp(page, "Rosa Quispe", rosa.email, rosa.password);
  await page.getByRole("button", { name: "Salir de mi cuenta" }).click();
  await expectAt(page, "/");

  await page.goto("/entrar");
  await page.getByRole("link", { name: "¿Olvidaste tu contraseña?" }).click();
  await page.getByLabel("Correo electrónico").fill(rosa.email);
  await page.getByRole("button", { name: "Enviar el enlace" }).click();
  await expectAt(page, "/revisa-tu-correo");

  await page.goto(await emailedLink(rosa.email, "/contrasena/nueva"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crea una contraseña nueva");
  await page.getByLabel("Contraseña nueva").fill("otra frase larga y nueva");
  await page.getByRole("button", { name: "Guardar la contraseña" }).click();
  await expect(page).toHaveURL(/\/entrar\?aviso=clave-nueva$/);
  await expect(page.getByRole("alert")).toContainText("Tu contraseña se cambió");
  await signIn(page, rosa.email, "otra frase larga y nueva");
  await expectAt(page, "/cuenta");
});

test("my devices are listed and the others can be signed out", async ({ browser }, testInfo) => {
  const mario = person(testInfo.project.name, "mario");
  const phone = await browser.newPage();
  await signUp(phone, "Mario Flores", mario.email, mario.password);
  const laptop = await browser.newPage();
  await signIn(laptop, mario.email, mario.password);
  await laptop.goto("/cuenta/sesiones");
  await expect(laptop.getByText("Este dispositivo", { exact: true })).toHaveCount(1);
  await laptop.getByRole("button", { name: "Cerrar todas las demás sesiones" }).click();
  await expect(laptop.getByRole("alert")).toContainText("Cerramos todas tus demás sesiones");
  await phone.goto("/cuenta");
  await expect(phone).toHaveURL(/\/entrar\?volver=%2Fcuenta$/);
});

test.describe("axe-core on the sign-up and account security pages", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("sign-up with errors, the confirmation page, and the reset form with errors", async ({ page }, testInfo) => {
    await page.goto("/registro");
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);

    const eva = person(testInfo.project.name, "eva");
    await page.getByLabel("Nombre y apellidos").fill("Eva Condori");
    await page.getByLabel("Correo electrónico").fill(eva.email);
    await page.getByLabel("Crea una contraseña").fill(eva.password);
    await page.getByRole("button", { name: "Crear mi cuenta" }).click();
    await expectAt(page, "/revisa-tu-correo");
    await page.goto(await emailedLink(eva.email));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirma tu correo electrónico");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Confirmar y entrar" }).click();
    await expect(page).toHaveURL(/\/cuenta\?aviso=correo-confirmado$/);
    await expectNoAxeViolations(page);
    await page.goto("/contrasena/olvidada");
    await page.getByLabel("Correo electrónico").fill(eva.email);
    await page.getByRole("button", { name: "Enviar el enlace" }).click();
    await expectAt(page, "/revisa-tu-correo");
    await page.goto(await emailedLink(eva.email, "/contrasena/nueva"));
    await page.getByRole("button", { name: "Guardar la contraseña" }).click();
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("changing the password and the list of devices", async ({ page }) => {
    await signIn(page);
    await page.goto("/cuenta/contrasena");
    await page.getByRole("button", { name: "Cambiar la contraseña" }).click();
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/cuenta/sesiones");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dónde está abierta tu cuenta");
    await expectNoAxeViolations(page);
  });
});

test("sign up, sign out, sign in and change the password with the keyboard alone", async ({ page }, testInfo) => {
  const ines = person(testInfo.project.name, "ines");
  const type = async (label: string, text: string) => {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(text);
  };
  await page.goto("/registro");
  await type("Nombre y apellidos", "Inés Mamani");
  await type("Correo electrónico", ines.email);
  await type("Crea una contraseña", ines.password);
  await page.keyboard.press("Enter");
  await expectAt(page, "/revisa-tu-correo");
  await page.goto(await emailedLink(ines.email));
  await page.getByRole("button", { name: "Confirmar y entrar" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cuenta\?aviso=correo-confirmado$/);

  await page.getByRole("button", { name: "Salir de mi cuenta" }).focus();
  await page.keyboard.press("Enter");
  // The sign-out post must finish before the next navigation, or the browser aborts one of them.
  await expectAt(page, "/");
  await page.goto("/entrar");
  await type("Correo electrónico", ines.email);
  await type("Contraseña", ines.password);
  await page.keyboard.press("Enter");
  await expectAt(page, "/cuenta");

  await page.getByRole("link", { name: "Cambiar mi contraseña" }).focus();
  await page.keyboard.press("Enter");
  await type("Contraseña actual", ines.password);
  await type("Contraseña nueva", "otra frase para Inés");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cuenta\?aviso=clave-cambiada$/);
  await expect(page.getByRole("alert")).toContainText("Tu contraseña se cambió");
});
