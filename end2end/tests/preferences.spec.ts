import { expect, expectAt, test } from "./support";

test("the language switch works and comes back to the same page", async ({ page }) => {
  await page.goto("/pagina-que-no-existe?x=1");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/pagina-que-no-existe\?x=1$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find this page");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es-PE");
});

test("preferences saved with the form button apply on the same page and stay", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Preferencias de accesibilidad").click();
  await page.getByLabel("Alto contraste oscuro (texto claro sobre fondo negro)").check();
  await page.getByLabel("Muy grande (200 %)").check();
  await page.getByLabel("Letra más fácil de leer (Atkinson Hyperlegible) con más espacio").check();
  await page.getByRole("button", { name: "Guardar preferencias" }).click();
  await expectAt(page, "/");
  const html = page.locator("html");
  await expect(html).toHaveClass(/app-theme-dark/);
  await expect(html).toHaveClass(/app-text-200/);
  await expect(html).toHaveClass(/app-font-readable/);
  // The server renders the next page already in these preferences.
  await page.goto("/otra-pagina");
  await expect(html).toHaveClass(/app-theme-dark/);
  await page.getByText("Preferencias de accesibilidad").click();
  await expect(page.getByLabel("Alto contraste oscuro (texto claro sobre fondo negro)")).toBeChecked();
});

test("without JavaScript a change waits for the save button", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "no-js", "only meaningful with JavaScript off");
  await page.goto("/");
  await page.getByText("Preferencias de accesibilidad").click();
  await page.getByLabel("Alto contraste claro (texto negro sobre fondo blanco)").check();
  await expect(page.locator("html")).toHaveClass(/app-theme-device/);
});

test("with JavaScript a change applies at once, without a reload, and is remembered", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "hydrated", "needs the hydrated island");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  // The island marks itself once hydrated; a broken wasm build never gets here.
  await expect(page.locator('.app-prefs__live[data-live="on"]')).toHaveCount(1);
  await page.evaluate(() => ((window as any).__stillTheSamePage = true));
  await page.getByText("Preferencias de accesibilidad").click();
  await page.getByLabel("Alto contraste claro (texto negro sobre fondo blanco)").check();
  await expect(page.locator("html")).toHaveClass(/app-theme-light/);
  await expect(page.getByRole("status")).toHaveText(/Preferencias aplicadas/);
  await page.getByLabel("Reducir animaciones y movimiento").check();
  await expect(page.locator("html")).toHaveClass(/app-motion-reduce/);
  expect(await page.evaluate(() => (window as any).__stillTheSamePage)).toBe(true);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/app-theme-light/);
  await expect(page.locator("html")).toHaveClass(/app-motion-reduce/);
  expect(errors).toEqual([]);
});

test("a tampered preferences cookie is ignored", async ({ page, context, baseURL }) => {
  await context.addCookies([
    { name: "senda_prefs", value: "v1:size=9999&theme=%3Cscript%3E", url: baseURL! },
    { name: "senda_lang", value: "klingon", url: baseURL! },
  ]);
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveClass("app-text-100 app-theme-device");
  await expect(page.locator("html")).toHaveAttribute("lang", "es-PE");
});
