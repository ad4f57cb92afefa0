import {
  ADMIN,
  expect,
  expectAt,
  expectNoAxeViolations,
  giveCode,
  keepServerHtmlOnly,
  nextCode,
  signIn,
  tabTo,
  test,
} from "./support";

test("signing in opens my account page, and signing out ends it", async ({ page }) => {
  await signIn(page);
  await expectAt(page, "/cuenta");
  await expect(page).toHaveTitle("Mi cuenta — Senda");
  await expect(page.getByText(ADMIN.name)).toBeVisible();
  await expect(page.getByRole("link", { name: "Mi cuenta", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Salir de mi cuenta" }).click();
  await expectAt(page, "/");
  await expect(page.getByRole("link", { name: "Entrar" })).toBeVisible();
  await page.goto("/cuenta");
  await expect(page).toHaveURL(/\/entrar\?volver=%2Fcuenta$/);
});

test("signing in with the keyboard alone", async ({ page }) => {
  await page.goto("/entrar");
  await page.getByLabel("Correo electrónico").focus();
  await page.keyboard.type(ADMIN.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Contraseña")).toBeFocused();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press("Enter");
  // The admin has an authenticator app: its code next, by keyboard too.
  await expect(page).toHaveURL(/\/entrar\/codigo\?volver=/);
  await tabTo(page, /Código de seguridad/);
  await page.keyboard.type(await nextCode(ADMIN.email));
  await page.keyboard.press("Enter");
  await expectAt(page, "/cuenta");
});

test("a failed sign-in keeps the email, focuses the error summary and links to the field", async ({ page }) => {
  await signIn(page, ADMIN.email, "no es la clave correcta");
  await expect(page).toHaveTitle("Error: Entrar — Senda");
  const summary = page.locator(".app-error-summary");
  await expect(summary).toBeFocused();
  await expect(page.getByRole("alert")).toContainText("El correo electrónico o la contraseña no son correctos");
  await expect(page.getByLabel("Correo electrónico")).toHaveValue(ADMIN.email);
  await expect(page.getByLabel("Contraseña")).toHaveValue("");
  await page.getByRole("link", { name: "El correo electrónico o la contraseña no son correctos" }).click();
  await expect(page.getByLabel("Correo electrónico")).toBeFocused();
});

test("coming back after signing in to the page that asked for it", async ({ page }) => {
  await page.goto("/cuenta");
  await page.getByLabel("Correo electrónico").fill(ADMIN.email);
  await page.getByLabel("Contraseña").fill(ADMIN.password);
  await page.getByRole("button", { name: "Entrar", exact: true }).click();
  await expect(page).toHaveURL(/\/entrar\/codigo\?volver=\/cuenta$/);
  await giveCode(page, ADMIN.email);
  await expectAt(page, "/cuenta");
});

test.describe("axe-core on the account pages", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("the sign-in page with errors has no violations", async ({ page }) => {
    await signIn(page, "", "");
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("my account page has no violations", async ({ page }) => {
    await signIn(page);
    await expectAt(page, "/cuenta");
    await expectNoAxeViolations(page);
  });
});

test("the password can be shown and hidden when JavaScript runs", async ({ page }, testInfo) => {
  await page.goto("/entrar");
  const toggle = page.getByRole("button", { name: "Mostrar la contraseña" });
  if (testInfo.project.name === "no-js") {
    // Nothing to press that would do nothing.
    await expect(toggle).toHaveCount(0);
    return;
  }
  const password = page.getByLabel("Contraseña", { exact: true });
  await password.fill("se ve o no se ve");
  await expect(password).toHaveAttribute("type", "password");
  await toggle.click();
  await expect(password).toHaveAttribute("type", "text");
  await expect(page.getByRole("button", { name: "Ocultar la contraseña" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Ocultar la contraseña" }).click();
  await expect(password).toHaveAttribute("type", "password");
});
