// The local try-out in real Chromium: the whole SMS course through the outbox's buttons only, and an email's preview links that work.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, pageScrollsSideways } from './support/axe';
import { launchChromium } from './support/chromium';
import { readOutbox } from './support/outbox';
import { startWorker, type LocalWorker } from './support/worker-server';

const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
const PHONE_NATIONAL = '(415) 555-0177';
const PHONE = '+14155550177';
const REFLECTION = 'We talked for an hour tonight without raising our voices.';

/** The outbox box of one recipient. */
const recipient = (page: Page, address: string) => page.locator(`section.recipient[data-recipient="${address}"]`);

/** Presses a button and waits for the outbox page it leads back to, returning the note it shows. */
async function pressAndRead(page: Page, press: () => Promise<void>): Promise<string> {
  await Promise.all([page.waitForURL(/\/dev\/outbox\?/), press()]);
  return (await page.getByRole('status').textContent())?.trim() ?? '';
}

describe('the local try-out in a real browser', () => {
  let worker: LocalWorker;
  let browser: Browser;
  let context: BrowserContext;
  let axeContext: BrowserContext;

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
    context = await browser.newContext({ timezoneId: 'America/Chicago', viewport: { width: 1280, height: 900 } });
    // axe is injected as a script, which the pages' Content-Security-Policy rightly forbids.
    axeContext = await browser.newContext({ bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it('walks the SMS course with the outbox buttons only: sign up, YES, the next days, a reflection, STOP', async () => {
    const page = await context.newPage();
    await page.goto(`${worker.url}/`);
    await page.locator('input[name="channel"][value="sms"]').check();
    await page.locator('input[name="phone"]').fill(PHONE_NATIONAL);
    await page.locator('input[name="consent"]').check();
    await page.locator('select[name="sendHour"]').selectOption('9');
    const signup = page.waitForResponse((response) => response.url() === `${worker.url}/api/subscribe`);
    await page.locator('form#signup button[type="submit"]').click();
    expect((await signup).status()).toBe(202);

    await page.goto(`${worker.url}/dev/outbox`);
    const box = recipient(page, PHONE);
    await expect.poll(() => box.count()).toBe(1);
    expect(await box.locator('ol.messages li').count()).toBe(1);

    expect(await pressAndRead(page, () => box.getByRole('button', { name: 'Text YES' }).click())).toContain(`Texted "YES" from ${PHONE}.`);
    expect(await recipient(page, PHONE).locator('ol.messages li').first().textContent()).toMatch(/confirmed/i);

    expect(await pressAndRead(page, () => recipient(page, PHONE).getByRole('button', { name: 'Run their next step' }).click())).toMatch(/Ran the tick at .*: 1 message sent\./);
    expect(await recipient(page, PHONE).locator('ol.messages li a').first().textContent()).toMatch(/^Day 1\/30/);

    expect(await pressAndRead(page, () => page.getByRole('button', { name: 'Run the next 7 days' }).click())).toMatch(/Ran 7 ticks up to .*: 7 messages sent\./);
    const newest = recipient(page, PHONE).locator('ol.messages li a').first();
    expect(await newest.textContent()).toMatch(/^Day 8\/30/);
    // Each row shows the time where they live (Chicago) and in UTC.
    expect(await recipient(page, PHONE).locator('ol.messages li time').first().textContent()).toMatch(/9:00 AM C[SD]T · \d{4}-\d\d-\d\d 1[45]:00 UTC/);

    await mkdir(DOCS_DIR, { recursive: true });
    await page.screenshot({ path: `${DOCS_DIR}outbox.png`, fullPage: false });

    await newest.click();
    await page.waitForURL(/\/dev\/outbox\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe(`Text message to ${PHONE}`);
    await page.getByLabel('Your text').fill(REFLECTION);
    expect(await pressAndRead(page, () => page.getByRole('button', { name: 'Send the text' }).click())).toContain('Texted "We talked');

    expect(await pressAndRead(page, () => recipient(page, PHONE).getByRole('button', { name: 'Text STOP' }).click())).toContain('Texted "STOP"');

    // The reflection is in the journal, linked from the welcome text.
    const welcome = (await readOutbox(worker.url)).find((message) => message.to_address === PHONE && /journal\//.test(message.text));
    expect(welcome, 'a text with the journal link').toBeDefined();
    await page.goto(`${worker.url}/dev/outbox/${welcome!.id}`);
    await Promise.all([page.waitForURL(/\/journal\//), page.locator('pre a[href*="/journal/"]').first().click()]);
    expect(await page.locator('main').textContent()).toContain(REFLECTION);
    const afterStop = (await readOutbox(worker.url)).filter((message) => message.to_address === PHONE);
    expect(afterStop.filter((message) => /^Day \d+\/30/.test(message.text))).toHaveLength(8);

    // Once stopped, the clock moves on and nothing more is sent to them.
    await page.goto(`${worker.url}/dev/outbox`);
    expect(await pressAndRead(page, () => page.getByRole('button', { name: 'Run the next 7 days' }).click())).toBe('Nothing is due: no one is waiting for a step.');
    await page.close();
  });

  it("opens an email on its own page and follows the preview's button to the confirmed page", async () => {
    const address = `preview-${Date.now().toString(36)}@example.com`;
    const response = await fetch(`${worker.url}/api/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: address, timezone: 'Europe/Paris', sendHour: 8 }) });
    expect(response.status).toBe(202);
    const page = await context.newPage();
    await page.goto(`${worker.url}/dev/outbox?channel=email&address=${encodeURIComponent(address)}`);
    await Promise.all([page.waitForURL(/\/dev\/outbox\/\d+$/), recipient(page, address).locator('ol.messages li a').first().click()]);
    await page.screenshot({ path: `${DOCS_DIR}outbox-message.png`, fullPage: false });

    const button = page.frameLocator('iframe').locator('a[href*="/confirm?token="]').first();
    await Promise.all([page.waitForURL(/\/confirm\?token=/), button.click()]);
    expect(await page.locator('h1').textContent()).toMatch(/welcome/i);
    await page.close();
  });

  it('passes axe (WCAG 2 AA) on the outbox list and a message page at 375 and 1280 px, with no sideways scroll', async () => {
    const [first] = await readOutbox(worker.url);
    for (const width of [375, 1280]) {
      const page = await axeContext.newPage();
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/dev/outbox', `/dev/outbox/${first!.id}`]) {
        await page.goto(`${worker.url}${path}`);
        expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
        expect(await pageScrollsSideways(page), `${path} at ${width}px scrolls sideways`).toBe(false);
      }
      await page.close();
    }
  });
});
