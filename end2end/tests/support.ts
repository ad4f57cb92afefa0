import { expect, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** The pages that exist so far, each with a path and the title it must have in Spanish. */
export const PAGES = [
  { path: "/", title: "Inicio — Senda" },
  { path: "/entrar", title: "Entrar — Senda" },
  { path: "/esta-pagina-no-existe", title: "Página no encontrada — Senda" },
];

export const THEMES = ["device", "dark", "light"] as const;
export const SIZES = ["100", "125", "150", "200"] as const;

/** Stores preferences the way the site does, before the first request. */
export async function setPrefs(
  context: BrowserContext,
  baseURL: string,
  prefs: { size?: string; theme?: string; font?: boolean; motion?: boolean },
) {
  const value = `v1:size=${prefs.size ?? "100"}&theme=${prefs.theme ?? "device"}&font=${prefs.font ? 1 : 0}&motion=${prefs.motion ? 1 : 0}&speech=1`;
  await context.addCookies([{ name: "senda_prefs", value, url: baseURL }]);
}

/**
 * axe-core is a script, so it needs JavaScript in the page. In the no-js project the axe tests
 * run with JavaScript on but the app's own code blocked, so axe checks exactly the server HTML
 * a person without JavaScript gets.
 */
export async function keepServerHtmlOnly(page: Page, projectName: string) {
  if (projectName === "no-js") {
    await page.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
  }
}

/** Runs axe-core for WCAG 2.0–2.2 A and AA and fails with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(found, found.join("\n")).toEqual([]);
}

/** Checks the 7:1 text contrast of WCAG 1.4.6 (AAA), which every theme is built to meet. */
export async function expectEnhancedContrast(page: Page) {
  const results = await new AxeBuilder({ page }).withRules(["color-contrast-enhanced"]).analyze();
  const found = results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`));
  expect(found, found.join("\n")).toEqual([]);
}

/** True when the page scrolls sideways: content wider than the viewport. */
export async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** The account scripts/e2e creates before the server starts. */
export const ADMIN = { email: "ana.torres@senda.test", password: "clave de prueba para Senda", name: "Ana Torres" };

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email = ADMIN.email, password = ADMIN.password) {
  await page.goto("/entrar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
}
