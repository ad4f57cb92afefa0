import { type Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations } from "./support";

/**
 * A stand-in for the browser's speech synthesis (headless Chromium has no voices): one
 * Peruvian Spanish voice, and a record of what was said, at which rate, in which language.
 */
async function fakeVoices(page: Page, speakMs: number) {
  await page.addInitScript((ms) => {
    const w = window as any;
    w.__spoken = [];
    w.__paused = false;
    w.__cancelled = 0;
    class FakeUtterance {
      text: string; lang = ""; rate = 1; voice: unknown = null; onend: ((e: Event) => void) | null = null;
      constructor(text: string) { this.text = text; }
    }
    const voice = { lang: "es-PE", name: "Prueba", voiceURI: "prueba", localService: true, default: true };
    const synth = {
      onvoiceschanged: null,
      getVoices: () => [voice],
      speak(u: FakeUtterance) {
        w.__spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
        setTimeout(() => u.onend && u.onend(new Event("end")), ms);
      },
      pause() { w.__paused = true; },
      resume() { w.__paused = false; },
      cancel() { w.__cancelled += 1; },
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = FakeUtterance;
  }, speakMs);
}

const spoken = (page: Page) => page.evaluate(() => (window as any).__spoken as { text: string; lang: string; rate: number }[]);

test.describe("read aloud, with JavaScript", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "speech needs JavaScript");

  test("reads the vacancy sentence by sentence in Peruvian Spanish, highlighting each, to the end", async ({ page }) => {
    await fakeVoices(page, 5);
    await page.goto("/vacante/1");
    const group = page.getByRole("group", { name: "Escuchar esta página" });
    await group.getByLabel("Velocidad").selectOption({ label: "Rápida" });
    await group.getByRole("button", { name: "Escuchar" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Terminó la lectura." })).toBeAttached();
    const said = await spoken(page);
    const title = await page.getByRole("heading", { level: 1 }).textContent();
    expect(said[0].text).toBe(title);
    expect(said.map((s) => s.text)).toContain("En pocas palabras");
    expect(said.every((s) => s.lang === "es-PE" && s.rate === 1.25)).toBe(true);
    await expect(page.locator(".app-reading")).toHaveCount(0);
    await expect(group.getByRole("button", { name: "Escuchar" })).toBeVisible();
  });

  test("pauses, resumes and stops from the keyboard", async ({ page }) => {
    await fakeVoices(page, 2_000);
    await page.goto("/vacante/1");
    const group = page.getByRole("group", { name: "Escuchar esta página" });
    await group.getByRole("button", { name: "Escuchar" }).focus();
    await page.keyboard.press("Enter");
    const toggle = group.getByRole("button", { name: "Pausar" });
    await expect(toggle).toBeFocused();
    await expect(page.locator(".app-reading")).toHaveCount(1);
    await page.keyboard.press("Enter");
    await expect(group.getByRole("button", { name: "Continuar" })).toBeFocused();
    expect(await page.evaluate(() => (window as any).__paused)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (window as any).__paused)).toBe(false);
    await page.keyboard.press("Tab");
    await expect(group.getByRole("button", { name: "Detener" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(group.getByRole("button", { name: "Escuchar" })).toBeVisible();
    await expect(page.locator(".app-reading")).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__cancelled)).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });

  test("without a voice for the language, it says so instead of offering buttons", async ({ page }) => {
    await page.addInitScript(() => {
      const synth = { onvoiceschanged: null, getVoices: () => [{ lang: "de-DE", name: "Deutsch" }], speak() {}, pause() {}, resume() {}, cancel() {} };
      Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    });
    await page.goto("/vacante/1");
    await expect(page.getByText("Tu navegador no tiene una voz en el idioma de esta página")).toBeVisible();
    await expect(page.getByRole("button", { name: "Escuchar" })).toBeHidden();
  });

  test("a browser that lists its voices only after a moment still gets the buttons", async ({ page }) => {
    await page.addInitScript(() => {
      let voices: { lang: string; name: string }[] = [];
      const synth: any = { onvoiceschanged: null, getVoices: () => voices, speak() {}, pause() {}, resume() {}, cancel() {} };
      Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
      (window as any).__listVoices = () => {
        voices = [{ lang: "es-MX", name: "Español" }];
        synth.onvoiceschanged && synth.onvoiceschanged(new Event("voiceschanged"));
      };
    });
    await page.goto("/vacante/1");
    const group = page.getByRole("group", { name: "Escuchar esta página" });
    // Once the control waits for the list, whether or not it has given up on it yet.
    await page.waitForFunction(() => (window as any).speechSynthesis.onvoiceschanged !== null);
    await page.evaluate(() => (window as any).__listVoices());
    await expect(group.getByRole("button", { name: "Escuchar" })).toBeVisible();
    await expect(page.getByText("Tu navegador no tiene una voz en el idioma de esta página")).toBeHidden();
  });
});

test("without JavaScript, the control explains what it needs", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "no-js", "the server HTML alone");
  await page.goto("/vacante/1");
  await expect(page.getByText("Para escuchar esta página en voz alta, tu navegador necesita JavaScript")).toBeVisible();
  await expect(page.getByRole("button", { name: "Escuchar" })).toBeHidden();
});

test("turned off in the preferences, the control is not shown", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "senda_prefs", value: "v1:size=100&theme=device&font=0&motion=0&speech=0", url: baseURL! }]);
  await page.goto("/vacante/1");
  await expect(page.getByRole("group", { name: "Escuchar esta página" })).toBeHidden();
});
