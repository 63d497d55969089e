// The email course end to end through the real worker and D1: signup, confirm, welcome, 30 steps, completion, unsubscribe.
import { beforeEach, describe, expect, it } from 'vitest';
import { toLocal } from '../../src/schedule/local-time';
import { call, clearDatabase, envWith, postJson, rows, runTick } from '../support/worker-harness';

interface OutboxRow {
  id: number;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  headers: string;
  created_at: number;
}

const HOUR = 3_600_000;

async function outboxFor(address: string): Promise<OutboxRow[]> {
  return rows<OutboxRow>('SELECT * FROM outbox WHERE to_address = ? ORDER BY id', address);
}

async function outboxCount(address: string): Promise<number> {
  const [row] = await rows<{ count: number }>('SELECT COUNT(*) AS count FROM outbox WHERE to_address = ?', address);
  return row!.count;
}

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${text}`);
  return match[0];
}

async function signUpAndConfirm(address: string, extra: Record<string, unknown> = {}) {
  const response = await postJson('/api/subscribe', { email: address, timezone: 'America/New_York', sendHour: 8, ...extra });
  expect(response.status).toBe(202);
  const [confirmation] = await outboxFor(address);
  const confirmLink = linkIn(confirmation!.text, /http:\/\/localhost:8787\/confirm\?token=[a-z2-7.]+/);
  const page = await call(confirmLink.replace('http://localhost:8787', ''));
  expect(page.status).toBe(200);
  const [subscriber] = await rows<{ id: string; status: string; next_day: number; next_due_at: number }>(
    'SELECT id, status, next_day, next_due_at FROM subscribers WHERE address = ?',
    address,
  );
  return subscriber!;
}

beforeEach(clearDatabase);

describe('POST /api/subscribe', () => {
  it('answers 202 pending and sends one confirmation email with a confirm link', async () => {
    const response = await postJson('/api/subscribe', { email: 'Ana@Example.com', timezone: 'Europe/Lisbon', sendHour: 7 });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'pending' });
    const sent = await outboxFor('ana@example.com');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/confirm/i);
    expect(sent[0]!.text).toMatch(/\/confirm\?token=/);
    const [consent] = await rows<{ text_version: string; method: string }>('SELECT text_version, method FROM consents');
    expect(consent).toMatchObject({ text_version: expect.stringMatching(/^email-/), method: 'api' });
  });

  it('answers a known address exactly like a new one, without a second confirmation', async () => {
    const first = await postJson('/api/subscribe', { email: 'known@example.com' });
    const second = await postJson('/api/subscribe', { email: 'known@example.com' });
    expect(second.status).toBe(first.status);
    expect(await second.text()).toBe(await first.text());
    expect(await outboxFor('known@example.com')).toHaveLength(1);
  });

  it('accepts a form post and answers a browser with a page', async () => {
    const response = await call('/api/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ channel: 'email', email: 'form@example.com', timezone: 'Asia/Kathmandu', sendHour: '8' }),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await outboxFor('form@example.com')).toHaveLength(1);
  });

  it.each([
    [{ email: 'not-an-address' }, 422, 'email'],
    [{ email: 'a@example.com', timezone: 'Mars/Olympus' }, 422, 'timezone'],
    [{ email: 'a@example.com', sendHour: 24 }, 422, 'sendHour'],
    [{ email: 'a@example.com', channel: 'pigeon' }, 422, 'channel'],
    [{}, 422, 'email'],
    [[1, 2], 400, null],
  ])('refuses %j with %i and the error shape', async (body, status, field) => {
    const response = await postJson('/api/subscribe', body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { code: string; message: string; field: string | null } };
    expect(json.error.code).toMatch(/^[a-z_]+$/);
    expect(json.error.message.length).toBeGreaterThan(10);
    expect(json.error.field).toBe(field);
    expect(await rows('SELECT id FROM subscribers')).toHaveLength(0);
  });

  it('refuses malformed JSON with 400, other content types with 415, and bodies over 16 KiB with 413', async () => {
    const malformed = await call('/api/subscribe', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const text = await call('/api/subscribe', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'email=a@example.com' });
    expect(text.status).toBe(415);
    const big = await postJson('/api/subscribe', { email: 'big@example.com', padding: 'x'.repeat(17 * 1024) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('answers 429 with Retry-After when one client signs up too often', async () => {
    const limited = envWith({ SIGNUP_RATE_LIMIT: '2' });
    const headers = { 'cf-connecting-ip': '203.0.113.9' };
    for (const n of [1, 2]) expect((await postJson('/api/subscribe', { email: `r${n}@example.com` }, limited, headers)).status).toBe(202);
    const third = await postJson('/api/subscribe', { email: 'r3@example.com' }, limited, headers);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    const otherClient = await postJson('/api/subscribe', { email: 'r4@example.com' }, limited, { 'cf-connecting-ip': '203.0.113.10' });
    expect(otherClient.status).toBe(202);
    const windows = await rows<{ client_key: string }>('SELECT client_key FROM signup_windows');
    expect(windows).toHaveLength(2);
    expect(windows.map((row) => row.client_key).join()).not.toContain('203.0.113');
    await runTick(Date.now() + 25 * 60_000);
    expect(await rows('SELECT client_key FROM signup_windows')).toHaveLength(0);
  });
});

describe('GET /confirm', () => {
  it('confirms, sends the welcome at once with unsubscribe headers, and is safe to open twice', async () => {
    const subscriber = await signUpAndConfirm('welcome@example.com');
    expect(subscriber.status).toBe('active');
    expect(subscriber.next_day).toBe(1);
    const sent = await outboxFor('welcome@example.com');
    expect(sent.map((message) => message.subject)).toEqual([expect.stringMatching(/confirm/i), expect.stringMatching(/welcome/i)]);
    const welcome = sent[1]!;
    const headers = JSON.parse(welcome.headers) as Record<string, string>;
    expect(headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:8787\/u\/[a-z2-7]+\.[a-z2-7]+>/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(headers['List-Id']).toBeTruthy();
    expect(welcome.text).toMatch(/1.800.799.7233/);
    expect(welcome.text).toMatch(/(today|tomorrow) at 8:00 a\.m\., New York time/);
    // The course's introduction is sent as the welcome (SPEC §7).
    expect(welcome.text).toContain('Trust is the emotional foundation of every healthy relationship.');

    const confirmLink = linkIn(sent[0]!.text, /\/confirm\?token=[a-z2-7.]+/);
    const again = await call(confirmLink);
    expect(again.status).toBe(200);
    expect(await outboxFor('welcome@example.com')).toHaveLength(2);
  });

  it('shows a 404 page for a tampered token, never a 500', async () => {
    await postJson('/api/subscribe', { email: 'tamper@example.com' });
    const [confirmation] = await outboxFor('tamper@example.com');
    const token = linkIn(confirmation!.text, /token=[a-z2-7.]+/).slice('token='.length);
    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    for (const bad of [tampered, 'garbage', '', `${token}x`]) {
      const response = await call(`/confirm?token=${encodeURIComponent(bad)}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/isn(&#39;|')t valid/);
    }
    const [subscriber] = await rows<{ status: string }>('SELECT status FROM subscribers');
    expect(subscriber!.status).toBe('pending');
  });
});

