// Email through the Resend transport, against a local stand-in that refuses anything the official API spec does not allow.
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { createResendEmailChannel } from '../../src/channels/resend';
import { call, clearDatabase, envWith, postJson, rows, runTick } from '../support/worker-harness';

interface StandInRequest {
  path: string;
  headers: Record<string, string>;
  body: unknown;
  accepted: boolean;
  status: number;
}

interface StandInEmail {
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  reply_to?: string[] | string;
  idempotency_key: string | null;
}

const standIn = () => env.RESEND_STAND_IN_URL!;
const resendEnv = () =>
  envWith({ RESEND_API_KEY: 're_test_transport_key', RESEND_BASE_URL: standIn(), EMAIL_REPLY_TO: 'reflections@in.example.com' });

async function emailsTo(address: string): Promise<StandInEmail[]> {
  const response = await fetch(`${standIn()}/__control/messages?to=${encodeURIComponent(address)}`);
  const body = (await response.json()) as StandInEmail[] | { messages: StandInEmail[] };
  return Array.isArray(body) ? body : body.messages;
}

async function requestsSince(seq: number): Promise<StandInRequest[]> {
  const response = await fetch(`${standIn()}/__control/requests?since=${seq}`);
  const body = (await response.json()) as StandInRequest[] | { requests: StandInRequest[] };
  return Array.isArray(body) ? body : body.requests;
}

async function latestSeq(): Promise<number> {
  const all = (await (await fetch(`${standIn()}/__control/requests?limit=1`)).json()) as { seq: number }[] | { requests: { seq: number }[] };
  const list = Array.isArray(all) ? all : all.requests;
  return list.at(-1)?.seq ?? 0;
}

function confirmPath(text: string): string {
  const match = /\/confirm\?token=[a-z2-7.]+/.exec(text);
  if (!match) throw new Error('no confirm link');
  return match[0];
}

beforeEach(clearDatabase);

describe('Resend transport', () => {
  it('sends the confirmation and welcome through Resend with spec-valid requests, headers and an Idempotency-Key', async () => {
    const address = `resend-${crypto.randomUUID()}@example.com`;
    const since = await latestSeq();
    expect((await postJson('/api/subscribe', { email: address, timezone: 'Europe/Paris', sendHour: 9 }, resendEnv())).status).toBe(202);
    const [confirmation] = await emailsTo(address);
    expect(confirmation).toBeDefined();
    expect((await call(confirmPath(confirmation!.text), {}, resendEnv())).status).toBe(200);

    const sent = await emailsTo(address);
    expect(sent.map((email) => email.subject)).toEqual([expect.stringMatching(/confirm/i), expect.stringMatching(/welcome/i)]);
    const welcome = sent[1]!;
    expect(welcome.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:8787\/u\/[^>]+>, <mailto:reflections\+[a-z2-7.]+@in\.example\.com\?subject=unsubscribe>$/);
    expect(welcome.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(String(welcome.reply_to)).toMatch(/^reflections\+[a-z2-7]+\.[a-z2-7]+@in\.example\.com$/);
    expect(welcome.idempotency_key).toMatch(/^rt-/);

    const requests = (await requestsSince(since)).filter((request) => request.path.startsWith('/emails'));
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(requests.every((request) => request.accepted && request.status === 200)).toBe(true);
    expect(requests.every((request) => request.headers['idempotency-key']?.startsWith('rt-'))).toBe(true);
    expect(await rows('SELECT id FROM outbox')).toHaveLength(0);
  });

  it('sends a daily step once even when the tick runs twice: the second call is a no-op', async () => {
    const address = `resend-twice-${crypto.randomUUID()}@example.com`;
    await postJson('/api/subscribe', { email: address, timezone: 'UTC', sendHour: 6 }, resendEnv());
    await call(confirmPath((await emailsTo(address))[0]!.text), {}, resendEnv());
    const [subscriber] = await rows<{ next_due_at: number }>('SELECT next_due_at FROM subscribers');
    await runTick(subscriber!.next_due_at, resendEnv());
    await runTick(subscriber!.next_due_at, resendEnv());
    const steps = (await emailsTo(address)).filter((email) => email.subject.startsWith('Day '));
    expect(steps.map((email) => email.subject)).toEqual([expect.stringMatching(/^Day 1 of 30: Acknowledge that trust was broken$/)]);
    const [delivery] = await rows<{ status: string; provider_id: string }>('SELECT status, provider_id FROM deliveries WHERE day = 1');
    expect(delivery!.status).toBe('sent');
    expect(delivery!.provider_id).toBeTruthy();
  });

  it('counts a repeated key with a changed payload as already sent: Resend accepted that key before', async () => {
    const channel = createResendEmailChannel('re_key_reuse', standIn());
    const address = `reuse-${crypto.randomUUID()}@example.com`;
    const email = { to: address, from: 'Rebuild Trust <course@example.com>', replyTo: null, subject: 'Welcome', html: '<p>today at 9:00</p>', text: 'today at 9:00', headers: {} };
    const key = `rt-reuse-${crypto.randomUUID()}`;
    expect(await channel.sendBatch([email], key)).toEqual([{ outcome: 'sent', providerId: expect.any(String) }]);
    const changed = { ...email, html: '<p>tomorrow at 9:00</p>', text: 'tomorrow at 9:00' };
    expect(await channel.sendBatch([changed], key)).toEqual([{ outcome: 'duplicate', providerId: null }]);
    // The same payload again is a replay: Resend answers with the ids it gave the first time.
    const [first] = await channel.sendBatch([email], key);
    expect(first).toEqual({ outcome: 'sent', providerId: expect.any(String) });
    expect(await emailsTo(address)).toHaveLength(1);
  });
});

