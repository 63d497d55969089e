// The signup journey in real headless Chromium against the real worker: with and without JavaScript, confirm, welcome, unsubscribe.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSendHourWithPlace } from '../../src/schedule/format-time';
import { launchChromium } from './support/chromium';
import { outboxFor, runCronTick, waitForOutboxMessage } from './support/outbox';
import { startWorker, type LocalWorker } from './support/worker-server';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const CONFIRM_SUBJECT = 'Please confirm your place in 30 steps to regain trust in a relationship';
const WELCOME_SUBJECT = 'Welcome to 30 steps to regain trust in a relationship';
const DAY_MS = 24 * 60 * 60_000;

/** What the landing page's accessibility check found; every list should be empty. */
interface AccessibilityReport {
  lang: string;
  h1Count: number;
  unlabelledControls: string[];
  unnamedButtons: string[];
  safetyBeforeForm: boolean;
}

/** Runs in the page: form controls without a label, buttons without a name, and the page's outline facts. */
const ACCESSIBILITY_PROBE = `(() => {
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '');
  const controls = Array.from(document.querySelectorAll('input, select, textarea')).filter((el) => el.type !== 'hidden');
  const hasLabel = (el) => (el.labels && Array.from(el.labels).some((label) => label.textContent.trim() !== ''))
    || (el.getAttribute('aria-label') || '').trim() !== ''
    || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).some((id) => id && (document.getElementById(id)?.textContent || '').trim() !== '');
  const safety = document.querySelector('.safety');
  const form = document.querySelector('form#signup');
  return {
    lang: document.documentElement.lang,
    h1Count: document.querySelectorAll('h1').length,
    unlabelledControls: controls.filter((el) => !hasLabel(el)).map(describe),
    unnamedButtons: Array.from(document.querySelectorAll('button')).filter((b) => b.textContent.trim() === '' && !b.getAttribute('aria-label')).map(describe),
    safetyBeforeForm: Boolean(safety && form && (safety.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING)),
  };
})()`;

/** A fresh address per run, so nothing can pass thanks to an earlier run's data. */
function uniqueAddress(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Opens the outbox page of the email with `subject` sent to `address` (one message per page) and returns its content. */
async function openOutboxEmail(page: Page, worker: LocalWorker, address: string, subject: string): Promise<Locator> {
  await page.goto(`${worker.url}/dev/outbox?channel=email&address=${encodeURIComponent(address)}`);
  const row = page.locator('ol.messages a').filter({ hasText: subject });
  await expect.poll(() => row.count()).toBe(1);
  await Promise.all([page.waitForURL(/\/dev\/outbox\/\d+$/), row.click()]);
  return page.locator(`.desk[data-channel="email"]`);
}

/** Fills the signup form for an email subscription at `hour` (0-23) and submits it with the button. */
async function submitEmailSignup(page: Page, address: string, hour: number): Promise<void> {
  await page.getByRole('radio', { name: 'By email' }).check();
  await page.getByLabel('Email address').fill(address);
  await page.getByLabel('Time of day for each step').selectOption(String(hour));
  await page.getByRole('button', { name: 'Start the course' }).click();
}

/** Opens the outbox, follows the confirmation link sent to `address`, and checks the confirmed page. */
async function confirmFromOutbox(page: Page, worker: LocalWorker, address: string, hour: number, timezone: string): Promise<string> {
  const confirmation = await openOutboxEmail(page, worker, address, CONFIRM_SUBJECT);
  const link = confirmation.locator('pre a[href*="/confirm?token="]').first();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href.startsWith(`${worker.url}/confirm?token=`), `confirm link ${href} points at this server`).toBe(true);
  await link.click();
  await page.waitForURL(`${worker.url}/confirm?token=**`);
  await expect.poll(() => page.locator('h1').textContent()).toBe("You're in. Welcome.");
  expect(await page.locator('main').textContent()).toContain(`at ${formatSendHourWithPlace(hour, timezone)}`);
  return href;
}