describe('the daily send', () => {
  it('sends Day 1..30 at 08:00 local, one per local day, then the completion message', async () => {
    const subscriber = await signUpAndConfirm('course@example.com');
    // Tick where a sloppy scheduler would send (an hour early, twice on time, later the same day), not 792 times an hour.
    for (let round = 0; round < 40; round++) {
      const [row] = await rows<{ status: string; next_due_at: number | null }>('SELECT status, next_due_at FROM subscribers WHERE id = ?', subscriber.id);
      if (row!.status === 'completed' || row!.next_due_at === null) break;
      const due = row!.next_due_at;
      const sentBefore = await outboxCount('course@example.com');
      await runTick(due - HOUR);
      expect(await outboxCount('course@example.com')).toBe(sentBefore);
      await runTick(due);
      await runTick(due);
      await runTick(due + 6 * HOUR);
      expect(await outboxCount('course@example.com')).toBe(sentBefore + 1);
    }
    const sent = await outboxFor('course@example.com');
    const steps = sent.slice(2, 32);
    expect(steps.map((message) => message.subject)).toEqual(Array.from({ length: 30 }, (_, i) => expect.stringMatching(new RegExp(`^Day ${i + 1} of 30: `))));
    expect(sent[32]!.subject).toMatch(/all 30 steps/);
    expect(sent).toHaveLength(33);
    const deliveries = await rows<{ day: number; sent_at: number }>('SELECT day, sent_at FROM deliveries WHERE day BETWEEN 1 AND 30 ORDER BY day');
    const localDays = deliveries.map((delivery) => toLocal(delivery.sent_at, 'America/New_York'));
    expect(new Set(localDays.map((d) => `${d.year}-${d.month}-${d.day}`)).size).toBe(30);
    expect(localDays.every((d) => d.hour === 8 && d.minute === 0)).toBe(true);
    const [finished] = await rows<{ status: string }>('SELECT status FROM subscribers WHERE id = ?', subscriber.id);
    expect(finished!.status).toBe('completed');
    for (const step of steps) {
      expect(step.html.length).toBeLessThan(30 * 1024);
      expect(step.text).toMatch(/reply to this email/i);
      expect(step.html).toContain('/u/');
      expect(step.html).toContain('/journal/');
    }
  }, 30_000);

  it('never doubles a step when the same tick runs twice or two ticks overlap', async () => {
    const subscriber = await signUpAndConfirm('twice@example.com');
    const due = subscriber.next_due_at;
    await Promise.all([runTick(due), runTick(due)]);
    await runTick(due);
    await runTick(due + 15 * 60_000);
    const steps = (await outboxFor('twice@example.com')).filter((message) => message.subject.startsWith('Day '));
    expect(steps.map((message) => message.subject)).toEqual([expect.stringMatching(/^Day 1 of 30/)]);
  });
});

