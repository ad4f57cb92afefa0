import { test, expect, PAGES } from "./support";

for (const { path, title } of PAGES) {
  test(`${path} has landmarks, one h1 and its own title`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveTitle(title);
    await expect(page.locator("html")).toHaveAttribute("lang", "es-PE");
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Navegación principal" })).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveCount(1);
  });

  test(`${path}: the first Tab reaches the skip link and Enter moves focus into main`, async ({ page }) => {
    await page.goto(path);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Saltar al contenido principal" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    const focusInMain = await page.evaluate(() => {
      const main = document.querySelector("main");
      return !!main && (document.activeElement === main || main.contains(document.activeElement));
    });
    expect(focusInMain).toBe(true);
  });
}

test("an unknown address answers 404 with the not-found page", async ({ page }) => {
  const response = await page.goto("/no/existe/de/verdad");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esta página");
  await expect(page.getByRole("link", { name: "Ir a la página de inicio" })).toBeVisible();
});

test("the home page says what Senda offers and lists the demo centre and company", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Encuentra trabajo con los ajustes que necesitas");
  for (const heading of ["Si buscas trabajo", "Si eres una empresa", "Si trabajas en un centro de empleo"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: "Centro de Empleo Lima Metropolitana" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Textiles Andinos S.A.C." })).toBeVisible();
});

test("Accept-Language decides the language of a first visit", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  const page = await context.newPage();
  await page.goto(new URL("/", baseURL).toString());
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Home — Senda");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Find work with the adjustments you need");
  await context.close();
});
