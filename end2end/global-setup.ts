import { chromium } from "@playwright/test";
import { existsSync } from "node:fs";
import { CHROMIUM } from "./browser";
import { ADMIN, signIn } from "./tests/support";

/**
 * Before any worker starts: the admin every spec signs in as sets up an authenticator app (as
 * staff must at their first sign-in), once for the whole run, so that workers sharing the
 * account only ever give its codes.
 */
export default async function globalSetup() {
  const kept = `${process.env.SENDA_E2E_SECRETS}/${ADMIN.email}`;
  if (!process.env.SENDA_E2E_SECRETS || existsSync(kept)) return;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox"] });
  const page = await browser.newPage({
    baseURL: `http://${process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000"}`,
    javaScriptEnabled: false,
    locale: "es-PE",
  });
  await signIn(page);
  if (!existsSync(kept)) throw new Error(`the admin's first sign-in did not set up an app (at ${page.url()})`);
  await browser.close();
}
