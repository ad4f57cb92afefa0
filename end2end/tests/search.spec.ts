import { expect, expectAt, expectNoAxeViolations, islandsLive, keepServerHtmlOnly, tabTo, test } from "./support";

test("J1 by keyboard alone: a seeker searches by words and an accommodation and opens a vacancy", async ({ page }) => {
  await page.goto("/");
  await tabTo(page, /^Buscar empleo$/);
  await page.keyboard.press("Enter");
  await expectAt(page, "/empleos");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d+ vacantes$/);

  await tabTo(page, /Palabras clave/);
  await page.keyboard.type("almacen");
  // The filters come after the results; a link near the top leads to them.
  await tabTo(page, /^Filtrar los resultados$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: "Filtrar los resultados" })).toBeFocused();
  await tabTo(page, /Ajustes que la empresa debe ofrecer/);
  await page.keyboard.press("Enter");
  await tabTo(page, /^Preparador laboral o empleo con apoyo$/);
  await page.keyboard.press("Space");
  await tabTo(page, /^Aplicar filtros$/);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/empleos\?q=almacen&.*ajuste=job_coach/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d+ vacantes? para «almacen»$/);
  await expect(page.getByLabel("Palabras clave")).toHaveValue("almacen");
  await expect(page.getByLabel("Preparador laboral o empleo con apoyo")).toBeChecked();
  const first = page.locator(".app-result").first();
  await expect(first).toContainText("Preparador laboral o empleo con apoyo");

  // From the top of the new page the results come right after the words.
  const title = await first.getByRole("link").textContent();
  await tabTo(page, new RegExp(`^${title!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/vacante\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
});

test("results come a page at a time, linked, the current page marked", async ({ page }) => {
  await page.goto("/empleos?region=arequipa&orden=recientes");
  const pages = page.getByRole("navigation", { name: "Páginas de resultados" });
  await expect(pages.getByRole("link", { name: "Página 1" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator(".app-result")).toHaveCount(20);
  await pages.getByRole("link", { name: "Siguiente" }).click();
  await expect(page).toHaveURL(/\/empleos\?region=arequipa&orden=recientes&pagina=2$/);
  await expect(pages.getByRole("link", { name: "Página 2" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: /página 2 de \d+/ })).toBeVisible();
  await expect(page.getByLabel("Región")).toHaveValue("arequipa");
});

test("nothing found: the page says how to widen the search", async ({ page }) => {
  await page.goto("/empleos");
  await page.getByLabel("Palabras clave").fill("astronauta");
  await page.getByLabel("Región").selectOption({ label: "Tumbes" });
  await page.getByRole("button", { name: "Buscar", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("0 vacantes para «astronauta»");
  await expect(page.getByText("Elige «Cualquier región»")).toBeVisible();
  await page.getByRole("link", { name: "Ver todas las vacantes publicadas" }).click();
  await expectAt(page, "/empleos");
});

test("a salary that is not a number comes back on its field, and the search still answers", async ({ page }) => {
  await page.goto("/empleos");
  await page.getByLabel("Sueldo mensual mínimo en soles (S/)").fill("mil soles");
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  // The answer is a new page: on a busy machine it can take longer than one expectation's wait.
  await expect(page).toHaveURL(/[?&]sueldo=mil\+soles(&|$)/, { timeout: 45_000 });
  await expect(page).toHaveTitle(/^Error: \d+ vacantes · Buscar empleo \(página 1 de \d+\) — Senda$/);
  await expect(page.locator(".app-error-summary")).toBeFocused();
  await page.getByRole("link", { name: "Escribe el sueldo mínimo solo con números, por ejemplo 1200" }).click();
  await expect(page.getByLabel("Sueldo mensual mínimo en soles (S/)")).toBeFocused();
  await expect(page.getByLabel("Sueldo mensual mínimo en soles (S/)")).toHaveValue("mil soles");
  await expect(page.locator(".app-result").first()).toBeVisible();
});

test.describe("axe-core on a search with a field in error", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("the error summary and the field's message", async ({ page }) => {
    await page.goto("/empleos?q=astronauta&sueldo=mucho");
    await expect(page.locator(".app-error-summary")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test("with JavaScript, changing a filter says at once how many it would find", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "no-js", "an enhancement: without JavaScript the form is submitted");
  await page.goto("/empleos");
  // A change made before the island listens would be lost.
  await islandsLive(page);
  await page.getByText("Ajustes que la empresa debe ofrecer").first().click();
  await page.getByLabel("Intérprete de lengua de señas en la entrevista").check();
  const status = page.getByRole("status");
  await expect(status).toHaveText(/^\d+ vacantes? con lo que elegiste\. Pulsa «Aplicar filtros» para verlas\.$/);
  await page.getByLabel("Región").selectOption({ label: "Madre de Dios" });
  await page.getByLabel("Sueldo mensual mínimo en soles (S/)").fill("900000");
  await page.getByLabel("Sueldo mensual mínimo en soles (S/)").blur();
  await expect(status).toHaveText("Ninguna vacante con lo que elegiste: prueba a quitar algún filtro.");
  await expectAt(page, "/empleos");
});

test.describe("axe-core on search as the filters change", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("the search with filters chosen and the accommodations open", async ({ page }) => {
    await page.goto("/empleos?q=asistente&ajuste=screen_reader_software&modalidad=remote&orden=recientes");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
