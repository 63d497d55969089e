// Every page a subscriber can reach passes axe-core (WCAG 2 A and AA) in real Chromium on a laptop and a phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './support/axe-findings';
import { launchChromium } from './support/chromium';
import { waitForOutboxMessage } from './support/outbox';
import { startWorker, type LocalWorker } from './support/worker-server';

/** Every page, in an order that sees the journal both while subscribed and after unsubscribing. */
const PAGE_NAMES = ['landing', 'day', 'day for a role', 'introduction', 'confirmed', 'pending', 'journal', 'unsubscribe', 'unsubscribed', 'invalid link', 'no such step'] as const;

const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern}`);
  return match[0];
}

describe('every page passes axe (WCAG 2 AA)', () => {
  let worker: LocalWorker;
  let browser: Browser;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
    const address = `axe-${Date.now().toString(36)}@example.com`;
    await fetch(`${worker.url}/api/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address, timezone: 'America/New_York', sendHour: 8, role: 'was_hurt' }),
    });
    const confirmation = await waitForOutboxMessage(worker.url, (message) => message.to_address === address);
    const confirmUrl = linkIn(confirmation.text, /http:\/\/[^\s)]+\/confirm\?token=[a-z2-7.]+/);
    await fetch(confirmUrl);
    const welcome = await waitForOutboxMessage(worker.url, (message) => message.to_address === address && /^Welcome/.test(message.subject ?? ''));
    Object.assign(pages, {
      landing: '/',
      day: '/day/3',
      'day for a role': '/day/3?role=was_hurt',
      introduction: '/introduction',
      confirmed: confirmUrl.slice(worker.url.length),
      journal: linkIn(welcome.text, /\/journal\/[a-z2-7]+\.[a-z2-7]+/),
      unsubscribe: linkIn(welcome.text, /\/u\/[a-z2-7]+\.[a-z2-7]+/),
      'invalid link': '/journal/not-a-token',
      'no such step': '/day/31',
    });
  });

  /** The HTML the worker answers to a browser's form post. */
  async function postForm(path: string, fields: Record<string, string>): Promise<string> {
    const response = await fetch(`${worker.url}${path}`, {
      method: 'POST',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    return response.text();
  }

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  for (const viewport of VIEWPORTS) {
    for (const name of PAGE_NAMES) {
      it(`${name}: no violation on the ${viewport.name}`, async () => {
        const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, bypassCSP: true });
        const page = await context.newPage();
        if (name === 'pending' || name === 'unsubscribed') {
          // Pages that answer a form post: rendered from the worker's own answer.
          const html =
            name === 'pending'
              ? await postForm('/api/subscribe', { channel: 'email', email: `pending-${viewport.name}@example.com` })
              : await postForm(pages.unsubscribe!, {});
          await page.goto(`${worker.url}/introduction`);
          await page.setContent(html);
        } else {
          await page.goto(`${worker.url}${pages[name]}`);
          expect(await page.evaluate('document.documentElement.scrollWidth'), 'no sideways scrolling').toBeLessThanOrEqual(viewport.width);
        }
        expect(await runAxe(page)).toEqual([]);
        await context.close();
      });
    }
  }

  it('would report a page with a real violation', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>');
    const ids = (await runAxe(page)).map((finding) => finding.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('label');
    await page.close();
  });

  it('serves the favicon as ICO and SVG', async () => {
    const ico = await fetch(`${worker.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    expect([...new Uint8Array(await ico.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const svg = await fetch(`${worker.url}/favicon.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg /);
  });
});
