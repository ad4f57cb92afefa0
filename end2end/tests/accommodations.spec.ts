import { expect, expectAt, expectNoAxeViolations, setPrefs, signIn, test, THEMES } from "./support";

test("an admin adds an accommodation; a name left out comes back on its field with what was typed", async ({ page }, testInfo) => {
  const name = `Pausas activas (${testInfo.project.name})`;
  await signIn(page);
  await expectAt(page, "/cuenta");
  await page.getByRole("link", { name: "Lista de ajustes razonables" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ajustes razonables");
  await page.getByLabel("Nombre en español").fill(name);
  await page.getByRole("button", { name: "Añadir a la lista" }).click();
  await expect(page.locator(".app-error-summary")).toBeFocused();
  await expect(page.getByLabel("Nombre en español")).toHaveValue(name);
  await page.getByRole("link", { name: "Escribe el nombre en inglés" }).click();
  await expect(page.getByLabel("Nombre en inglés")).toBeFocused();
  await page.keyboard.type(`Active breaks (${testInfo.project.name})`);
  await page.getByRole("button", { name: "Añadir a la lista" }).click();
  await expect(page.getByRole("alert")).toContainText("Guardamos el cambio en la lista de ajustes");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Se ofrece");
  await row.getByRole("button", { name: `Retirar: ${name}` }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Retirado");
});

test.describe("axe-core on the accommodations list", () => {
  test.use({ javaScriptEnabled: true });

  for (const theme of THEMES) {
    test(`in the ${theme} theme at 200% text`, async ({ page, context, baseURL }) => {
      await setPrefs(context, baseURL!, { theme, size: "200" });
      await signIn(page);
      await expectAt(page, "/cuenta");
      await page.goto("/ajustes?cambiar=job_coach");
      await expect(page.getByRole("heading", { level: 2, name: /Cambiar los nombres/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
