// Takes the README's screenshots: the landing page, each email and the journal, on a 1280px laptop and a 375px phone.
// Run with `npm run screenshots` (needs Chromium, like the browser tests); writes PNG files into docs/screenshots/.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/browser/support/chromium';
import { readOutbox, runCronTick, waitForOutboxMessage } from '../test/browser/support/outbox';
import { startWorker } from '../test/browser/support/worker-server';

const OUT_DIR = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const ADMIN_TOKEN = 'screenshots-only-admin-token-0123456789abcdef';
const ADDRESS = 'sam@example.com';
const DAY_MS = 24 * 60 * 60_000;
const WIDTHS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern}`);
  return match[0];
}

/** Saves `url` at both widths as `<name>-laptop.png` and `<name>-phone.png`; full pages unless `firstScreen`. */
async function shoot(browser: Browser, name: string, url: string, options: { firstScreen?: boolean; headers?: Record<string, string> } = {}) {
  for (const size of WIDTHS) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, timezoneId: 'America/New_York', extraHTTPHeaders: options.headers });
    const page = await context.newPage();
    await page.goto(url);
    await page.screenshot({ path: `${OUT_DIR}${name}-${size.name}.png`, fullPage: !options.firstScreen });
    await context.close();
  }
  console.log(`${name}: ${WIDTHS.map((size) => `${name}-${size.name}.png`).join(', ')}`);
}

const [worker, browser] = await Promise.all([startWorker({ vars: { ADMIN_TOKEN } }), launchChromium()]);
try {
  await mkdir(OUT_DIR, { recursive: true });
  await shoot(browser, 'landing-first-screen', `${worker.url}/`, { firstScreen: true });
  await shoot(browser, 'landing', `${worker.url}/`);

  await fetch(`${worker.url}/api/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADDRESS, timezone: 'America/New_York', sendHour: 8, role: 'was_hurt' }),
  });
  const confirmation = await waitForOutboxMessage(worker.url, (message) => message.to_address === ADDRESS);
  await fetch(linkIn(confirmation.text, /http:\/\/[^\s)]+\/confirm\?token=[a-z2-7.]+/));
  const welcome = await waitForOutboxMessage(worker.url, (message) => /^Welcome/.test(message.subject ?? ''));
  await runCronTick(worker.url, Date.now() + 2 * DAY_MS);
  const dayOne = await waitForOutboxMessage(worker.url, (message) => /^Day 1 of 30/.test(message.subject ?? ''));

  await shoot(browser, 'email-confirmation', `${worker.url}/dev/outbox/${confirmation.id}`);
  await shoot(browser, 'email-welcome', `${worker.url}/dev/outbox/${welcome.id}`);
  await shoot(browser, 'email-daily-step', `${worker.url}/dev/outbox/${dayOne.id}`);
  await shoot(browser, 'email-completion', `${worker.url}/admin/preview/email/31`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  await shoot(browser, 'journal', `${worker.url}${linkIn(welcome.text, /\/journal\/[a-z2-7]+\.[a-z2-7]+/)}`);
  console.log(`${(await readOutbox(worker.url)).length} messages in the outbox; screenshots in docs/screenshots/`);
} finally {
  await browser.close();
  await worker.stop();
}
