import {
  expect,
  expectAt,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  invitedCounsellor,
  person,
  tabTo,
  test,
  totpCode,
} from "./support";
import type { Page } from "@playwright/test";

const step = () => Math.floor(Date.now() / 30_000);

// Journeys through several pages, each checked by axe.
test.slow();

/**
 * axe on the page in every contrast theme in the hydrated project; as the page stands in the
 * no-js one (the themes are the same stylesheet either way, and replaying each theme without
 * scripts would double the time for nothing).
 */
async function axeChecked(page: Page) {
  if (test.info().project.name === "hydrated") return expectNoAxeViolationsInEachTheme(page);
  return expectNoAxeViolationsAsSeen(page);
}

test("a counsellor sets up an authenticator app and signs in with its codes, keyboard only", async ({ browser }, testInfo) => {
  const who = { ...person(testInfo.project.name, "elena"), name: "Elena Pari" };
  const page = await invitedCounsellor(browser, who);

  // The password, by keyboard.
  await page.goto("/entrar");
  await tabTo(page, /Correo electrónico/);
  await page.keyboard.type(who.email);
  await tabTo(page, /^Contraseña/);
  await page.keyboard.type(who.password);
  await page.keyboard.press("Enter");
  // Staff without a second factor reach nothing else first, and are told why.
  await expect(page).toHaveURL(/\/cuenta\/verificacion\?volver=/);
  await expect(page.getByText("tu cuenta necesita un segundo paso para entrar")).toBeVisible();
  await page.goto("/personas");
  await expect(page).toHaveURL(/\/cuenta\/verificacion\?volver=%2Fpersonas|\/cuenta\/verificacion\?volver=\/personas/);
  await axeChecked(page);

  await tabTo(page, /Configurar una aplicación de autenticación/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("img", { name: /Código QR para añadir Senda/ })).toBeVisible();
  await axeChecked(page);
  // The key as text, as a screen reader user copies it: the code comes from it.
  const secret = (await page.locator("#app-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // A wrong code first: the error is on the field and the same key stays.
  await tabTo(page, /Código de la aplicación/);
  await page.keyboard.type("000000" === totpCode(secret, step()) ? "111111" : "000000");
  await tabTo(page, /Tu contraseña/);
  await page.keyboard.type(who.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("link", { name: /El código no coincide/ })).toBeVisible();
  expect((await page.locator("#app-secret").innerText()).replace(/\s/g, "")).toBe(secret);
  await axeChecked(page);

  const enrolled = step();
  await tabTo(page, /Código de la aplicación/);
  await page.keyboard.press("Control+A");
  await page.keyboard.type(totpCode(secret, enrolled));
  await tabTo(page, /Tu contraseña/);
  await page.keyboard.type(who.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Guarda tus códigos de recuperación" })).toBeFocused();
  const codes = await page.locator(".app-recovery-codes code").allInnerTexts();
  expect(codes).toHaveLength(10);
  const download = page.getByRole("link", { name: /Descargar los códigos/ });
  expect(await download.getAttribute("download")).toBe("senda-codigos-de-recuperacion.txt");
  expect(decodeURIComponent((await download.getAttribute("href")) ?? "")).toContain(codes[0]);
  // Shown once, in answer to the form: a reload would post it again, so axe checks it as shown.
  await expectNoAxeViolationsAsSeen(page);
  await tabTo(page, /Ya los guardé, continuar/);
  await page.keyboard.press("Enter");
  await expectAt(page, "/personas");

  // Signing in again: the password, then the app's next code, by keyboard.
  const again = await (await browser.newContext()).newPage();
  await again.goto("/personas");
  await again.getByLabel("Correo electrónico").fill(who.email);
  await again.getByLabel("Contraseña").fill(who.password);
  await again.getByRole("button", { name: "Entrar", exact: true }).click();
  await expect(again).toHaveURL(/\/entrar\/codigo\?volver=/);
  await axeChecked(again);
  const field = again.getByLabel("Código de seguridad");
  await expect(field).toHaveAttribute("autocomplete", "one-time-code");
  await tabTo(again, /Código de seguridad/);
  await again.keyboard.type(totpCode(secret, Math.max(step(), enrolled + 1)));
  await again.keyboard.press("Enter");
  await expectAt(again, "/personas");

  // A recovery code, once; the page says how many are left.
  const third = await (await browser.newContext()).newPage();
  await third.goto("/entrar");
  await third.getByLabel("Correo electrónico").fill(who.email);
  await third.getByLabel("Contraseña").fill(who.password);
  await third.getByRole("button", { name: "Entrar", exact: true }).click();
  await third.getByLabel("Código de seguridad").fill(codes[0]);
  await third.getByRole("button", { name: "Continuar" }).click();
  await expect(third.getByRole("alert")).toContainText("Entraste con un código de recuperación");
  await expect(third.getByText("Te quedan 9")).toBeVisible();
  await axeChecked(third);
});

test("my security page: new recovery codes and turning the second step off, each with the password", async ({ browser }, testInfo) => {
  const who = { ...person(testInfo.project.name, "raul"), name: "Raúl Condori" };
  const page = await invitedCounsellor(browser, who);
  const { signIn } = await import("./support");
  await signIn(page, who.email, who.password);
  await page.goto("/cuenta/verificacion");
  await expect(page.getByText("Te quedan 10")).toBeVisible();
  await axeChecked(page);

  await page.getByRole("link", { name: "Crear códigos de recuperación nuevos" }).click();
  await axeChecked(page);
  await page.getByRole("button", { name: "Crear códigos nuevos" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByLabel("Tu contraseña").fill(who.password);
  await page.getByRole("button", { name: "Crear códigos nuevos" }).click();
  await expect(page.locator(".app-recovery-codes code")).toHaveCount(10);

  await page.goto("/cuenta/verificacion/quitar");
  await axeChecked(page);
  await page.getByLabel("Tu contraseña").fill(who.password);
  await page.getByRole("button", { name: "Desactivar" }).click();
  // A counsellor must have one: back to setting one up.
  await expect(page.getByRole("alert")).toContainText("Desactivaste el segundo paso");
  await expect(page.getByText("tu cuenta necesita un segundo paso para entrar")).toBeVisible();
});

test("an admin resets a lost second step after giving a reason", async ({ browser }, testInfo) => {
  const who = { ...person(testInfo.project.name, "lidia"), name: "Lidia Mamani" };
  const { newCounsellor, signIn } = await import("./support");
  await (await newCounsellor(browser, who)).context().close();
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin);
  await admin.goto("/cuenta");
  await admin.getByRole("link", { name: "Restablecer el segundo paso de una cuenta" }).click();
  await axeChecked(admin);
  await admin.getByLabel("Correo electrónico de la cuenta").fill(who.email);
  await admin.getByRole("button", { name: "Restablecer el segundo paso" }).click();
  await expect(admin).toHaveTitle(/^Error: /);
  await expect(admin.getByLabel("Correo electrónico de la cuenta")).toHaveValue(who.email);
  await admin.getByLabel("Motivo").fill("Perdió su teléfono; confirmé su identidad en persona");
  await admin.getByRole("button", { name: "Restablecer el segundo paso" }).click();
  await expect(admin.getByRole("alert")).toContainText("Se restableció el segundo paso");
});
