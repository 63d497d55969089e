// The journal journey in real headless Chromium, JavaScript off, against the real worker: view, pause, settings, export, delete.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { outboxFor, runCronTick, waitForOutboxMessage } from './support/outbox';
import { startWorker, type LocalWorker } from './support/worker-server';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const DAY_MS = 24 * 60 * 60_000;
const DAY_ONE_TITLE = 'Acknowledge that trust was broken';

/** Form controls without a label and buttons without a name, found in the page; both lists should be empty. */
const LABEL_PROBE = `(() => {
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '');
  const controls = Array.from(document.querySelectorAll('input, select, textarea, progress')).filter((el) => el.type !== 'hidden');
  const labelled = (el) => (el.labels && Array.from(el.labels).some((label) => label.textContent.trim() !== '')) || (el.getAttribute('aria-label') || '').trim() !== '';
  return {
    lang: document.documentElement.lang,
    h1Count: document.querySelectorAll('h1').length,
    unlabelledControls: controls.filter((el) => !labelled(el)).map(describe),
    unnamedButtons: Array.from(document.querySelectorAll('button')).filter((b) => b.textContent.trim() === '').map(describe),
  };
})()`;

function uniqueAddress(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${text}`);
  return match[0];
}

/** Signs up by the API, confirms with the emailed link and returns the journal link from the welcome email's footer. */
async function subscribeAndConfirm(worker: LocalWorker, address: string): Promise<string> {
  const signup = await fetch(`${worker.url}/api/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: address, timezone: 'Europe/Lisbon', sendHour: 8 }),
  });
  expect(signup.status).toBe(202);
  const confirmation = await waitForOutboxMessage(worker.url, (message) => message.to_address === address && /confirm/i.test(message.subject ?? ''));
  expect((await fetch(linkIn(confirmation.text, /http:\/\/[^\s)]+\/confirm\?token=[a-z2-7.]+/))).status).toBe(200);
  const welcome = await waitForOutboxMessage(worker.url, (message) => message.to_address === address && /^Welcome/.test(message.subject ?? ''));
  return linkIn(welcome.text, new RegExp(`${worker.url.replace(/[.]/g, '\\.')}/journal/[a-z2-7]+\\.[a-z2-7]+`));
}

async function statusText(page: Page): Promise<string> {
  return ((await page.getByRole('status').textContent()) ?? '').trim();
}

