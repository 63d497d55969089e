// The operator's pages in real Chromium at a phone's and a laptop's width: axe (WCAG 2 AA), no sideways scroll, whole words, quiet sign-out.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, pageScrollsSideways } from './support/axe';
import { launchChromium } from './support/chromium';
import { readOutbox } from './support/outbox';
import { startWorker, type LocalWorker } from './support/worker-server';

const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
const ADMIN_TOKEN = 'admin-token-for-the-browser-desk-test-0123456789';
const EMAIL = 'desk-reader@example.com';
const PHONE = '+14155550199';
const WIDTHS = [375, 1280] as const;

/** Runs in the page: table headers and id cells whose text wraps onto a second line (a word broken in two, or a name split). */
const BROKEN_CELLS = `(() => Array.from(document.querySelectorAll('th, .id')).filter((el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
  return lines.size > 1;
}).map((el) => el.textContent.trim()))()`;

async function post(worker: LocalWorker, path: string, body: Record<string, string>): Promise<void> {
  const response = await fetch(`${worker.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body), redirect: 'manual' });
  if (response.status !== 303) throw new Error(`${path} answered ${response.status}`);
}

async function signIn(page: Page, worker: LocalWorker): Promise<void> {
  await page.goto(`${worker.url}/admin`);
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await Promise.all([page.waitForURL(`${worker.url}/admin`), page.getByRole('button', { name: 'Sign in' }).click()]);
}

describe('the operator desk in a real browser', () => {
  let worker: LocalWorker;
  let browser: Browser;
  let subscriberPath: string;

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker({ vars: { ADMIN_TOKEN } }), launchChromium()]);
    // Some history to show: an email subscriber a few days in, an SMS subscriber who confirmed, one who never did.
    const subscribe = (body: object) => fetch(`${worker.url}/api/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await subscribe({ email: EMAIL, timezone: 'America/New_York', sendHour: 8 });
    await subscribe({ email: 'never-confirmed@example.com' });
    await subscribe({ channel: 'sms', phone: PHONE, consent: true, sendHour: 10, timezone: 'America/Denver' });
    const confirmation = (await readOutbox(worker.url)).find((message) => message.to_address === EMAIL)!;
    await fetch(/https?:\/\/\S+\/confirm\?token=[a-z2-7.]+/.exec(confirmation.text)![0]);
    await post(worker, '/dev/outbox/text', { from: PHONE, body: 'YES' });
    await post(worker, '/dev/outbox/advance', { mode: 'days', days: '3' });
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  /** A fresh, signed-out browser; axe is injected as a script, which the pages' Content-Security-Policy rightly forbids. */
  const freshPage = async (): Promise<Page> => (await browser.newContext({ bypassCSP: true })).newPage();

  it('signs in, finds one subscriber by exact address, and asks before pausing', async () => {
    const page = await freshPage();
    await signIn(page, worker);
    await page.getByLabel('Email address or phone number (exact)').fill(EMAIL.toUpperCase());
    await Promise.all([page.waitForURL(`${worker.url}/admin/find`), page.getByRole('button', { name: 'Find' }).click()]);
    const links = page.locator('main a[href^="/admin/subscribers/"]');
    expect(await links.count()).toBe(1);
    await Promise.all([page.waitForURL(/\/admin\/subscribers\/[a-z0-9]+$/), links.first().click()]);
    subscriberPath = new URL(page.url()).pathname;
    expect(await page.locator('main').textContent()).toContain(EMAIL);
    expect(await page.locator('tr[data-delivery]').count()).toBeGreaterThanOrEqual(3);

    await Promise.all([page.waitForURL(/\/pause$/), page.getByRole('link', { name: 'Pause…' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Pause this course?');
    await Promise.all([page.waitForURL(/\?done=pause$/), page.getByRole('button', { name: 'Pause' }).click()]);
    expect(await page.getByRole('status').textContent()).toContain('Paused');
    expect(await page.locator('dl.facts').textContent()).toContain('paused');
    await page.close();
  });

  for (const width of WIDTHS) {
    it(`passes axe on every operator page at ${width} px, with no sideways scroll and no header or id broken across lines`, async () => {
      const page = await freshPage();
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, worker);
      const paths = ['/admin', subscriberPath, `${subscriberPath}/unsubscribe`, '/admin/preview/sms/3'];
      for (const path of paths) {
        await page.goto(`${worker.url}${path}`);
        expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
        expect(await pageScrollsSideways(page), `${path} scrolls sideways at ${width}px`).toBe(false);
        expect(await page.evaluate(BROKEN_CELLS), `${path} at ${width}px`).toEqual([]);
      }
      await page.goto(`${worker.url}/admin`);
      // Sign out is a quiet link-like button, not the page's loudest control.
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
      expect(await page.evaluate(`getComputedStyle(document.querySelector('.topbar button')).backgroundColor`)).toBe('rgba(0, 0, 0, 0)');
      await mkdir(DOCS_DIR, { recursive: true });
      await page.screenshot({ path: `${DOCS_DIR}admin-${width}.png`, fullPage: width === 375 ? false : true });

      await page.close();
    });
  }
});
