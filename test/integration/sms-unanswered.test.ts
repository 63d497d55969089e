// An SMS whose Twilio call went unanswered is settled by Twilio's status callback instead of being texted twice.
import { env } from 'cloudflare:test';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, clearDatabase, envWith, rows, runTick } from '../support/worker-harness';

const AUTH_TOKEN = 'test_auth_token_unanswered_0123456789';
const BASE = 'http://localhost:8787';
const PHONE = '+14155550188';
const faulty = () => env.FAULTY_TWILIO_STAND_IN_URL!;
const twilioEnv = () =>
  envWith({
    TWILIO_ACCOUNT_SID: `AC${'7a'.repeat(16)}`,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_FROM: '+15005550006',
    TWILIO_BASE_URL: faulty(),
    TWILIO_RATE_LIMIT: '100',
    PUBLIC_URL: BASE,
  });

interface StandInSms {
  id: string;
  resource: { sid: string; body: string };
  status_callback: string | null;
}

async function faults(settings: Record<string, unknown>): Promise<void> {
  await fetch(`${faulty()}/__control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
}

async function textsTo(phone: string): Promise<StandInSms[]> {
  const body = (await (await fetch(`${faulty()}/__control/messages?to=${encodeURIComponent(phone)}`)).json()) as StandInSms[] | { messages: StandInSms[] };
  return Array.isArray(body) ? body : body.messages;
}

async function postStatusCallback(callbackUrl: string, params: Record<string, string>): Promise<Response> {
  const signature = getExpectedTwilioSignature(AUTH_TOKEN, callbackUrl, params);
  return call(callbackUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params),
  }, twilioEnv());
}

beforeEach(clearDatabase);
afterEach(() => faults({}));

describe('an SMS step whose answer never came back', () => {
  it('waits for the status callback, which marks it sent, so the step is never texted twice', async () => {
    const now = Date.parse('2026-08-03T12:00:00Z');
    await env.DB.prepare(
      `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, next_due_at, created_at, confirmed_at)
       VALUES ('unansweredsmsab', 'sms', ?1, 'active', 'UTC', 12, 1, 1, ?2, ?2, ?2)`,
    )
      .bind(PHONE, now)
      .run();
    await faults({ dropAfterAcceptRate: 1, seed: 3 });
    await runTick(now, twilioEnv());
    await faults({});
    const [pending] = await rows<{ status: string; last_error: string }>('SELECT status, last_error FROM deliveries WHERE day = 1');
    expect(pending!.status).toBe('retry');
    expect(pending!.last_error).toMatch(/no answer/);

    // Ticks before Twilio reports send nothing again.
    await runTick(now + 15 * 60_000, twilioEnv());
    const texts = await textsTo(PHONE);
    expect(texts).toHaveLength(1);
    const callbackUrl = texts[0]!.status_callback!;
    expect(callbackUrl).toBe(`${BASE}/webhooks/twilio/status?delivery=rt-unansweredsmsab-1-1`);

    const response = await postStatusCallback(callbackUrl, { MessageSid: texts[0]!.resource.sid, MessageStatus: 'sent', To: PHONE, AccountSid: `AC${'7a'.repeat(16)}` });
    expect(response.status).toBe(204);
    const [settled] = await rows<{ status: string; provider_id: string; sent_at: number }>('SELECT status, provider_id, sent_at FROM deliveries WHERE day = 1');
    expect(settled).toMatchObject({ status: 'sent', provider_id: texts[0]!.resource.sid, sent_at: now });
    const [subscriber] = await rows<{ next_day: number; next_due_at: number }>('SELECT next_day, next_due_at FROM subscribers');
    expect(subscriber!.next_day).toBe(2);
    expect(subscriber!.next_due_at).toBe(now + 24 * 3_600_000);

    for (let tick = now + 30 * 60_000; tick <= now + 3 * 3_600_000; tick += 15 * 60_000) await runTick(tick, twilioEnv());
    expect(await textsTo(PHONE)).toHaveLength(1);
  });

  it('ignores a forged callback', async () => {
    const response = await call(`${BASE}/webhooks/twilio/status?delivery=rt-unansweredsmsab-1-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJl' },
      body: new URLSearchParams({ MessageSid: 'SM' + '0'.repeat(32), MessageStatus: 'sent' }),
    }, twilioEnv());
    expect(response.status).toBe(403);
  });
});
