// Launches the system's headless Chromium through playwright-core, with no network chatter, for browser tests.
import { chromium, type Browser } from 'playwright-core';

/** Debian's `chromium` package; set CHROMIUM_PATH to use another Chromium or Chrome binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const QUIET_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Starts headless Chromium. Playwright gives every launch a fresh, temporary profile (user data
 * dir) and deletes it on `browser.close()`. Never downloads a browser: a missing binary fails here.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_FLAGS });
}
