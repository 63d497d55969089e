// The daily send at the providers' real pace: a fleet due at one hour goes out on its tick, under Resend's and Twilio's limits, once.
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextSendAt } from '../../src/schedule/due';
import { toLocal } from '../../src/schedule/local-time';
import { clearDatabase, envWith, rows, runTickReporting } from '../support/worker-harness';

interface Stats {
  total: number;
  accepted: number;
  rateLimited: number;
}

const resendUrl = () => env.PACED_RESEND_STAND_IN_URL!;
const twilioUrl = () => env.PACED_TWILIO_STAND_IN_URL!;

async function control(base: string, path: string, body?: unknown): Promise<unknown> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${base}/__control/${path}`, init)).json();
}

/** Seeds `count` active subscribers of `channel` whose Day 3 is due at `due`. */
async function seedFleet(channel: 'email' | 'sms', count: number, due: number, timezone: string, sendHour: number): Promise<string[]> {
  const people = Array.from({ length: count }, (_, index) => ({
    id: `pace${channel}${String(index).padStart(6, '0')}`,
    address: channel === 'email' ? `pace${index}@example.com` : `+1202555${String(1000 + index).padStart(4, '0')}`,
  }));
  await env.DB.prepare(
    `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, next_due_at, last_day_sent, last_sent_at, created_at, confirmed_at)
     SELECT json_extract(value, '$.id'), ?2, json_extract(value, '$.address'), 'active', ?3, ?4, 1, 3, ?5, 2, ?6, ?6, ?6
     FROM json_each(?1)`,
  )
    .bind(JSON.stringify(people), channel, timezone, sendHour, due, due - 86_400_000)
    .run();
  return people.map((person) => person.address);
}

beforeEach(async () => {
  await clearDatabase();
  await Promise.all([control(resendUrl(), 'reset', {}), control(twilioUrl(), 'reset', {})]);
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

describe('sending at the providers’ pace', () => {
  it('delivers 800 emails due at one hour on their tick at 2 requests/s, within the floor plus a small constant, once each, without 429s', async () => {
    await control(resendUrl(), 'rate-limit', { perSecond: 2 });
    const due = Date.parse('2026-06-03T12:00:00Z');
    const addresses = await seedFleet('email', 800, due, 'UTC', 12);
    const paced = envWith({ RESEND_API_KEY: 're_pace', RESEND_BASE_URL: resendUrl(), RESEND_RATE_LIMIT: '2' });

    const started = Date.now();
    const run = await runTickReporting(due, paced, { requeue: true });
    const seconds = (Date.now() - started) / 1000;

    const stats = (await control(resendUrl(), 'stats')) as Stats;
    const emails = (await control(resendUrl(), 'messages?content=false')) as { to: string[] }[];
    expect(emails.map((email) => email.to[0]).sort()).toEqual([...addresses].sort());
    expect(stats.rateLimited).toBe(0);
    expect(stats.accepted).toBe(8);
    // 8 calls at 2 per second: the floor is 4 s (the first call goes at once, so 3.5 s of spacing).
    expect(seconds).toBeGreaterThan(3.4);
    expect(seconds).toBeLessThan(4 * 1.1 + 2);
    const sent = await rows<{ n: number }>("SELECT count(*) AS n FROM deliveries WHERE day = 3 AND status = 'sent'");
    expect(sent[0]!.n).toBe(800);
    // One queue message is one invocation's work: 400 emails, four calls.
    expect(run.handled).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('retries a 429 that still happens through the queue, honouring Retry-After, with the same payload: each email once', async () => {
    // The operator set twice the rate the Resend team allows: the stand-in refuses, the queue brings the groups back.
    await control(resendUrl(), 'rate-limit', { perSecond: 2 });
    const due = Date.parse('2026-06-03T12:00:00Z');
    const addresses = await seedFleet('email', 600, due, 'UTC', 12);
    const tooFast = envWith({ RESEND_API_KEY: 're_pace', RESEND_BASE_URL: resendUrl(), RESEND_RATE_LIMIT: '8' });

    const run = await runTickReporting(due, tooFast, { requeue: true });

    const stats = (await control(resendUrl(), 'stats')) as Stats;
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(run.retried).toBeGreaterThan(0);
    const emails = (await control(resendUrl(), 'messages?content=false')) as { to: string[] }[];
    expect(emails.map((email) => email.to[0]).sort()).toEqual([...addresses].sort());
    const states = await rows<{ status: string; n: number }>('SELECT status, count(*) AS n FROM deliveries WHERE day = 3 GROUP BY status');
    expect(states).toEqual([{ status: 'sent', n: 600 }]);
    const next = await rows<{ next_day: number }>('SELECT DISTINCT next_day FROM subscribers');
    expect(next).toEqual([{ next_day: 4 }]);
  }, 60_000);

  it('paces SMS, and an SMS backlog that cannot leave before 20:00 local waits for 09:00 the next day', async () => {
    await control(twilioUrl(), 'rate-limit', { perSecond: 2 });
    // 19:59:57 in New York: at 2 SMS/s, a few go before 20:00; the rest wait for the next window.
    const due = Date.parse('2026-06-03T23:59:57Z');
    await seedFleet('sms', 20, due, 'America/New_York', 19);
    const paced = envWith({
      TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000042',
      TWILIO_AUTH_TOKEN: 'pace-token',
      TWILIO_FROM: '+12025550100',
      TWILIO_BASE_URL: twilioUrl(),
      TWILIO_RATE_LIMIT: '2',
    });

    await runTickReporting(due, paced, { requeue: true });

    const stats = (await control(twilioUrl(), 'stats')) as Stats;
    expect(stats.rateLimited).toBe(0);
    const sent = await rows<{ n: number; last: number }>("SELECT count(*) AS n, max(sent_at) AS last FROM deliveries WHERE status = 'sent'");
    expect(sent[0]!.n).toBeGreaterThan(0);
    expect(sent[0]!.n).toBeLessThan(20);
    expect(toLocal(sent[0]!.last, 'America/New_York').hour).toBe(19);
    expect(stats.accepted).toBe(sent[0]!.n);
    const waiting = await rows<{ next_due_at: number }>('SELECT next_due_at FROM subscribers WHERE next_day = 3');
    expect(waiting).toHaveLength(20 - sent[0]!.n);
    const nine = nextSendAt({ timezone: 'America/New_York', sendHour: 9, lastStepSentAt: null }, due);
    expect(waiting.every((row) => row.next_due_at === nine)).toBe(true);
  }, 60_000);
});
