// The SMS course end to end through the real worker and D1: consent, YES, 30 daily texts, replies, STOP/START/HELP, Twilio.
import { buildServices } from '../../src/services';
import { env } from 'cloudflare:test';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import vectors from '../fixtures/specs/signature-test-vectors.json';
import { countSegments } from '../../src/messages/gsm7';
import { toLocal } from '../../src/schedule/local-time';
import { CONSENT_TEXTS } from '../../src/messages/consent-text';
import { call, clearDatabase, envWith, postJson, rows, runTick } from '../support/worker-harness';

const AUTH_TOKEN = 'test_auth_token_sms_course_0123456789';
const ACCOUNT_SID = `AC${'5e'.repeat(16)}`;
const TWILIO_NUMBER = '+15005550006';
const BASE = 'http://localhost:8787';
const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Outbox transport (no account SID), but webhooks can be verified. */
const smsEnv = envWith({ TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_URL: BASE });
/** Real Twilio transport, pointed at the local stand-in. */
const twilioEnv = envWith({
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  TWILIO_FROM: TWILIO_NUMBER,
  TWILIO_BASE_URL: env.TWILIO_STAND_IN_URL,
  // Pace has its own tests (send-pace.test.ts); here a high limit keeps the 30-day run quick.
  TWILIO_RATE_LIMIT: '100',
  PUBLIC_URL: BASE,
});

interface OutboxSms {
  id: number;
  text: string;
  from_address: string;
}

interface SubscriberRow {
  id: string;
  status: string;
  next_day: number;
  next_due_at: number | null;
  end_reason: string | null;
}

interface StandInSms {
  id: string;
  resource: { to: string; from: string; body: string; num_segments: string; status: string };
  params: Record<string, unknown>;
  status_callback: string | null;
  encoding: 'GSM-7' | 'UCS-2';
}