async function downloadedText(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

describe('the journal in a real browser without JavaScript', () => {
  let worker: LocalWorker;
  let browser: Browser;
  let context: BrowserContext;
  const address = uniqueAddress('journal');
  let journalUrl = '';

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
    context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    journalUrl = await subscribeAndConfirm(worker, address);
    await runCronTick(worker.url, Date.now() + 2 * DAY_MS);
    await waitForOutboxMessage(worker.url, (message) => message.to_address === address && /^Day 1 of 30: /.test(message.subject ?? ''));
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it('shows progress with Day 1 received, labelled controls, and the actions for an active course', async () => {
    const page = await context.newPage();
    const response = await page.goto(journalUrl);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Your journal');
    expect(await page.evaluate(LABEL_PROBE)).toEqual({ lang: 'en', h1Count: 1, unlabelledControls: [], unnamedButtons: [] });
    const progress = page.getByRole('progressbar', { name: '1 of 30 steps received' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('1');
    expect(await page.evaluate("getComputedStyle(document.querySelector('.progress span')).backgroundColor")).toBe('rgb(29, 92, 87)');
    expect(await page.getByText('Next', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Not yet', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Each step arrives at 08:00, Lisbon time.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Restart from Day 1' }).isVisible()).toBe(false);
    const dayOne = page.locator('ol.steps > li[value="1"]');
    expect(await dayOne.getByRole('heading', { name: `Day 1: ${DAY_ONE_TITLE}` }).isVisible()).toBe(true);
    expect(await dayOne.textContent()).toMatch(/Received \d{1,2} \w+ \d{4}/);
    expect(await page.getByRole('button', { name: 'Pause the course' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Resume the course' }).count()).toBe(0);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}journal-page.png`, fullPage: true });
    await page.close();
  });

  it('pauses with a real form post and says so in the status region; a tick then sends nothing', async () => {
    const page = await context.newPage();
    await page.goto(journalUrl);
    await page.getByRole('button', { name: 'Pause the course' }).click();
    await page.waitForURL(`${journalUrl}?done=paused`);
    expect(await statusText(page)).toBe('Your course is paused. Nothing will be sent until you resume it.');
    expect(await page.getByRole('button', { name: 'Resume the course' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Pause the course' }).count()).toBe(0);

    const before = (await outboxFor(worker.url, address)).length;
    await runCronTick(worker.url, Date.now() + 4 * DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await outboxFor(worker.url, address)).toHaveLength(before);
    await page.close();
  });

  it('changes the send hour with the settings form', async () => {
    const page = await context.newPage();
    await page.goto(journalUrl);
    await page.getByLabel('Send hour').selectOption('20');
    await page.getByLabel('Time zone').selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save delivery time' }).click();
    await page.waitForURL(`${journalUrl}?done=settings`);
    expect(await statusText(page)).toBe('Your new delivery time is saved.');
    expect(await page.getByLabel('Send hour').inputValue()).toBe('20');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Tokyo');
    await page.close();
  });

  it('downloads the journal as Markdown and JSON', async () => {
    const page = await context.newPage();
    await page.goto(journalUrl);
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download as Markdown/ }).click()]);
    expect(markdown.suggestedFilename()).toMatch(/^rebuild-trust-journal-\d{4}-\d\d-\d\d\.md$/);
    const text = await downloadedText(markdown);
    expect(text).toContain('# My Rebuild Trust journal');
    expect(text).toContain(`### Day 1: ${DAY_ONE_TITLE}`);
    expect(text).toContain(address);

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download as JSON/ }).click()]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const data = JSON.parse(await downloadedText(json)) as { subscriber: { address: string; status: string; sendHour: number; timezone: string }; deliveries: { day: number }[] };
    expect(data.subscriber).toMatchObject({ address, status: 'paused', sendHour: 20, timezone: 'Asia/Tokyo' });
    expect(data.deliveries.map((delivery) => delivery.day)).toEqual([0, 1]);
    await page.close();
  });

  it('changes how the person comes to the course', async () => {
    const page = await context.newPage();
    await page.goto(journalUrl);
    expect(await page.getByRole('radio', { name: 'We are doing this together' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'I was hurt' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL(`${journalUrl}?done=role`);
    expect(await statusText(page)).toContain('Your next steps will ask the questions that fit');
    expect(await page.getByRole('radio', { name: 'I was hurt' }).isChecked()).toBe(true);
    await page.close();
  });

  it('after unsubscribing, says so plainly and offers a way back that asks for confirmation', async () => {
    const page = await context.newPage();
    await page.goto(journalUrl);
    await page.getByRole('link', { name: 'Unsubscribe' }).click();
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe("You're unsubscribed. Nothing more will be sent.");
    await page.getByRole('link', { name: 'open your journal' }).click();
    await page.waitForURL(journalUrl);
    expect(await page.locator('.lead').textContent()).toMatch(/^You unsubscribed on \d{1,2} \w+ \d{4}, so nothing more will be sent\./);
    expect(await page.getByText('You receive the course by email').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Want to come back?' }).isVisible()).toBe(true);
    const before = (await outboxFor(worker.url, address)).length;
    await page.getByRole('button', { name: 'Resume the course' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Check your inbox');
    const messages = await outboxFor(worker.url, address);
    expect(messages).toHaveLength(before + 1);
    expect(messages.at(-1)?.subject).toMatch(/confirm/i);
    await page.close();
  });

  it('deletes everything after a confirmation step; the link then shows the invalid-link page', async () => {
    const page = await context.newPage();
    await page.goto(journalUrl);
    await page.getByRole('link', { name: 'Delete everything' }).click();
    await page.waitForURL(`${journalUrl}/delete`);
    expect(await page.locator('h1').textContent()).toBe('Delete everything?');
    expect(await outboxFor(worker.url, address)).not.toHaveLength(0);

    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Everything is deleted');
    expect(await outboxFor(worker.url, address)).toHaveLength(0);

    const gone = await page.goto(journalUrl);
    expect(gone?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe("This link isn't valid");
    await page.close();
  });
});
