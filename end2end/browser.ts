/**
 * The browser every test runs in: Debian's Chromium headless shell. Test tools cannot download
 * their own browser on our machines, and the shell (no browser UI around the pages) draws the
 * same pages for about two thirds of the full browser's work, on a 2-core machine the suite
 * keeps busy. `CHROMIUM_PATH` names another.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