function newSid(prefix = 'SM'): string {
  return prefix + [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function firstQuarterAfter(instant: number): number {
  return Math.ceil(instant / QUARTER) * QUARTER;
}

async function outboxSms(phone: string): Promise<OutboxSms[]> {
  return rows<OutboxSms>("SELECT id, text, from_address FROM outbox WHERE channel = 'sms' AND to_address = ? ORDER BY id", phone);
}

async function subscriberFor(phone: string): Promise<SubscriberRow> {
  const [row] = await rows<SubscriberRow>("SELECT id, status, next_day, next_due_at, end_reason FROM subscribers WHERE channel = 'sms' AND address = ?", phone);
  if (!row) throw new Error(`no subscriber for ${phone}`);
  return row;
}

/** Twilio's form parameters for an inbound SMS. */
function inboundParams(from: string, body: string, sid: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ToCountry: 'US',
    ToState: 'CA',
    SmsMessageSid: sid,
    NumMedia: '0',
    ToCity: '',
    FromZip: '',
    SmsSid: sid,
    FromState: 'CA',
    SmsStatus: 'received',
    FromCity: '',
    Body: body,
    FromCountry: 'US',
    To: TWILIO_NUMBER,
    ToZip: '',
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: ACCOUNT_SID,
    From: from,
    ApiVersion: '2010-04-01',
    ...extra,
  };
}

/** POSTs a webhook signed by the official twilio package over PUBLIC_URL + path, or with the given signature. */
function postSigned(path: string, params: Record<string, string>, testEnv: Env, signature?: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const value = signature === undefined ? getExpectedTwilioSignature(AUTH_TOKEN, `${BASE}${path}`, params) : signature;
  if (value !== null) headers['x-twilio-signature'] = value;
  return call(path, { method: 'POST', headers, body: new URLSearchParams(params).toString() }, testEnv);
}

/** Texts `body` from `from` to our number; returns the TwiML answer. */
async function text(from: string, body: string, testEnv: Env = smsEnv, sid = newSid(), extra: Record<string, string> = {}): Promise<string> {
  const response = await postSigned('/webhooks/twilio/sms', inboundParams(from, body, sid, extra), testEnv);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
  return response.text();
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

function messageIn(twiml: string): string {
  const match = /<Response><Message>([\s\S]*)<\/Message><\/Response>$/.exec(twiml);
  if (!match) throw new Error(`no <Message> in ${twiml}`);
  return match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function signUpBySms(phone: Record<string, unknown>, testEnv: Env = smsEnv, extra: Record<string, unknown> = {}): Promise<Response> {
  return postJson('/api/subscribe', { channel: 'sms', timezone: 'America/Los_Angeles', sendHour: 9, consent: true, ...phone, ...extra }, testEnv, {
    'cf-connecting-ip': '198.51.100.7',
  });
}

/** Runs ticks every 15 minutes from `from` until `phone` has been sent step `day`; returns the tick that sent it. */
/**
 * Ticks from `from` until `day` was sent to `phone`; returns that tick. Ticks where nothing can be due for this one
 * subscriber are skipped: after each tick the next one is the quarter at or after their next due instant.
 */
async function tickUntilDaySent(phone: string, day: number, from: number, testEnv: Env = smsEnv): Promise<number> {
  const { id } = await subscriberFor(phone);
  for (let tick = from; tick < from + 3 * DAY; ) {
    await runTick(tick, testEnv);
    const [sent] = await rows("SELECT id FROM deliveries WHERE subscriber_id = ? AND day = ? AND status IN ('sent', 'delivered')", id, day);
    if (sent) return tick;
    const dueAt = (await subscriberFor(phone)).next_due_at;
    tick = Math.max(tick + QUARTER, dueAt === null ? 0 : firstQuarterAfter(dueAt));
  }
  throw new Error(`day ${day} was never sent to ${phone}`);
}

async function standInMessages(to: string): Promise<StandInSms[]> {
  const response = await fetch(`${env.TWILIO_STAND_IN_URL}/__control/messages?to=${encodeURIComponent(to)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as StandInSms[];
}

beforeEach(clearDatabase);

describe('SMS signup', () => {
  it('takes a national number with its country, records the consent, and sends one confirmation with every required phrase', async () => {
    const response = await signUpBySms({ phone: '(415) 555-0123', country: 'US' });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'pending' });
    expect(await subscriberFor('+14155550123')).toMatchObject({ status: 'pending', next_day: 0 });
    const consents = await rows<Record<string, unknown>>('SELECT channel, source_ip, text_version, method, consented_at FROM consents');
    expect(consents).toEqual([
      { channel: 'sms', source_ip: '198.51.100.7', text_version: CONSENT_TEXTS.sms.version, method: 'api', consented_at: expect.any(Number) },
    ]);
    const sent = await outboxSms('+14155550123');
    expect(sent).toHaveLength(1);
    for (const phrase of ['Rebuild Trust', '1 msg/day for 30 days', 'Msg & data rates may apply', 'Reply HELP for help, STOP to cancel', 'Reply YES to confirm']) {
      expect(sent[0]!.text).toContain(phrase);
    }
    expect(countSegments(sent[0]!.text)).toMatchObject({ encoding: 'GSM-7', segments: expect.any(Number) });
    expect(countSegments(sent[0]!.text).segments).toBeLessThanOrEqual(2);
    expect(await (await call('/dev/outbox')).text()).toContain('Texts to +14155550123');
  });

  it.each([
    [{ phone: '+14155550123', consent: false }, 'consent_required', 'consent'],
    [{ phone: '+14155550123', consent: undefined }, 'consent_required', 'consent'],
    [{ phone: '+14155550123', sendHour: 8 }, 'send_hour_not_allowed', 'sendHour'],
    [{ phone: '+14155550123', sendHour: 20 }, 'send_hour_not_allowed', 'sendHour'],
    [{ phone: '+33 6 12 34 56 78' }, 'country_not_allowed', 'phone'],
    [{ phone: '12' }, 'invalid_field', 'phone'],
  ])('refuses %j with 422 %s and sends nothing', async (fields, code, field) => {
    const response = await signUpBySms({}, smsEnv, fields);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code, message: expect.stringMatching(/\w{3,}/), field } });
    expect(await rows('SELECT id FROM subscribers')).toHaveLength(0);
    expect(await rows('SELECT id FROM outbox')).toHaveLength(0);
  });

  it('moves the default hour into the SMS window when none is given', async () => {
    const response = await signUpBySms({ phone: '+14155550123' }, envWith({ DEFAULT_SEND_HOUR: '7' }), { sendHour: undefined });
    expect(response.status).toBe(202);
    const [row] = await rows<{ send_hour: number }>('SELECT send_hour FROM subscribers');
    expect(row!.send_hour).toBe(9);
  });

  it('offers SMS on the landing page with the consent text and an unticked box', async () => {
    const html = await (await call('/')).text();
    expect(html).toMatch(/<input[^>]*value="sms"/);
    expect(html).toContain('Msg &amp; data rates may apply');
    const consentBox = /<input[^>]*name="consent"[^>]*>/.exec(html)?.[0] ?? '';
    expect(consentBox).toContain('type="checkbox"');
    expect(consentBox).not.toContain('checked');
  });
});

describe('the SMS course', () => {
  it('confirms by YES, welcomes at once, then sends Day 1..30 at the local send hour with /day/n links, then the completion', async () => {
    const phone = '+14155550123';
    await signUpBySms({ phone: '415 555 0123', country: 'US' });
    expect(await text(phone, 'yes')).toBe(EMPTY_TWIML);
    const subscriber = await subscriberFor(phone);
    expect(subscriber).toMatchObject({ status: 'active', next_day: 1 });
    const methods = await rows<{ method: string; text_version: string }>('SELECT method, text_version FROM consents ORDER BY id');
    expect(methods.map((row) => row.method)).toEqual(['api', 'sms-yes']);
    expect(methods[1]!.text_version).toBe(CONSENT_TEXTS.sms.version);
    const [, welcome] = await outboxSms(phone);
    expect(welcome!.text).toMatch(/confirmed/i);
    expect(welcome!.text).toContain('1-800-799-7233');
    expect(welcome!.text).toContain('STOP');

    // Each day: a tick a quarter before the step is due (it must send nothing), then the tick it is due on.
    for (let day = 1; day <= 31; day++) {
      const due = firstQuarterAfter((await subscriberFor(phone)).next_due_at!);
      await runTick(due - QUARTER, smsEnv);
      expect(await outboxSms(phone)).toHaveLength(day + 1);
      await runTick(due, smsEnv);
    }

    const sent = await outboxSms(phone);
    expect(sent).toHaveLength(33);
    const steps = sent.slice(2, 32);
    const table = ['day | segments | encoding | septets | STOP reminder'];
    for (const [index, step] of steps.entries()) {
      const day = index + 1;
      expect(step.text).toContain(`Day ${day}/30`);
      expect(step.text).toContain(`${BASE}/day/${day}`);
      const count = countSegments(step.text);
      expect(count.encoding).toBe('GSM-7');
      expect(count.segments).toBeLessThanOrEqual(2);
      table.push(`${day} | ${count.segments} | ${count.encoding} | ${count.units} | ${step.text.includes('Reply STOP') ? 'yes' : 'no'}`);
    }
    console.log(`Daily SMS as sent (outbox):\n${table.join('\n')}`);
    expect(sent[32]!.text).toMatch(/last of the 30 steps/);

    const deliveries = await rows<{ day: number; sent_at: number }>('SELECT day, sent_at FROM deliveries WHERE subscriber_id = ? ORDER BY day', subscriber.id);
    expect(deliveries.map((row) => row.day)).toEqual(Array.from({ length: 32 }, (_, day) => day));
    const stepTimes = deliveries.filter((row) => row.day >= 1 && row.day <= 30).map((row) => toLocal(row.sent_at, 'America/Los_Angeles'));
    expect(stepTimes.every((local) => local.hour === 9 && local.minute === 0)).toBe(true);
    expect(new Set(stepTimes.map((local) => `${local.year}-${local.month}-${local.day}`)).size).toBe(30);
    for (const row of deliveries.slice(1)) {
      const { hour } = toLocal(row.sent_at, 'America/Los_Angeles');
      expect(hour >= 9 && hour < 20).toBe(true);
    }
    expect((await subscriberFor(phone)).status).toBe('completed');
    for (let day = 1; day <= 30; day++) expect((await call(`/day/${day}`)).status).toBe(200);
  }, 60_000);

  it('holds a step that falls due after 20:00 local until 09:00 the next morning', async () => {
    const phone = '+12125551212';
    await signUpBySms({ phone }, smsEnv, { timezone: 'America/New_York', sendHour: 19 });
    await text(phone, 'YES');
    const { next_due_at: due } = await subscriberFor(phone);
    expect(toLocal(due!, 'America/New_York').hour).toBe(19);
    await runTick(due! + 2 * HOUR, smsEnv);
    expect(await outboxSms(phone)).toHaveLength(2);
    const held = (await subscriberFor(phone)).next_due_at!;
    expect(toLocal(held, 'America/New_York')).toMatchObject({ hour: 9, minute: 0 });
    for (let tick = firstQuarterAfter(due! + 2 * HOUR + 1); tick <= held; tick += QUARTER) await runTick(tick, smsEnv);
    const sent = await outboxSms(phone);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.text).toContain('Day 1/30');
    const [delivery] = await rows<{ sent_at: number }>('SELECT sent_at FROM deliveries WHERE day = 1');
    expect(toLocal(delivery!.sent_at, 'America/New_York').hour).toBe(9);
  }, 30_000);
});

describe('POST /webhooks/twilio/sms', () => {
  async function activeSubscriberAtDay(phone: string, day: number): Promise<{ id: string; tick: number }> {
    await signUpBySms({ phone });
    await text(phone, 'YES');
    let tick = firstQuarterAfter(Date.now());
    for (let step = 1; step <= day; step++) tick = (await tickUntilDaySent(phone, step, tick)) + QUARTER;
    return { id: (await subscriberFor(phone)).id, tick };
  }

  it('keeps a reply as the latest day’s reflection, once, even when Twilio delivers the webhook twice', async () => {
    const phone = '+14155552671';
    const { id } = await activeSubscriberAtDay(phone, 2);
    const sid = newSid();
    const thought = 'I noticed I wanted to explain myself instead of listening.';
    expect(await text(phone, thought, smsEnv, sid)).toBe(EMPTY_TWIML);
    expect(await text(phone, thought, smsEnv, sid)).toBe(EMPTY_TWIML);
    const kept = await rows<{ body: string }>('SELECT day, channel, body, source_id, flagged FROM reflections WHERE subscriber_id = ?', id);
    // Stored encrypted, like every reflection; the worker's own cipher reads it back.
    expect(kept[0]!.body).not.toContain('explain myself');
    const cipher = buildServices(smsEnv).reflectionCipher;
    const opened = await Promise.all(kept.map(async (row) => ({ ...row, body: await cipher.decrypt(row.body, 'body') })));
    expect(opened).toEqual([{ day: 2, channel: 'sms', body: thought, source_id: sid, flagged: 0 }]);
  });

  it('treats a retried or repeated YES as done: no second welcome, nothing kept as a reflection', async () => {
    const phone = '+14155552671';
    await signUpBySms({ phone });
    const sid = newSid();
    expect(await text(phone, 'YES', smsEnv, sid)).toBe(EMPTY_TWIML);
    expect(await text(phone, 'YES', smsEnv, sid)).toBe(EMPTY_TWIML);
    expect(await text(phone, 'yes')).toBe(EMPTY_TWIML);
    expect(await outboxSms(phone)).toHaveLength(2);
    expect(await rows('SELECT id FROM reflections')).toHaveLength(0);
    expect((await subscriberFor(phone)).status).toBe('active');
  });

  it('refuses a forged, missing or replayed-onto-other-content signature with 403 and stores nothing', async () => {
    const phone = '+14155552671';
    await activeSubscriberAtDay(phone, 1);
    const params = inboundParams(phone, 'A forged thought', newSid());
    const forged = await postSigned('/webhooks/twilio/sms', params, smsEnv, getExpectedTwilioSignature('not-our-token', `${BASE}/webhooks/twilio/sms`, params));
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: { code: 'invalid_signature', message: expect.any(String), field: null } });
    expect((await postSigned('/webhooks/twilio/sms', params, smsEnv, null)).status).toBe(403);
    const genuine = getExpectedTwilioSignature(AUTH_TOKEN, `${BASE}/webhooks/twilio/sms`, params);
    expect((await postSigned('/webhooks/twilio/sms', { ...params, Body: 'STOP' }, smsEnv, genuine)).status).toBe(403);
    const otherHost = getExpectedTwilioSignature(AUTH_TOKEN, 'https://elsewhere.example/webhooks/twilio/sms', params);
    expect((await postSigned('/webhooks/twilio/sms', params, smsEnv, otherHost)).status).toBe(403);
    expect(await rows('SELECT id FROM reflections')).toHaveLength(0);
    expect((await subscriberFor(phone)).status).toBe('active');
  });

  it('checks the signature against PUBLIC_URL + path, as in the stored signature vector', async () => {
    const vector = vectors.twilio_inbound_sms_example;
    const deliverVector = (publicUrl: string) =>
      call(
        '/webhooks/twilio/sms',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': vector['expected_X-Twilio-Signature'] },
          body: new URLSearchParams(vector.params).toString(),
        },
        envWith({ TWILIO_AUTH_TOKEN: vector.auth_token, PUBLIC_URL: publicUrl, TOKEN_SECRET: 'a-test-token-secret-of-32-characters-or-more' }),
      );
    const signedFor = await deliverVector('http://127.0.0.1:8787');
    expect(signedFor.status).toBe(200);
    expect(await signedFor.text()).toBe(EMPTY_TWIML);
    expect((await deliverVector('https://rebuild.example')).status).toBe(403);
  });

  it('answers 503 with the error shape when no Twilio auth token is configured', async () => {
    const response = await postSigned('/webhooks/twilio/sms', inboundParams('+14155552671', 'hello', newSid()), envWith({ TWILIO_AUTH_TOKEN: '' }));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: { code: 'not_configured', message: expect.any(String), field: null } });
  });

  it('answers a reflection that speaks of danger with the support line once, and flags it', async () => {
    const phone = '+14155552671';
    const { id } = await activeSubscriberAtDay(phone, 1);
    const first = messageIn(await text(phone, 'He hit me last night and I am scared to go home.'));
    expect(first).toContain('1-800-799-7233');
    expect(countSegments(first).segments).toBeLessThanOrEqual(2);
    expect(await text(phone, 'I am still not safe here.')).toBe(EMPTY_TWIML);
    const flagged = await rows<{ flagged: number }>('SELECT flagged FROM reflections WHERE subscriber_id = ? ORDER BY id', id);
    expect(flagged.map((row) => row.flagged)).toEqual([1, 1]);
  });

  it('stops at once on STOP with no reply of ours, resumes on START with the next day, and answers HELP', async () => {
    const phone = '+14155552671';
    const { id, tick } = await activeSubscriberAtDay(phone, 2);
    const help = messageIn(await text(phone, 'help'));
    expect(help).toContain('1 msg/day');
    expect(help).toContain('STOP');
    expect(help).toContain(`${BASE}/journal/`);

    expect(await text(phone, 'Stop.')).toBe(EMPTY_TWIML);
    expect(await subscriberFor(phone)).toMatchObject({ status: 'unsubscribed', end_reason: 'sms STOP', next_due_at: null });
    expect(await text(phone, 'STOP')).toBe(EMPTY_TWIML);
    const before = (await outboxSms(phone)).length;
    for (let t = tick; t < tick + 3 * DAY; t += QUARTER) await runTick(t, smsEnv);
    expect(await outboxSms(phone)).toHaveLength(before);

    const resumed = messageIn(await text(phone, 'start'));
    expect(resumed).toMatch(/Welcome back/);
    expect(resumed).toContain('Day 3');
    expect(await subscriberFor(phone)).toMatchObject({ status: 'active', next_day: 3, end_reason: null });
    expect((await rows<{ method: string }>('SELECT method FROM consents WHERE subscriber_id = ? ORDER BY id', id)).map((row) => row.method)).toEqual([
      'api',
      'sms-yes',
      'sms-start',
    ]);
    expect(await text(phone, 'START')).toBe(EMPTY_TWIML);
    const resumedAt = (await subscriberFor(phone)).next_due_at!;
    await tickUntilDaySent(phone, 3, firstQuarterAfter(resumedAt - HOUR));
    const sent = await outboxSms(phone);
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)!.text).toContain('Day 3/30');
    const days = await rows<{ day: number }>('SELECT day FROM deliveries WHERE subscriber_id = ? ORDER BY day', id);
    expect(days.map((row) => row.day)).toEqual([0, 1, 2, 3]);

    expect(await text(phone, 'Please stop texting me')).toBe(EMPTY_TWIML);
    expect(await subscriberFor(phone)).toMatchObject({ status: 'unsubscribed', end_reason: 'sms: asked to stop' });
  }, 30_000);

  it('reminds a pending signup to reply YES, and answers an unknown number with an empty response and stores nothing', async () => {
    await signUpBySms({ phone: '+14155552671' });
    const reminder = messageIn(await text('+14155552671', 'ok'));
    expect(reminder).toContain('Reply YES to confirm');
    expect(messageIn(await text('+14155552671', 'INFO'))).not.toContain('/journal/');
    expect((await subscriberFor('+14155552671')).status).toBe('pending');
    expect(await text('+13125550199', 'who is this?')).toBe(EMPTY_TWIML);
    expect(messageIn(await text('+13125550199', 'HELP'))).toContain('1 msg/day');
    expect(await rows('SELECT id FROM reflections')).toHaveLength(0);
    expect(await rows("SELECT id FROM subscribers WHERE address = '+13125550199'")).toHaveLength(0);
  });

  it('lets someone who sent STOP before confirming start with START: confirmed, welcomed at once', async () => {
    const phone = '+14155552671';
    await signUpBySms({ phone });
    expect(await text(phone, 'cancel')).toBe(EMPTY_TWIML);
    expect((await subscriberFor(phone)).status).toBe('unsubscribed');
    expect(await text(phone, 'Unstop')).toBe(EMPTY_TWIML);
    expect(await subscriberFor(phone)).toMatchObject({ status: 'active', next_day: 1 });
    const [row] = await rows<{ confirmed_at: number | null }>('SELECT confirmed_at FROM subscribers');
    expect(row!.confirmed_at).toEqual(expect.any(Number));
    const sent = await outboxSms(phone);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.text).toMatch(/confirmed/i);
  });

  it("follows Twilio's OptOutType for a keyword Twilio matched itself", async () => {
    const phone = '+14155552671';
    await activeSubscriberAtDay(phone, 1);
    expect(await text(phone, 'ARRET', smsEnv, newSid(), { OptOutType: 'STOP' })).toBe(EMPTY_TWIML);
    expect((await subscriberFor(phone)).status).toBe('unsubscribed');
  });
});

describe('through Twilio (the local stand-in)', () => {
  async function statusCallback(params: Record<string, string>, signature?: string | null): Promise<Response> {
    return postSigned('/webhooks/twilio/status', { AccountSid: ACCOUNT_SID, From: TWILIO_NUMBER, ApiVersion: '2010-04-01', SmsStatus: params.MessageStatus!, ...params }, twilioEnv, signature);
  }

  it('sends the confirmation, welcome and steps as valid Twilio requests with a StatusCallback, and records delivery status', async () => {
    const phone = '+16505550178';
    const earlier = (await standInMessages(phone)).length;
    expect((await signUpBySms({ phone }, twilioEnv)).status).toBe(202);
    expect(await text(phone, 'YES', twilioEnv)).toBe(EMPTY_TWIML);
    const tick = await tickUntilDaySent(phone, 1, firstQuarterAfter(Date.now()), twilioEnv);
    await tickUntilDaySent(phone, 2, tick + QUARTER, twilioEnv);

    const messages = (await standInMessages(phone)).slice(earlier);
    expect(messages.map((message) => message.resource.body)).toEqual([
      expect.stringContaining('Reply YES to confirm'),
      expect.stringMatching(/confirmed/i),
      expect.stringContaining(`${BASE}/day/1`),
      expect.stringContaining(`${BASE}/day/2`),
    ]);
    for (const message of messages) {
      expect(message.params).toMatchObject({ To: phone, From: TWILIO_NUMBER });
      // The callback names the send, so Twilio's report can settle a send whose answer was lost.
      expect(message.status_callback).toMatch(new RegExp(`^${BASE}/webhooks/twilio/status\\?delivery=rt-[a-z0-9-]+$`));
      expect(message.params.StatusCallback).toBe(message.status_callback);
      expect(message.encoding).toBe('GSM-7');
    }
    expect(Number(messages[2]!.resource.num_segments)).toBeLessThanOrEqual(2);
    expect(await outboxSms(phone)).toHaveLength(0);

    const { id } = await subscriberFor(phone);
    const deliveries = await rows<{ day: number; provider_id: string; status: string }>(
      'SELECT day, provider_id, status FROM deliveries WHERE subscriber_id = ? ORDER BY day',
      id,
    );
    expect(deliveries.map((row) => row.provider_id)).toEqual(messages.slice(1).map((message) => message.id));

    const day1 = deliveries[1]!.provider_id;
    const forged = await statusCallback({ MessageSid: day1, MessageStatus: 'undelivered', ErrorCode: '30005', To: phone }, 'bm90IGEgc2lnbmF0dXJl');
    expect(forged.status).toBe(403);
    expect((await statusCallback({ MessageSid: day1, MessageStatus: 'sent', To: phone })).status).toBe(204);
    expect((await statusCallback({ MessageSid: day1, MessageStatus: 'delivered', To: phone })).status).toBe(204);
    expect((await statusCallback({ MessageSid: day1, MessageStatus: 'delivered', To: phone })).status).toBe(204);
    const [day1Row] = await rows<{ status: string }>('SELECT status FROM deliveries WHERE provider_id = ?', day1);
    expect(day1Row!.status).toBe('delivered');
    expect((await subscriberFor(phone)).status).toBe('active');

    const day2 = deliveries[2]!.provider_id;
    expect((await statusCallback({ MessageSid: day2, MessageStatus: 'undelivered', ErrorCode: '30005', To: phone })).status).toBe(204);
    const [day2Row] = await rows<{ status: string; last_error: string }>('SELECT status, last_error FROM deliveries WHERE provider_id = ?', day2);
    expect(day2Row).toEqual({ status: 'failed', last_error: expect.stringContaining('30005') });
    expect(await subscriberFor(phone)).toMatchObject({ status: 'suppressed', end_reason: expect.stringContaining('30005') });
    const afterSuppression = (await standInMessages(phone)).length;
    for (let t = tick; t < tick + 3 * DAY; t += QUARTER) await runTick(t, twilioEnv);
    expect(await standInMessages(phone)).toHaveLength(afterSuppression);
  }, 30_000);

  it('records a temporary failure without suppressing the number', async () => {
    const phone = '+16505550179';
    await signUpBySms({ phone }, twilioEnv);
    await text(phone, 'YES', twilioEnv);
    const { id } = await subscriberFor(phone);
    const [welcome] = await rows<{ provider_id: string }>('SELECT provider_id FROM deliveries WHERE subscriber_id = ? AND day = 0', id);
    expect((await statusCallback({ MessageSid: welcome!.provider_id, MessageStatus: 'undelivered', ErrorCode: '30008', To: phone })).status).toBe(204);
    expect(await rows('SELECT status, last_error FROM deliveries WHERE subscriber_id = ?', id)).toEqual([{ status: 'failed', last_error: 'twilio 30008 undelivered' }]);
    expect((await subscriberFor(phone)).status).toBe('active');
  });

  it("refuses Twilio's magic test numbers (the +1 500 personal-number range) before any provider call", async () => {
    for (const phone of ['+15005550004', '+15005550001']) {
      const response = await signUpBySms({ phone }, twilioEnv);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: 'number_not_allowed', field: 'phone' } });
      expect(await standInMessages(phone)).toHaveLength(0);
    }
    expect(await rows('SELECT id FROM subscribers WHERE address LIKE ?', '+1500%')).toHaveLength(0);
  });
});

describe('one number, two courses', () => {
  it('confirms the second course with YES while the first runs on, and STOP ends both', async () => {
    const phone = '+14155550177';
    expect((await signUpBySms({ phone })).status).toBe(202);
    await text(phone, 'YES');
    expect((await signUpBySms({ phone }, smsEnv, { course: 'daily-check-ins' })).status).toBe(202);
    const confirmations = (await outboxSms(phone)).filter((sms) => sms.text.includes('Reply YES'));
    expect(confirmations.at(-1)!.text).toContain('A week of small daily check-ins, 1 msg/day for 7 days');

    await text(phone, 'YES');
    const courses = () => rows<{ course_id: string; status: string }>("SELECT course_id, status FROM subscribers WHERE address = ? ORDER BY course_id", phone);
    expect(await courses()).toEqual([
      { course_id: 'daily-check-ins', status: 'active' },
      { course_id: 'rebuild-trust', status: 'active' },
    ]);

    expect(await text(phone, 'STOP')).toBe(EMPTY_TWIML);
    expect((await courses()).map((row) => row.status)).toEqual(['unsubscribed', 'unsubscribed']);
  });
});
