// The worker's logs: one JSON line per request and per invocation with its id, silent in tests unless asked, and never a token, address or number.
import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redact } from '../../src/platform/log';
import { computeTwilioSignature } from '../../src/security/twilio-signature';
import { signToken } from '../../src/security/tokens';
import { buildServices } from '../../src/services';
import { call, clearDatabase, envWith, postJson, rows, runTick } from '../support/worker-harness';

const BASE = 'http://localhost:8787';
const AUTH_TOKEN = 'test_auth_token_log_privacy_0123456789';
const EMAIL = 'private.person+tag@example.org';
const PHONE = '+14155550166';
const loudEnv = envWith({ LOG_LEVEL: 'debug', TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_URL: BASE });

let output: string[] = [];

beforeEach(async () => {
  await clearDatabase();
  output = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void output.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg) ?? String(arg))).join(' ')));
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function text(from: string, body: string, sid: string, testEnv: Env): Promise<Response> {
  const params = { MessageSid: sid, AccountSid: `AC${'2'.repeat(32)}`, From: from, To: '+15005550006', Body: body, NumMedia: '0' };
  const signature = await computeTwilioSignature(AUTH_TOKEN, `${BASE}/webhooks/twilio/sms`, params);
  return call('/webhooks/twilio/sms', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() }, testEnv);
}

describe('redact', () => {
  it('replaces tokens in paths and queries, email addresses and phone numbers, and keeps the rest', () => {
    expect(redact('POST /journal/abcdefgh.abcdefghijklmnopqrstuvwxyz/pause')).toBe('POST /journal/[token]/pause');
    expect(redact('/u/%0Aabcdefgh.abcdefghijklmnopqrstuvwxyz')).toBe('/u/[token]');
    expect(redact('/confirm?token=abc.def&x=1')).toBe('/confirm?token=[redacted]&x=1');
    expect(redact('to reflections+abcdefgh.abc@in.example.com failed')).toBe('to [email] failed');
    expect(redact('number +1 (415) 555-0166 refused, 4155550166 too')).toBe('number [phone] refused, [number] too');
    expect(redact('Bearer admin-token-secret')).toBe('[credential]');
    expect(redact('invocation at 2026-12-01T15:00:00.000Z took 12 ms')).toBe('invocation at 2026-12-01T15:00:00.000Z took 12 ms');
  });
});

describe('the worker log', () => {
  it('prints nothing in tests unless asked', async () => {
    expect((await call('/journal/not-a-token')).status).toBe(404);
    expect((await postJson('/api/subscribe', { email: EMAIL })).status).toBe(202);
    expect(output).toEqual([]);
  });

  it('carries no token, address or phone number through signup, confirm, a tick, replies, webhooks and failed requests', async () => {
    const secret = buildServices(loudEnv).config.tokenSecret;
    expect((await postJson('/api/subscribe', { email: EMAIL, timezone: 'UTC', sendHour: 8 }, loudEnv, { 'cf-connecting-ip': '2001:db8::1' })).status).toBe(202);
    const [subscriber] = await rows<{ id: string }>('SELECT id FROM subscribers WHERE address = ?', EMAIL);
    const tokens = await Promise.all((['confirm', 'journal', 'unsubscribe', 'reply'] as const).map((purpose) => signToken(secret, purpose, subscriber!.id)));
    const [confirm, journal, unsubscribe] = tokens as [string, string, string];
    expect((await call(`/confirm?token=${confirm}`, {}, loudEnv)).status).toBe(200);
    await runTick(Date.now() + 24 * 3_600_000, loudEnv);
    expect((await call(`/journal/${journal}`, {}, loudEnv)).status).toBe(200);
    expect((await call(`/journal/%0A${journal}/pause`, { method: 'POST' }, loudEnv)).status).toBe(404);
    expect((await call(`/journal/${journal}/restart`, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' }, loudEnv)).status).toBe(400);
    expect((await call(`/u/${unsubscribe}x`, { method: 'POST' }, loudEnv)).status).toBe(404);
    // An unknown failure (here: an unusable PUBLIC_URL) is a 500 logged once, with the path's token redacted.
    const broken = await call(`/journal/${journal}?token=${confirm}`, {}, envWith({ LOG_LEVEL: 'debug', PUBLIC_URL: 'not a url' }));
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toMatch(/PUBLIC_URL|stack|Error:/);

    expect((await postJson('/api/subscribe', { channel: 'sms', phone: PHONE, consent: true, sendHour: 10 }, loudEnv)).status).toBe(202);
    expect((await text(PHONE, 'YES', 'SMlog00000000000000000000000000001', loudEnv)).status).toBe(200);
    expect((await text(PHONE, `It was hard today. Call me at ${PHONE} or mail ${EMAIL}`, 'SMlog00000000000000000000000000002', loudEnv)).status).toBe(200);
    expect((await text(PHONE, 'YES', 'SMlog00000000000000000000000000001', loudEnv)).status).toBe(200);
    const forged = await call('/webhooks/twilio/status', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'AAAA' }, body: `MessageSid=SM1&MessageStatus=failed&To=${encodeURIComponent(PHONE)}` }, loudEnv);
    expect(forged.status).toBe(403);
    expect((await call('/admin', { headers: { authorization: 'Bearer not-the-token' } }, loudEnv)).status).toBe(404);

    const all = output.join('\n');
    const ours = output.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = ours.filter((line) => line.event === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(12);
    for (const line of requests) expect(line).toMatchObject({ level: 'info', id: expect.any(String), method: expect.any(String), status: expect.any(Number) });
    expect(ours.filter((line) => line.event === 'invocation').length).toBeGreaterThanOrEqual(1);
    const failures = ours.filter((line) => line.event === 'request_failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ path: '/journal/[token]', id: expect.any(String) });
    expect(requests.some((line) => line.id === failures[0]!.id && line.status === 500)).toBe(true);

    for (const secretValue of [EMAIL, PHONE, PHONE.slice(1), PHONE.slice(2), ...tokens, ...tokens.map((token) => token.split('.')[1]!)]) {
      expect(all, `log output contains ${secretValue}`).not.toContain(secretValue);
    }
    expect(all).not.toMatch(/[a-z2-7]{8,40}\.[a-z2-7]{26}/);
    expect(all).not.toMatch(/@example\.(org|com)/);
  });
});