describe('unsubscribe', () => {
  it('GET shows a page with a button; POST unsubscribes at once and nothing is sent afterwards', async () => {
    const subscriber = await signUpAndConfirm('leave@example.com');
    const [, welcome] = await outboxFor('leave@example.com');
    const link = linkIn(welcome!.text, /\/u\/[a-z2-7]+\.[a-z2-7]+/);
    const page = await call(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form[^>]+method="post"/i);
    const done = await call(link, { method: 'POST' });
    expect(done.status).toBe(200);
    await runTick(subscriber.next_due_at);
    await runTick(subscriber.next_due_at + 24 * HOUR);
    expect(await outboxFor('leave@example.com')).toHaveLength(2);
    const [row] = await rows<{ status: string }>('SELECT status FROM subscribers WHERE id = ?', subscriber.id);
    expect(row!.status).toBe('unsubscribed');
  });

  it('accepts the RFC 8058 one-click POST and refuses a forged token with 404', async () => {
    await signUpAndConfirm('oneclick@example.com');
    const [, welcome] = await outboxFor('oneclick@example.com');
    const target = JSON.parse(welcome!.headers)['List-Unsubscribe'].match(/<(http[^>]+)>/)[1] as string;
    const response = await call(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    const [row] = await rows<{ status: string; end_reason: string }>('SELECT status, end_reason FROM subscribers');
    expect(row).toEqual({ status: 'unsubscribed', end_reason: 'one-click unsubscribe' });
    const forged = await call(target.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), { method: 'POST' });
    expect(forged.status).toBe(404);
  });
});

describe('pages and health', () => {
  it('serves the landing page with the 30 titles and the safety note', async () => {
    const response = await call('/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Acknowledge that trust was broken');
    expect(html).toContain('Commit to long-term emotional growth');
    expect(html).toContain('tel:+18007997233');
    expect(html).toMatch(/name="timezone"/);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script)));
    expect(policy).toContain(`'sha256-${btoa(String.fromCharCode(...digest))}'`);
  });

  it('serves /day/1..30 and 404s anything else', async () => {
    for (const n of [1, 15, 30]) expect((await call(`/day/${n}`)).status).toBe(200);
    for (const bad of ['0', '31', 'x', '1.5']) expect((await call(`/day/${bad}`)).status).toBe(404);
  });

  it('answers /health with the schema version', async () => {
    const response = await call('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', schemaVersion: expect.any(Number) });
  });

  it('shows /dev/outbox on localhost only, or with the admin token', async () => {
    await postJson('/api/subscribe', { email: 'outbox@example.com' });
    const local = await call('/dev/outbox');
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('outbox@example.com');
    expect((await call('https://rebuild.example.com/dev/outbox')).status).toBe(404);
    const admin = envWith({ ADMIN_TOKEN: 'admin-token-for-tests-0123456789' });
    const withToken = await call('https://rebuild.example.com/dev/outbox', { headers: { authorization: 'Bearer admin-token-for-tests-0123456789' } }, admin);
    expect(withToken.status).toBe(200);
  });
});

describe('coming back after finishing', () => {
  it('starts a new round from the welcome when someone who finished and left signs up again', async () => {
    const subscriber = await signUpAndConfirm('again@example.com');
    await rows("UPDATE subscribers SET next_day = 32, status = 'unsubscribed', next_due_at = NULL WHERE id = ?", subscriber.id);
    expect((await postJson('/api/subscribe', { email: 'again@example.com', timezone: 'America/New_York', sendHour: 8 })).status).toBe(202);
    const confirmations = (await outboxFor('again@example.com')).filter((message) => /confirm/i.test(message.subject));
    // Someone coming back gets a fresh confirmation at once, even soon after the first one.
    expect(confirmations).toHaveLength(2);
    const link = linkIn(confirmations[1]!.text, /\/confirm\?token=[a-z2-7.]+/);
    expect((await call(link)).status).toBe(200);
    const [row] = await rows<{ status: string; cycle: number; next_day: number }>('SELECT status, cycle, next_day FROM subscribers WHERE id = ?', subscriber.id);
    expect(row).toEqual({ status: 'active', cycle: 2, next_day: 1 });
    const welcomes = (await outboxFor('again@example.com')).filter((message) => /welcome/i.test(message.subject));
    expect(welcomes).toHaveLength(2);
  });
});
