import {
  expect,
  expectAt,
  expectNoAxeViolationsAsSeen,
  expectNoAxeViolationsInEachTheme,
  invitedCounsellor,
  islandsLive,
  person,
  tabTo,
  test,
} from "./support";
import type { Page } from "@playwright/test";

// Browsers take passkeys for a host name, never an address: these journeys open the site as
// localhost (scripts/e2e makes it the public origin), on the port the tests' server listens on.
const port = (process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000").split(":").pop();
const site = `http://localhost:${port}`;

test.slow();

/** Chromium's virtual authenticator, as a phone's lock or a security key with a PIN would be. */
async function withAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function signOut(page: Page) {
  await page.goto("/cuenta");
  await page.getByRole("button", { name: "Salir de mi cuenta" }).click();
  await expect(page).toHaveURL(/\/$|\/\?aviso=/);
}

test("a counsellor adds a passkey, signs in with it after the password and alone, and removes it, keyboard only", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "hydrated", "a passkey is made by the browser's script");
  const who = { ...person(testInfo.project.name, "pablo"), name: "Pablo Quispe" };
  await (await invitedCounsellor(browser, who)).context().close();
  const page = await (await browser.newContext({ baseURL: site })).newPage();
  await withAuthenticator(page);

  // The password; staff without a second factor are sent to set one up, a passkey first.
  await page.goto("/entrar");
  await page.getByLabel("Correo electrónico").fill(who.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Entrar", exact: true }).click();
  await expect(page).toHaveURL(/\/cuenta\/verificacion\?volver=/);
  await tabTo(page, /Añadir una llave de acceso/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Añadir una llave de acceso" })).toBeVisible();
  await expectNoAxeViolationsInEachTheme(page);
  await tabTo(page, /Nombre de la llave/);
  await page.keyboard.type("mi computadora");
  await tabTo(page, /Tu contraseña/);
  await page.keyboard.type(who.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Crea tu llave de acceso" })).toBeFocused();
  await expect(page.getByText("Vas a crear la llave «mi computadora».")).toBeVisible();
  await islandsLive(page);
  await expectNoAxeViolationsAsSeen(page);
  await tabTo(page, /Crear la llave de acceso/);
  await page.keyboard.press("Enter");
  // The first second factor comes with recovery codes.
  await expect(page.getByRole("heading", { name: "Guarda tus códigos de recuperación" })).toBeFocused();
  await expect(page.locator(".app-recovery-codes code")).toHaveCount(10);
  await tabTo(page, /Ya los guardé, continuar/);
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/verificacion/);
  await page.goto("/cuenta/verificacion");
  await expect(page.getByText("mi computadora", { exact: true })).toBeVisible();
  await expect(page.getByText("Aún sin usar")).toBeVisible();
  await signOut(page);

  // After the password: the code page offers the passkey first.
  await page.goto("/entrar");
  await page.getByLabel("Correo electrónico").fill(who.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Entrar", exact: true }).click();
  await expect(page).toHaveURL(/\/entrar\/codigo/);
  await islandsLive(page);
  await expectNoAxeViolationsInEachTheme(page);
  await tabTo(page, /Usar mi llave de acceso/);
  await page.keyboard.press("Enter");
  await expectAt(page, "/cuenta");
  await page.goto("/personas");
  await expectAt(page, "/personas");
  await signOut(page);

  // Alone: no email, no password.
  await page.goto("/entrar");
  await islandsLive(page);
  await tabTo(page, /Entrar con una llave de acceso/);
  await page.keyboard.press("Enter");
  await expectAt(page, "/cuenta");
  await page.goto("/personas");
  await expectAt(page, "/personas");

  // Removed with the password: the only second factor gone, staff are asked for one again.
  await page.goto("/cuenta/verificacion");
  await expect(page.getByText(/Último uso:/)).toBeVisible();
  await tabTo(page, /Quitar «mi computadora»/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Quitar la llave «mi computadora»" })).toBeVisible();
  await expectNoAxeViolationsAsSeen(page);
  await tabTo(page, /Tu contraseña/);
  await page.keyboard.type(who.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cuenta\/verificacion\?aviso=llave-quitada/);
  await expect(page.getByText("Quitamos la llave de acceso.")).toBeVisible();
  await expect(page.getByText("tu cuenta necesita un segundo paso para entrar")).toBeVisible();
  await page.context().close();
});

test("without a browser that can, passkey forms stay hidden and say what else works", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "no-js", "the page as it stands without script");
  await page.goto(`${site}/entrar`);
  await expect(page.getByRole("button", { name: "Entrar con una llave de acceso" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Entrar", exact: true })).toBeVisible();
  await expectNoAxeViolationsAsSeen(page);
});
