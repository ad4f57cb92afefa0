import { test, expect, expectNoAxeViolations, expectNoAxeViolationsAsSeen, keepServerHtmlOnly, person, signUp } from "./support";

test("a seeker keeps a search from its results, finds it in their list, and deletes it", async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  await keepServerHtmlOnly(page, project);
  const me = person(project, "busquedas");

  // Signed out, the results say how to keep the search.
  await page.goto("/empleos?q=almacen&region=cusco");
  await expect(page.getByRole("link", { name: "Entra a tu cuenta para guardar esta búsqueda y recibir avisos" })).toBeVisible();

  await signUp(page, me.name, me.email, me.password);
  await page.goto("/empleos?q=almacen&region=cusco&pagina=1");
  await page.getByRole("button", { name: "Guardar esta búsqueda" }).click();
  await expect(page.getByRole("alert")).toContainText("Guardamos la búsqueda");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mis búsquedas guardadas");
  await expect(page.getByText(`Los avisos llegan a ${me.email}.`)).toBeVisible();
  await expectNoAxeViolationsAsSeen(page);

  await page.getByRole("link", { name: "«almacen» · Cusco" }).click();
  await expect(page).toHaveURL(/\/empleos\?q=almacen&region=cusco$/);
  await expect(page.getByLabel("Palabras clave")).toHaveValue("almacen");
  await page.getByRole("button", { name: "Guardar esta búsqueda" }).click();
  await expect(page.getByRole("alert")).toContainText("Ya tenías guardada esa búsqueda");

  await page.getByRole("button", { name: "Borrar esta búsqueda: «almacen» · Cusco" }).click();
  await expect(page.getByRole("alert")).toContainText("Borramos la búsqueda");
  await expect(page.getByText("Todavía no guardaste ninguna búsqueda")).toBeVisible();
  await expectNoAxeViolationsAsSeen(page);
});