describe('signup in a real browser', () => {
  let worker: LocalWorker;
  let browser: Browser;
  let scriptedContext: BrowserContext;
  let plainContext: BrowserContext;
  const scriptedAddress = uniqueAddress('with-js');
  const plainAddress = uniqueAddress('without-js');

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
    scriptedContext = await browser.newContext({ timezoneId: 'America/New_York' });
    plainContext = await browser.newContext({ javaScriptEnabled: false });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it('serves a landing page whose controls all have labels, with a safety note before the form', async () => {
    const page = await scriptedContext.newPage();
    const response = await page.goto(`${worker.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('30 steps to regain trust');

    const report = (await page.evaluate(ACCESSIBILITY_PROBE)) as AccessibilityReport;
    expect(report).toEqual({ lang: 'en', h1Count: 1, unlabelledControls: [], unnamedButtons: [], safetyBeforeForm: true });
    expect(await page.locator('ol.steps li').count()).toBe(30);

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}landing-page.png`, fullPage: true });
    await page.close();
  });

  it('with JavaScript, posts the signup as JSON and shows "Check your inbox" in place', async () => {
    const page = await scriptedContext.newPage();
    await page.goto(`${worker.url}/`);
    await expect.poll(() => page.locator('input[name="timezone"]').inputValue()).toBe('America/New_York');
    expect(await page.getByLabel('Mobile number').isVisible()).toBe(false);

    const posted = page.waitForRequest((request) => request.url() === `${worker.url}/api/subscribe` && request.method() === 'POST');
    await submitEmailSignup(page, scriptedAddress, 7);
    const request = await posted;
    expect(request.headers()['content-type']).toBe('application/json');
    expect(request.postDataJSON()).toEqual({ channel: 'email', email: scriptedAddress, sendHour: 7, timezone: 'America/New_York', role: 'together', course: 'rebuild-trust' });
    expect((await request.response())?.status()).toBe(202);

    const status = page.getByRole('status');
    await expect.poll(() => status.isVisible()).toBe(true);
    expect(await status.getByRole('heading', { name: 'Check your inbox' }).isVisible()).toBe(true);
    expect(await page.locator('form#signup').isVisible()).toBe(false);
    expect(page.url()).toBe(`${worker.url}/`);

    await confirmFromOutbox(page, worker, scriptedAddress, 7, 'America/New_York');
    expect((await outboxFor(worker.url, scriptedAddress)).map((message) => message.subject).sort()).toEqual([CONFIRM_SUBJECT, WELCOME_SUBJECT]);
    await page.close();
  });

  it('without JavaScript, posts the form and lands on the pending page; confirm, welcome and unsubscribe all work', async () => {
    const page = await plainContext.newPage();
    await page.goto(`${worker.url}/`);
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.url() === `${worker.url}/api/subscribe`),
      submitEmailSignup(page, plainAddress, 20),
    ]);
    expect(response.status()).toBe(202);
    expect(response.request().headers()['content-type']).toBe('application/x-www-form-urlencoded');
    await page.waitForURL(`${worker.url}/api/subscribe`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check your inbox');

    const confirmHref = await confirmFromOutbox(page, worker, plainAddress, 20, 'UTC');

    const welcome = await openOutboxEmail(page, worker, plainAddress, WELCOME_SUBJECT);
    expect(await welcome.count()).toBe(1);
    const unsubscribeLink = welcome.locator('pre a[href*="/u/"]').first();
    const unsubscribeHref = (await unsubscribeLink.getAttribute('href')) ?? '';
    expect(unsubscribeHref.startsWith(`${worker.url}/u/`)).toBe(true);

    await unsubscribeLink.click();
    await page.waitForURL(unsubscribeHref);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Stop the daily steps?');
    const [unsubscribed] = await Promise.all([
      page.waitForResponse((answer) => answer.url() === unsubscribeHref && answer.request().method() === 'POST'),
      page.getByRole('button', { name: 'Unsubscribe' }).click(),
    ]);
    expect(unsubscribed.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent()).toBe("You're unsubscribed. Nothing more will be sent.");

    await page.goto(unsubscribeHref);
    expect(await page.locator('h1').textContent()).toBe("You're unsubscribed. Nothing more will be sent.");
    expect(await page.getByRole('button', { name: 'Unsubscribe' }).count()).toBe(0);
    await page.goto(confirmHref);
    expect(await page.locator('h1').textContent()).toBe("You're not subscribed");
    expect((await outboxFor(worker.url, plainAddress)).map((message) => message.subject).sort()).toEqual([CONFIRM_SUBJECT, WELCOME_SUBJECT]);
    await page.close();
  });

  it('a later cron tick sends Day 1 to the confirmed subscriber and nothing to the one who unsubscribed', async () => {
    await runCronTick(worker.url, Date.now() + 2 * DAY_MS);
    const dayOne = await waitForOutboxMessage(worker.url, (message) => message.to_address === scriptedAddress && /^Day 1 of 30: /.test(message.subject ?? ''));
    expect(dayOne.headers?.['List-Unsubscribe']).toContain(`${worker.url}/u/`);
    expect((await outboxFor(worker.url, plainAddress)).map((message) => message.subject).sort()).toEqual([CONFIRM_SUBJECT, WELCOME_SUBJECT]);
  });
});
