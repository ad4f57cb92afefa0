import { expect, expectAt, islandsLive, signIn, test } from "./support";

test.describe("the warning before a session ends for inactivity", () => {
  test.beforeEach(async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === "no-js", "without JavaScript every page load counts as activity");
    await page.clock.install();
    await signIn(page);
    await expectAt(page, "/cuenta");
    await islandsLive(page);
  });

  test("comes two minutes before the end and one key keeps the session open", async ({ page }) => {
    const stay = page.getByRole("button", { name: "Mantener mi sesión abierta" });
    await expect(stay).toHaveCount(0);
    // An admin's session ends after 30 idle minutes: the warning comes at 28.
    await page.clock.fastForward("28:05");
    await expect(page.getByRole("alertdialog")).toContainText("Tu sesión se cerrará en 2 minutos");
    await expect(stay).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(stay).toHaveCount(0);
    // Counted again from now: 10 more minutes bring no warning.
    await page.clock.fastForward("10:00");
    await expect(stay).toHaveCount(0);
  });

  test("says so when the session has ended, with a way back in", async ({ page }) => {
    await page.clock.fastForward("30:05");
    await expect(page.getByRole("alert")).toContainText("Tu sesión se cerró porque no hubo actividad");
    await expect(page.getByRole("link", { name: "Volver a entrar" })).toHaveAttribute("href", "/entrar?volver=%2Fcuenta");
  });
});
