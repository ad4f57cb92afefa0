import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./browser";

// The site is served by `cargo leptos end-to-end` at LEPTOS_SITE_ADDR (scripts/test sets it).
const baseURL = `http://${process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000"}`;

// Debian's Chromium headless shell (browser.ts says why).
const launchOptions = {
  executablePath: CHROMIUM,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
  ],
};

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  // Generous: CI is a 2-core machine running the server, two browsers and axe at once, and a
  // test that passes in 5 s alone was measured at 35 s there under load. Timeouts here are
  // not speed assertions; speed is measured by the benchmarks.
  timeout: 90_000,
  expect: { timeout: 15_000, toHaveScreenshot: { animations: "disabled", caret: "hide", scale: "css" } },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: { baseURL, launchOptions, locale: "es-PE", trace: "retain-on-failure" },
  projects: [
    // Every spec runs twice: as server HTML with JavaScript off, and hydrated.
    { name: "no-js", testDir: "./tests", use: { javaScriptEnabled: false } },
    { name: "hydrated", testDir: "./tests", use: { javaScriptEnabled: true } },
    // Every page's image at two widths and two themes, compared with the stored one. Run on
    // their own, first (scripts/e2e), so the pages show the same records every time; without
    // JavaScript, so no island can move between two captures. Images are made by this
    // machine's Chromium and fonts: another browser build draws text a pixel apart.
    {
      name: "screens",
      testDir: "./screens",
      fullyParallel: false,
      snapshotPathTemplate: "{testDir}/images/{arg}{ext}",
      use: { javaScriptEnabled: false },
    },
  ],
});
