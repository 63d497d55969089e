// The landing page in real Chromium: the signup form fits the first screen on a laptop and a phone, and the page reassures.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './support/axe-findings';
import { launchChromium } from './support/chromium';
import { startWorker, type LocalWorker } from './support/worker-server';

const VIEWPORTS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

describe('the landing page', () => {
  let worker: LocalWorker;
  let browser: Browser;

  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker({ vars: { OPERATOR_NAME: 'the Example Foundation' } }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  for (const viewport of VIEWPORTS) {
    it(`shows the whole signup form in the first screen on a ${viewport.width}×${viewport.height} ${viewport.name}`, async () => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, timezoneId: 'America/New_York' });
      const page = await context.newPage();
      await page.goto(`${worker.url}/`);
      const form = await page.locator('form#signup').boundingBox();
      expect(form).not.toBeNull();
      expect(form!.y).toBeGreaterThanOrEqual(0);
      expect(form!.y + form!.height, `form bottom on the ${viewport.name}`).toBeLessThanOrEqual(viewport.height);
      const button = await page.getByRole('button', { name: 'Start the course' }).boundingBox();
      expect(button!.y + button!.height).toBeLessThanOrEqual(viewport.height);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await context.close();
    });

    it(`passes axe (WCAG 2 AA) on the ${viewport.name}`, async () => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${worker.url}/`);
      expect(await runAxe(page)).toEqual([]);
      await context.close();
    });
  }

  it('says who it is for, that it is free, who runs it, what happens next and who can read reflections', async () => {
    const page = await browser.newPage();
    await page.goto(`${worker.url}/`);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('the partner who broke trust, the partner who was hurt, or both of you together');
    expect(text).toContain('not meant for relationships with abuse or violence');
    expect(text).toContain('free');
    expect(text).toContain('Run by the Example Foundation.');
    expect(text).toContain('What happens next');
    expect(text).toContain('stored encrypted');
    expect(text).toContain('see counts and safety flags (a reply that speaks of danger), not what you write');
    expect(text).toContain('A sample step');
    expect(await page.locator('ol.steps li').count()).toBe(30);

    const tel = page.locator('a[href^="tel:"]').first();
    expect(await tel.getAttribute('href')).toBe('tel:+18007997233');
    expect(await tel.textContent()).toBe('1\u2011800\u2011799\u20117233');
    expect(await page.evaluate("getComputedStyle(document.querySelector('a[href^=\"tel:\"]')).whiteSpace")).toBe('nowrap');
    await page.close();
  });

  it('asks gently how the person comes to the course, with "together" chosen, and sends the choice', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await page.goto(`${worker.url}/`);
    expect(await page.getByRole('group', { name: 'How do you come to this course?' }).isVisible()).toBe(true);
    expect(await page.getByRole('radio', { name: 'We are doing this together' }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('#sendHour-place').textContent()).toBe('London time');
    await page.getByRole('radio', { name: 'I was hurt' }).check();
    await page.getByLabel('Email address').fill(`hurt-${Date.now()}@example.com`);
    const posted = page.waitForRequest((request) => request.url() === `${worker.url}/api/subscribe`);
    await page.getByRole('button', { name: 'Start the course' }).click();
    expect((await posted).postDataJSON()).toMatchObject({ role: 'was_hurt', timezone: 'Europe/London' });
    await expect.poll(() => page.getByRole('heading', { name: 'Check your inbox' }).isVisible()).toBe(true);
    await context.close();
  });

  it('shows the text-message hours only with text messages', async () => {
    const page = await browser.newPage();
    await page.goto(`${worker.url}/`);
    const note = page.getByText('Texts go out only between');
    expect(await note.isVisible()).toBe(false);
    await page.getByRole('radio', { name: 'By text (SMS)' }).check();
    expect(await note.isVisible()).toBe(true);
    await page.close();
  });
});
