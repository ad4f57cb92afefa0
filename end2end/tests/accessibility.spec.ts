import {
  test,
  expect,
  PAGES,
  SIZES,
  THEMES,
  expectNoAxeViolations,
  keepServerHtmlOnly,
  scrollsSideways,
  setPrefs,
} from "./support";

// axe needs JavaScript in the page; keepServerHtmlOnly blocks the app's own code in the no-js
// project, so what is checked there is the server HTML alone.
test.describe("axe-core", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("the checker itself reports a violation when there is one", async ({ page }) => {
    await page.goto("/");
    await page.evaluate(() => document.querySelector("main")!.insertAdjacentHTML("beforeend", '<input type="text">'));
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/label/);
  });

  test("the checker finds text under 7:1 contrast in the same run when asked to", async ({ page }) => {
    await page.goto("/");
    // #666 on white is 5.7:1: AA passes, AAA does not. Set through the CSSOM: the site's
    // policy refuses style attributes.
    await page.evaluate(() => {
      const grey = document.createElement("p");
      grey.textContent = "gris";
      grey.style.color = "#666";
      grey.style.background = "#fff";
      document.querySelector("main")!.append(grey);
    });
    await expectNoAxeViolations(page);
    await expect(expectNoAxeViolations(page, { enhancedContrast: true })).rejects.toThrow(/color-contrast-enhanced/);
  });

  for (const { path } of PAGES) {
    // Each theme and size a step of one test, in one browser context: a fresh context for
    // each cost most of the time and checked nothing more. The panel and English keep their
    // own context: they start from nothing chosen.
    test(`${path} has no violations in each theme at 100% and 200% text`, async ({ page, context, baseURL }) => {
      for (const theme of THEMES) {
        for (const size of ["100", "200"]) {
          await test.step(`the ${theme} theme at ${size}% text`, async () => {
            await setPrefs(context, baseURL!, { theme, size });
            await page.goto(path);
            await expect(page.locator("html")).toHaveClass(new RegExp(`app-theme-${theme}`));
            await expectNoAxeViolations(page, { enhancedContrast: true });
          });
        }
      }
    });

    test(`${path} has no violations with the preferences panel open and the readable font`, async ({ page, context, baseURL }) => {
      await setPrefs(context, baseURL!, { font: true, motion: true });
      await page.goto(path);
      await page.getByText("Preferencias de accesibilidad").click();
      await expect(page.getByRole("group", { name: "Tamaño del texto" })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test(`${path} has no violations in English`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "senda_lang", value: "en", url: baseURL! }]);
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expectNoAxeViolations(page);
    });
  }
});

for (const { path } of PAGES) {
  test(`${path} does not scroll sideways at 320 px wide with any text size, nor at 400% zoom`, async ({ page, context, browser, baseURL }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const size of SIZES) {
      await test.step(`${size}% text`, async () => {
        await setPrefs(context, baseURL!, { size, font: true });
        await page.goto(path);
        expect(await scrollsSideways(page)).toBe(false);
        await page.getByText("Preferencias de accesibilidad").click();
        expect(await scrollsSideways(page)).toBe(false);
      });
    }
    await test.step("400% zoom of a 1280 px window", async () => {
      // 400% zoom of 1280 CSS px is a 320 CSS px layout viewport with each px four device px.
      const zoomed = await browser.newContext({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
      const tab = await zoomed.newPage();
      await tab.goto(new URL(path, baseURL).toString());
      expect(await scrollsSideways(tab)).toBe(false);
      await zoomed.close();
    });
  });
}

test.describe("with nothing chosen, the device's settings count", () => {
  test.use({ javaScriptEnabled: true });
  test.beforeEach(async ({ page }, testInfo) => keepServerHtmlOnly(page, testInfo.project.name));

  test("prefers-contrast: more gives the high contrast light colours", async ({ page }) => {
    const headerBackground = () => page.locator("header").evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.goto("/");
    expect(await headerBackground()).toBe("rgb(11, 46, 79)");
    await page.emulateMedia({ contrast: "more" });
    expect(await headerBackground()).toBe("rgb(255, 255, 255)");
    await expectNoAxeViolations(page, { enhancedContrast: true });
  });

  test("prefers-reduced-motion: reduce turns smooth scrolling off", async ({ page }) => {
    const scrolling = () => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    await page.goto("/");
    expect(await scrolling()).toBe("smooth");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await scrolling()).toBe("auto");
  });
});

test("the focus indicator is a ring at least 2 px thick", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const ring = await page.getByRole("link", { name: "Saltar al contenido principal" }).evaluate((el) => {
    const style = getComputedStyle(el);
    return { outline: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  expect(ring.outline).toBeGreaterThanOrEqual(2);
  expect(ring.shadow).toContain("rgb(255, 221, 0)");
});
