import { test } from "./support";

// The watch every hydrated test runs under (support.ts) must itself fail a test when it should:
// each of these is expected to fail.
test.describe("the hydration watch", () => {
  test.beforeEach(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== "hydrated", "it watches the hydrated project");
  });

  test("fails a test whose page throws", async ({ page }) => {
    test.fail();
    await page.goto("/");
    await page.evaluate(() => setTimeout(() => { throw new Error("a fault the watch must see"); }, 0));
    await page.waitForTimeout(200);
  });

  test("fails a test whose page writes an error to the console", async ({ page }) => {
    test.fail();
    await page.goto("/");
    await page.evaluate(() => console.error("a console error the watch must see"));
  });

  test.describe(() => {
    // An island that never wakes fails whatever the patience: no need to wait the 45 s a slow
    // page is given.
    test.use({ islandPatience: 3_000 });
    test("fails a test whose page keeps an island asleep", async ({ page }) => {
      test.fail();
      await page.goto("/");
      await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<p data-live="off"></p>'));
    });
  });
});
