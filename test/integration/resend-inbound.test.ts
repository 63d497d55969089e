// Replies to daily emails become reflections through POST /webhooks/resend and the email() handler; forged or stale events change nothing.
/// <reference types="vite/client" />
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { readConfig } from '../../src/config';
import { keepReflection } from '../../src/inbound/reflections/keep-reflection';
import { EXTRACTOR_VERSION } from '../../src/inbound/email/strip-reply';
import { createReflectionCipher } from '../../src/security/reflection-cipher';
import { signToken } from '../../src/security/tokens';
import { buildServices } from '../../src/services';
import { SUPPORT_LINE_SUBJECT } from '../../src/messages/email';
import { verifyResendWebhook } from '../../src/inbound/webhooks/resend-signature';
import vectors from '../fixtures/specs/signature-test-vectors.json';
import appleMailText from '../fixtures/replies/apple-mail.txt?raw';
import gmailReplyEml from '../fixtures/replies/gmail-reply.eml?raw';
import gmailHtml from '../fixtures/replies/gmail.html?raw';
import gmailText from '../fixtures/replies/gmail.txt?raw';
import outlookText from '../fixtures/replies/outlook.txt?raw';
import { call, envWith, postJson, rows, runTick } from '../support/worker-harness';

interface StandInEmail {
  id: string;
  to: string[];
  reply_to: string[];
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
}

interface ReflectionRow {
  day: number;
  body: string;
  channel: string;
  flagged: number;
  source_id: string;
}

const SECRET = `whsec_${btoa('rebuild-trust-inbound-test-secret!')}`;
const standIn = () => env.RESEND_STAND_IN_URL!;
const inboundEnv = (overrides: Partial<Env> = {}) =>
  envWith({ RESEND_API_KEY: 're_test_inbound', RESEND_BASE_URL: standIn(), RESEND_WEBHOOK_SECRET: SECRET, EMAIL_REPLY_TO: 'reflections@in.example.com', ...overrides });

const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.org`;

async function sentTo(address: string): Promise<StandInEmail[]> {
  const response = await fetch(`${standIn()}/__control/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as StandInEmail[];
}

/** Signs up through the real routes, confirms by the emailed link, and returns the addresses the welcome carries. */
async function signUpAndConfirm(address: string) {
  expect((await postJson('/api/subscribe', { email: address, timezone: 'Europe/Lisbon', sendHour: 8 }, inboundEnv())).status).toBe(202);
  const [confirmation] = await sentTo(address);
  const confirmPath = /\/confirm\?token=[a-z2-7.]+/.exec(confirmation!.text ?? '')![0];
  expect((await call(confirmPath, {}, inboundEnv())).status).toBe(200);
  const welcome = (await sentTo(address)).find((email) => /welcome/i.test(email.subject))!;
  const [subscriber] = await rows<{ id: string }>('SELECT id FROM subscribers WHERE address = ?', address);
  const mailto = /<mailto:([^?>]+)\?subject=unsubscribe>/.exec(welcome.headers!['List-Unsubscribe']!)![1]!;
  return { id: subscriber!.id, replyTo: welcome.reply_to[0]!, unsubscribeAddress: mailto };
}

/** Runs the daily ticks until `day` has been sent to this subscriber. */
async function advanceTo(subscriberId: string, day: number): Promise<void> {
  for (;;) {
    const [row] = await rows<{ last_day_sent: number; next_due_at: number }>('SELECT last_day_sent, next_due_at FROM subscribers WHERE id = ?', subscriberId);
    if (row!.last_day_sent >= day) return;
    await runTick(row!.next_due_at, inboundEnv());
  }
}

async function subscriberRow(id: string) {
  const [row] = await rows<{ status: string; end_reason: string | null }>('SELECT status, end_reason FROM subscribers WHERE id = ?', id);
  return row!;
}

/** The subscriber's reflections as stored, bodies decrypted with the worker's own cipher. */
async function reflectionsOf(subscriberId: string): Promise<ReflectionRow[]> {
  const cipher = buildServices(inboundEnv()).reflectionCipher;
  const stored = await rows<ReflectionRow>('SELECT day, body, channel, flagged, source_id FROM reflections WHERE subscriber_id = ? ORDER BY id', subscriberId);
  return Promise.all(stored.map(async (row) => ({ ...row, body: await cipher.decrypt(row.body, 'body') })));
}

/** Registers a received email with the Resend stand-in, as Resend stores it when mail arrives; returns its email_id. */
async function registerInbound(email: { from: string; to: string[]; subject: string; text?: string; html?: string; headers?: Record<string, string> }): Promise<string> {
  const response = await fetch(`${standIn()}/__control/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(email) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The email.received event Resend posts: metadata only, no body. */
function receivedEvent(emailId: string, email: { from: string; to: string[]; subject: string }): string {
  const at = new Date().toISOString();
  return JSON.stringify({
    type: 'email.received',
    created_at: at,
    data: { email_id: emailId, created_at: at, from: email.from, to: email.to, bcc: [], cc: [], message_id: `<${emailId}@mail.example>`, subject: email.subject, attachments: [] },
  });
}

function emailEvent(type: string, data: Record<string, unknown>): string {
  const at = new Date().toISOString();
  return JSON.stringify({ type, created_at: at, data: { created_at: at, from: 'Rebuild Trust <course@example.com>', subject: 'Day 1 of 30', ...data } });
}

/** Svix headers for `body`, signed with the standardwebhooks reference library. */
function signed(body: string, options: { secret?: string; id?: string; at?: Date } = {}): Record<string, string> {
  const id = options.id ?? `msg_${crypto.randomUUID().replaceAll('-', '')}`;
  const at = options.at ?? new Date();
  return {
    'content-type': 'application/json',
    'svix-id': id,
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': new Webhook(options.secret ?? SECRET).sign(id, at, body),
  };
}

function postWebhook(body: string, headers: Record<string, string>, testEnv: Env = inboundEnv()): Promise<Response> {
  return call('/webhooks/resend', { method: 'POST', headers, body }, testEnv);
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** Registers a reply with the stand-in and delivers its signed email.received webhook. */
async function replyThroughResend(email: { from: string; to: string[]; subject: string; text?: string; html?: string; headers?: Record<string, string> }) {
  const emailId = await registerInbound(email);
  const body = receivedEvent(emailId, email);
  const response = await postWebhook(body, signed(body));
  return { emailId, body, response };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Resend webhook signatures', () => {
  const vector = vectors.svix_standardwebhooks;
  const example = vectors.resend_email_received_example;

  it('verifies the Standard Webhooks test vector at its own time, and not 5 minutes and 1 second later', () => {
    const at = Number(vector.timestamp) * 1000;
    expect(new Webhook(vector.secret).sign(vector.msg_id, new Date(at), vector.payload)).toBe(vector.expected_signature_header);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
    const headers = { id: vector.msg_id, timestamp: vector.timestamp, signature: vector.expected_signature_header };
    expect(verifyResendWebhook(vector.secret, vector.payload, headers)).toEqual({ outcome: 'verified', event: { test: 2432232314 } });
    vi.setSystemTime(at + 301_000);
    expect(verifyResendWebhook(vector.secret, vector.payload, headers)).toMatchObject({ outcome: 'invalid_signature' });
    vi.setSystemTime(at - 301_000);
    expect(verifyResendWebhook(vector.secret, vector.payload, headers)).toMatchObject({ outcome: 'invalid_signature' });
  });

  it('accepts the signed Resend email.received example through the route at its own time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Number(example['svix-timestamp']) * 1000 + 60_000);
    const headers = { 'svix-id': example['svix-id'], 'svix-timestamp': example['svix-timestamp'], 'svix-signature': example['svix-signature'] };
    const response = await postWebhook(example.body, headers, inboundEnv({ RESEND_WEBHOOK_SECRET: vector.secret }));
    expect(response.status).toBe(200);
    // The example's email was never received by the stand-in, so there is nothing to keep.
    expect(await response.json()).toEqual({ received: true, type: 'email.received', outcome: 'email_not_found' });
  });

  it('answers 503 not_configured when RESEND_WEBHOOK_SECRET is not set', async () => {
    const body = emailEvent('email.delivered', { email_id: crypto.randomUUID(), to: ['a@example.org'] });
    const response = await postWebhook(body, signed(body), inboundEnv({ RESEND_WEBHOOK_SECRET: undefined }));
    expect(response.status).toBe(503);
    expect(await errorCode(response)).toBe('not_configured');
  });

  it('refuses forged, altered, unsigned and stale events with 403 and changes nothing', async () => {
    const address = unique('forged');
    const subscriber = await signUpAndConfirm(address);
    const reply = { from: address, to: [subscriber.replyTo], subject: 'Re: Welcome', text: 'Forged words.' };
    const emailId = await registerInbound(reply);
    const received = receivedEvent(emailId, reply);
    const bounce = emailEvent('email.bounced', { email_id: crypto.randomUUID(), to: [address], bounce: { type: 'Permanent', subType: 'General', message: 'no such user' } });
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const attempts: Array<[string, string, Record<string, string>]> = [
      ['wrong secret', received, signed(received, { secret: `whsec_${btoa('someone-else-entirely-0123456789')}` })],
      ['altered body', received.replace('Re: Welcome', 'Re: Welcome!'), signed(received)],
      ['no signature', received, { ...signed(received), 'svix-signature': '' }],
      ['unknown scheme', received, { ...signed(received), 'svix-signature': signed(received)['svix-signature']!.replace('v1,', 'v2,') }],
      ['stale', received, signed(received, { at: sixMinutesAgo })],
      ['from the future', received, signed(received, { at: new Date(Date.now() + 6 * 60_000) })],
      ['forged bounce', bounce, signed(bounce, { secret: `whsec_${btoa('someone-else-entirely-0123456789')}` })],
      ['stale bounce', bounce, signed(bounce, { at: sixMinutesAgo })],
    ];
    for (const [name, body, headers] of attempts) {
      const response = await postWebhook(body, headers);
      expect(response.status, name).toBe(403);
      expect(await errorCode(response), name).toBe('invalid_signature');
    }
    expect(await reflectionsOf(subscriber.id)).toEqual([]);
    expect(await subscriberRow(subscriber.id)).toEqual({ status: 'active', end_reason: null });
  });

  it('answers 400 for a validly signed body that is not JSON or not an event', async () => {
    const notJson = '{"type":"email.received",';
    const response = await postWebhook(notJson, signed(notJson));
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('invalid_json');
    const noEmailId = JSON.stringify({ type: 'email.received', data: {} });
    expect((await postWebhook(noEmailId, signed(noEmailId))).status).toBe(400);
  });

  it('answers 2xx to event types it does not know, with a log line', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const body = JSON.stringify({ type: 'domain.updated', created_at: new Date().toISOString(), data: { id: 'd_1' } });
    const response = await postWebhook(body, signed(body), inboundEnv({ LOG_LEVEL: 'info' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, type: 'domain.updated', outcome: 'unknown_type' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"resend_webhook_unknown_type"'));
  });
});

describe('POST /webhooks/resend email.received', () => {
  it.each([
    ['Gmail', { text: gmailText, html: gmailHtml }, "I tried the apology from today's step with Sam last night. I named the\nexact thing I did instead of saying \"sorry for everything\".\n\nIt was harder than I expected, but we talked for an hour without raising\nour voices."],
    ['Outlook', { text: outlookText }, "Today I noticed how often I reach for his phone when I feel unsure.\nI didn't do it this time. I told him I felt unsure instead."],
    ['Apple Mail', { text: appleMailText }, 'We did the walk together. No phones.\nI felt him relax halfway round the park.'],
    ['Gmail, HTML only', { html: gmailHtml }, "We finally had the conversation about money. I listened first & didn't interrupt.\n\nIt\u2019s a start."],
  ])('keeps a %s reply, clean, in the journal under the latest step sent', async (_client, content, expected) => {
    const address = unique('reply');
    const subscriber = await signUpAndConfirm(address);
    await advanceTo(subscriber.id, 2);
    const { emailId, response } = await replyThroughResend({ from: `Someone <${address}>`, to: [subscriber.replyTo], subject: 'Re: Welcome to 30 steps to regain trust', ...content });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, type: 'email.received', outcome: 'stored' });
    expect(await reflectionsOf(subscriber.id)).toEqual([{ day: 2, body: expected, channel: 'email', flagged: 0, source_id: emailId }]);
    const journal = await rows<{ n: number }>('SELECT count(*) AS n FROM reflections WHERE body LIKE ?', '%wrote:%');
    expect(journal[0]!.n).toBe(0);
  });

  it('stores a webhook delivered twice, or re-sent with a new svix-id, once', async () => {
    const address = unique('replay');
    const subscriber = await signUpAndConfirm(address);
    const reply = { from: address, to: [subscriber.replyTo], subject: 'Re: Welcome', text: 'Only once, please.' };
    const { body, response } = await replyThroughResend(reply);
    expect(response.status).toBe(200);
    const headers = signed(body);
    const again = await postWebhook(body, headers);
    const replayed = await postWebhook(body, headers);
    const resent = await postWebhook(body, signed(body));
    for (const answer of [again, replayed, resent]) expect(await answer.json()).toEqual({ received: true, type: 'email.received', outcome: 'duplicate' });
    expect(await reflectionsOf(subscriber.id)).toHaveLength(1);
  });

  it('files a reply under the day its subject names when that step was sent', async () => {
    const address = unique('earlier');
    const subscriber = await signUpAndConfirm(address);
    await advanceTo(subscriber.id, 3);
    await replyThroughResend({ from: address, to: [subscriber.replyTo], subject: 'Re: Day 1 of 30: Acknowledge that trust was broken', text: 'Catching up on day one.' });
    await replyThroughResend({ from: address, to: [subscriber.replyTo], subject: 'RE: Day 9 of 30: not sent yet', text: 'A subject from the future.' });
    expect((await reflectionsOf(subscriber.id)).map(({ day, body }) => ({ day, body }))).toEqual([
      { day: 1, body: 'Catching up on day one.' },
      { day: 3, body: 'A subject from the future.' },
    ]);
  });

  it('reads the token whatever case a mail system gave the address, and never matches by From while EMAIL_REPLY_TO is set', async () => {
    const address = unique('case');
    const subscriber = await signUpAndConfirm(address);
    await replyThroughResend({ from: address, to: [subscriber.replyTo.toUpperCase()], subject: 'Re: Welcome', text: 'Shouted address.' });
    const { response: plain } = await replyThroughResend({ from: `Me <${address.toUpperCase()}>`, to: ['reflections@in.example.com'], subject: 'Hello', text: 'Written to the plain address.' });
    expect(await plain.json()).toMatchObject({ outcome: 'unmatched' });
    const { response } = await replyThroughResend({ from: unique('stranger'), to: ['reflections@in.example.com'], subject: 'Hi', text: 'Who am I?' });
    expect(await response.json()).toMatchObject({ outcome: 'unmatched' });
    const pending = unique('pending');
    await postJson('/api/subscribe', { email: pending }, inboundEnv());
    const { response: early } = await replyThroughResend({ from: pending, to: ['reflections@in.example.com'], subject: 'Re: Please confirm', text: 'Yes, please.' });
    expect(await early.json()).toMatchObject({ outcome: 'unmatched' });
    expect((await reflectionsOf(subscriber.id)).map((reflection) => reflection.body)).toEqual(['Shouted address.']);
  });

  it('unsubscribes a message to the List-Unsubscribe mailto address and never keeps automatic replies', async () => {
    const address = unique('mailto');
    const subscriber = await signUpAndConfirm(address);
    const { response: ooo } = await replyThroughResend({
      from: address,
      to: [subscriber.replyTo],
      subject: 'Automatic reply: Welcome',
      text: 'I am out of the office until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(await ooo.json()).toMatchObject({ outcome: 'automatic' });
    const { response } = await replyThroughResend({ from: address, to: [subscriber.unsubscribeAddress], subject: 'unsubscribe', text: '' });
    expect(await response.json()).toMatchObject({ outcome: 'unsubscribed' });
    expect(await subscriberRow(subscriber.id)).toEqual({ status: 'unsubscribed', end_reason: 'email unsubscribe (mailto)' });
    expect(await reflectionsOf(subscriber.id)).toEqual([]);
  });

  it('flags a reflection that speaks of danger and emails the support line once', async () => {
    const address = unique('safety');
    const subscriber = await signUpAndConfirm(address);
    await replyThroughResend({ from: address, to: [subscriber.replyTo], subject: 'Re: Welcome\r\nBcc: someone@example.org', text: 'He hit me again last night and I am scared.\n\nSent from my iPhone' });
    await replyThroughResend({ from: address, to: [subscriber.replyTo], subject: 'Re: Welcome', text: 'I feel unsafe at home.' });
    const kept = await reflectionsOf(subscriber.id);
    expect(kept.map(({ body, flagged }) => ({ body, flagged }))).toEqual([
      { body: 'He hit me again last night and I am scared.', flagged: 1 },
      { body: 'I feel unsafe at home.', flagged: 1 },
    ]);
    const support = (await sentTo(address)).filter((email) => email.subject === SUPPORT_LINE_SUBJECT);
    expect(support).toHaveLength(1);
    // Ours from end to end: the template's words, the number as a non-breaking tel: link, nothing inbound in a header.
    expect(support[0]!.html).toMatch(/<a href="tel:\+18007997233" style="[^"]*white-space:nowrap[^"]*"[^>]*>1\u2011800\u2011799\u20117233<\/a>/);
    expect(support[0]!.text).toContain('If you are in danger right now');
    expect(support[0]!.headers).toMatchObject({ 'List-Unsubscribe': expect.stringMatching(/^<https?:\/\/[^>]+\/u\/[^>]+>/), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(support[0]!.headers?.['In-Reply-To']).toBeUndefined();
    expect(JSON.stringify(support[0]!.headers)).not.toMatch(/Welcome|Bcc|someone@example\.org|In-Reply-To/);
  });

  it('answers 503 when the body cannot be read: no API key, or Resend out of reach; and stores nothing', async () => {
    const address = unique('noapi');
    const subscriber = await signUpAndConfirm(address);
    const reply = { from: address, to: [subscriber.replyTo], subject: 'Re: Welcome', text: 'Later, please.' };
    const emailId = await registerInbound(reply);
    const body = receivedEvent(emailId, reply);
    const noKey = await postWebhook(body, signed(body), inboundEnv({ RESEND_API_KEY: undefined }));
    expect(noKey.status).toBe(503);
    expect(await errorCode(noKey)).toBe('not_configured');
    const unreachable = await postWebhook(body, signed(body), inboundEnv({ RESEND_BASE_URL: 'http://127.0.0.1:9' }));
    expect(unreachable.status).toBe(503);
    expect(await errorCode(unreachable)).toBe('provider_unavailable');
    expect(await reflectionsOf(subscriber.id)).toEqual([]);
    expect((await postWebhook(body, signed(body))).status).toBe(200);
    expect(await reflectionsOf(subscriber.id)).toHaveLength(1);
  });
});

describe('POST /webhooks/resend delivery events', () => {
  async function welcomeDelivery(subscriberId: string) {
    const [row] = await rows<{ provider_id: string; status: string; last_error: string | null }>(
      'SELECT provider_id, status, last_error FROM deliveries WHERE subscriber_id = ? AND day = 0',
      subscriberId,
    );
    return row!;
  }

  async function deliver(type: string, data: Record<string, unknown>) {
    const body = emailEvent(type, data);
    const response = await postWebhook(body, signed(body));
    expect(response.status).toBe(200);
    return ((await response.json()) as { outcome: string }).outcome;
  }

  it('suppresses the address at once on a permanent bounce, and only notes a transient one', async () => {
    const address = unique('bounce');
    const subscriber = await signUpAndConfirm(address);
    const { provider_id } = await welcomeDelivery(subscriber.id);
    expect(await deliver('email.bounced', { email_id: provider_id, to: [address], bounce: { type: 'Transient', subType: 'MailboxFull', message: 'full' } })).toBe('soft_bounce_noted');
    expect(await subscriberRow(subscriber.id)).toEqual({ status: 'active', end_reason: null });
    expect(await deliver('email.bounced', { email_id: provider_id, to: [address], bounce: { type: 'Permanent', subType: 'General', message: 'no such user' } })).toBe('suppressed');
    expect(await subscriberRow(subscriber.id)).toEqual({ status: 'suppressed', end_reason: 'hard bounce' });
    expect(await welcomeDelivery(subscriber.id)).toMatchObject({ status: 'bounced' });
    const [due] = await rows<{ next_due_at: number | null }>('SELECT next_due_at FROM subscribers WHERE id = ?', subscriber.id);
    expect(due!.next_due_at).toBeNull();
  });

  it('suppresses the address on a spam complaint', async () => {
    const address = unique('complaint');
    const subscriber = await signUpAndConfirm(address);
    const { provider_id } = await welcomeDelivery(subscriber.id);
    expect(await deliver('email.complained', { email_id: provider_id, to: [address] })).toBe('suppressed');
    expect(await subscriberRow(subscriber.id)).toEqual({ status: 'suppressed', end_reason: 'spam complaint' });
    expect(await welcomeDelivery(subscriber.id)).toMatchObject({ status: 'complained' });
    expect(await deliver('email.complained', { email_id: provider_id, to: [address] })).toBe('already_stopped');
  });

  it('records delivered and delayed on the delivery, and never moves it back', async () => {
    const address = unique('delivered');
    const subscriber = await signUpAndConfirm(address);
    const { provider_id } = await welcomeDelivery(subscriber.id);
    expect(await deliver('email.delivery_delayed', { email_id: provider_id, to: [address] })).toBe('delivery_updated');
    expect(await welcomeDelivery(subscriber.id)).toMatchObject({ status: 'sent', last_error: 'resend: delivery delayed' });
    expect(await deliver('email.delivered', { email_id: provider_id, to: [address] })).toBe('delivery_updated');
    expect(await welcomeDelivery(subscriber.id)).toEqual({ provider_id, status: 'delivered', last_error: null });
    expect(await deliver('email.delivery_delayed', { email_id: provider_id, to: [address] })).toBe('delivery_unchanged');
    expect(await deliver('email.delivered', { email_id: crypto.randomUUID(), to: [address] })).toBe('delivery_unchanged');
    expect(await deliver('email.opened', { email_id: provider_id, to: [address] })).toBe('ignored');
    expect(await subscriberRow(subscriber.id)).toEqual({ status: 'active', end_reason: null });
  });
});

describe('Email Routing email() handler', () => {
  function routedMessage(from: string, to: string, raw: string) {
    return {
      from,
      to,
      raw: new Response(raw).body!,
      rawSize: raw.length,
      headers: new Headers(),
      setReject: vi.fn(),
      forward: vi.fn(),
      reply: vi.fn(),
    };
  }

  async function deliverRouted(from: string, to: string, raw: string, routedEnv = inboundEnv()) {
    const message = routedMessage(from, to, raw);
    const ctx = createExecutionContext();
    await worker.email(message as unknown as ForwardableEmailMessage, routedEnv, ctx);
    await waitOnExecutionContext(ctx);
    return message;
  }

  function gmailReply(from: string, to: string): string {
    return gmailReplyEml.replaceAll('{{from}}', from).replaceAll('{{to}}', to).replaceAll('{{id}}', crypto.randomUUID()).replace(/\r?\n/g, '\r\n');
  }

  it('parses a multipart Gmail reply with a quoted thread and keeps only the new words, once', async () => {
    const address = unique('routed');
    const subscriber = await signUpAndConfirm(address);
    await advanceTo(subscriber.id, 3);
    const raw = gmailReply(address, subscriber.replyTo);
    const message = await deliverRouted(address, subscriber.replyTo, raw);
    await deliverRouted(address, subscriber.replyTo, raw);
    const messageId = /^Message-ID: (<[^>]+>)/m.exec(raw)![1];
    expect(await reflectionsOf(subscriber.id)).toEqual([
      {
        day: 3,
        body: 'I named the exact thing I did, and then I stopped talking and listened. It\u2019s the first time she didn\u2019t walk out of the room.',
        channel: 'email',
        flagged: 0,
        source_id: messageId,
      },
    ]);
    expect(message.setReject).not.toHaveBeenCalled();
    expect(message.forward).not.toHaveBeenCalled();
  });

  it('finds the subscriber by an authenticated From header when no EMAIL_REPLY_TO is set, and hashes a message without Message-ID', async () => {
    const address = unique('routed-from');
    const subscriber = await signUpAndConfirm(address);
    const stamped = `Authentication-Results: mx.cloudflare.net;\r\n\tdkim=pass header.d=example.org;\r\n\tdmarc=pass header.from=example.org policy.dmarc=reject;\r\n\tspf=pass smtp.mailfrom=example.org\r\n`;
    const raw = stamped + gmailReply(address, 'reflections@in.example.com').replace(/^Message-ID: .*\r\n/m, '');
    await deliverRouted(`bounces+srs=${crypto.randomUUID().slice(0, 6)}@forwarder.example`, 'reflections@in.example.com', raw, inboundEnv({ EMAIL_REPLY_TO: '' }));
    const [kept] = await reflectionsOf(subscriber.id);
    expect(kept!.body).toMatch(/^I named the exact thing I did/);
    expect(kept!.source_id).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('unsubscribes a message sent to the List-Unsubscribe mailto address', async () => {
    const address = unique('routed-stop');
    const subscriber = await signUpAndConfirm(address);
    const raw = `From: <${address}>\r\nTo: <${subscriber.unsubscribeAddress}>\r\nSubject: unsubscribe\r\nMessage-ID: <${crypto.randomUUID()}@mail.example>\r\n\r\n\r\n`;
    await deliverRouted(address, subscriber.unsubscribeAddress, raw);
    expect(await subscriberRow(subscriber.id)).toEqual({ status: 'unsubscribed', end_reason: 'email unsubscribe (mailto)' });
  });
});

describe('only the subscriber\u2019s own replies (SPEC \u00a75)', () => {
  const noReplyTo = () => inboundEnv({ EMAIL_REPLY_TO: '' });
  const resendStamp = (domain: string, dmarc: 'pass' | 'fail') =>
    `amazonses.com; spf=pass (spfCheck: domain of ${domain} designates 192.0.2.1 as permitted sender) smtp.mailfrom=${domain}; dkim=${dmarc} header.i=@${domain}; dmarc=${dmarc} header.from=${domain};`;

  async function replyByFrom(email: { from: string; text: string; headers?: Record<string, string> }) {
    const emailId = await registerInbound({ ...email, to: ['reflections@in.example.com'], subject: 'Re: Day 1 of 30' });
    const body = receivedEvent(emailId, { ...email, to: ['reflections@in.example.com'], subject: 'Re: Day 1 of 30' });
    const response = await postWebhook(body, signed(body), noReplyTo());
    return (await response.json()) as { outcome: string };
  }

  it('Resend: stores a reply matched by From only when Resend\u2019s DMARC verdict passed for the From domain', async () => {
    const address = unique('resend-auth');
    const subscriber = await signUpAndConfirm(address);
    expect(await replyByFrom({ from: address, text: 'No verdict at all.' })).toMatchObject({ outcome: 'unauthenticated' });
    expect(await replyByFrom({ from: address, text: 'DMARC failed.', headers: { 'Authentication-Results': resendStamp('example.org', 'fail') } })).toMatchObject({ outcome: 'unauthenticated' });
    const forged = 'attacker.example; dmarc=pass header.from=example.org';
    expect(await replyByFrom({ from: address, text: 'A verdict the sender wrote.', headers: { 'Authentication-Results': forged } })).toMatchObject({ outcome: 'unauthenticated' });
    expect(await replyByFrom({ from: address, text: 'Passed for another domain.', headers: { 'Authentication-Results': resendStamp('elsewhere.example', 'pass') } })).toMatchObject({ outcome: 'unauthenticated' });
    expect(await replyByFrom({ from: address, text: 'Authenticated and mine.', headers: { 'Authentication-Results': resendStamp('example.org', 'pass') } })).toMatchObject({ outcome: 'stored' });
    expect((await reflectionsOf(subscriber.id)).map((row) => row.body)).toEqual(['Authenticated and mine.']);
  });

  it('Email Routing: a spoofed From stores nothing and mails nobody; Cloudflare\u2019s dmarc=pass stores it', async () => {
    const address = unique('routed-auth');
    const subscriber = await signUpAndConfirm(address);
    const before = (await sentTo(address)).length;
    const message = (stamp: string, text: string) =>
      `${stamp}From: <${address}>\r\nTo: <reflections@in.example.com>\r\nSubject: Re: Day 1\r\n Bcc: victim@example.net\r\nMessage-ID: <${crypto.randomUUID()}@attacker.example>\r\n\r\n${text}\r\n`;
    const deliver = async (raw: string) => {
      const ctx = createExecutionContext();
      const routed = { from: 'attacker@attacker.example', to: 'reflections@in.example.com', raw: new Response(raw).body!, rawSize: raw.length, headers: new Headers(), setReject: vi.fn(), forward: vi.fn(), reply: vi.fn() };
      await worker.email(routed as unknown as ForwardableEmailMessage, noReplyTo(), ctx);
      await waitOnExecutionContext(ctx);
    };
    // A danger word from a spoofed sender would, if stored, send the support line to the subscriber.
    await deliver(message('', 'He will hurt me, I am in danger.'));
    await deliver(message('Authentication-Results: mx.cloudflare.net; dkim=none; spf=fail smtp.mailfrom=attacker.example; dmarc=fail header.from=example.org\r\nAuthentication-Results: mx.cloudflare.net; dmarc=pass header.from=example.org\r\n', 'Forged verdict below the real one.'));
    expect(await reflectionsOf(subscriber.id)).toEqual([]);
    expect((await sentTo(address)).length).toBe(before);
    await deliver(message('Authentication-Results: mx.cloudflare.net;\r\n\tdkim=pass header.d=example.org;\r\n\tdmarc=pass header.from=example.org policy.dmarc=none\r\n', 'Truly mine.'));
    expect((await reflectionsOf(subscriber.id)).map((row) => row.body)).toEqual(['Truly mine.']);
  });

  it('copies nothing inbound into an outgoing header, not even a subject with CR/LF', async () => {
    const address = unique('crlf');
    const subscriber = await signUpAndConfirm(address);
    await replyThroughResend({ from: address, to: [subscriber.replyTo], subject: 'Re: Welcome\r\nBcc: someone@attacker.example', text: 'He hit me and I am scared.' });
    const answers = (await sentTo(address)).filter((email) => email.subject === SUPPORT_LINE_SUBJECT);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.subject).not.toMatch(/attacker|\r|\n|Welcome/);
    expect(JSON.stringify(answers[0]!.headers ?? {})).not.toMatch(/attacker/);
  });
});

describe('reflections kept whole and private', () => {
  const ADMIN = 'admin-token-for-reextraction-tests-0123456789';

  it('stores the whole message beside the reflection, encrypted: a raw dump of the table shows neither', async () => {
    const address = unique('private');
    const subscriber = await signUpAndConfirm(address);
    await replyThroughResend({
      from: address,
      to: [subscriber.replyTo],
      subject: 'Re: Welcome',
      text: 'Marmalade umbrellas are my secret word today.\n\nOn Tue, Mar 3, 2026 at 8:00 AM Rebuild Trust <course@example.com> wrote:\n> Welcome quoted zeppelin line\n',
    });
    await keepReflection(buildServices(inboundEnv()), { subscriberId: subscriber.id, channel: 'sms', text: 'Texted pomegranate thoughts.', sourceId: `SM${crypto.randomUUID().replaceAll('-', '')}`, now: Date.now() });
    const dump = JSON.stringify(await rows('SELECT * FROM reflections WHERE subscriber_id = ?', subscriber.id));
    expect(dump).toMatch(/rc1:/);
    expect(dump).not.toMatch(/Marmalade|umbrellas|zeppelin|pomegranate/);
    const stored = await rows<{ raw_text: string; extractor_version: number; channel: string }>('SELECT raw_text, extractor_version, channel FROM reflections WHERE subscriber_id = ? ORDER BY id', subscriber.id);
    expect(stored.map((row) => [row.channel, row.extractor_version, row.raw_text === null])).toEqual([
      ['email', EXTRACTOR_VERSION, false],
      ['sms', 0, true],
    ]);
  });

  it('shows the reflection in the journal with the whole message one click away, and exports both', async () => {
    const address = unique('whole');
    const subscriber = await signUpAndConfirm(address);
    await replyThroughResend({ from: address, to: [subscriber.replyTo], subject: 'Re: Welcome', text: 'We held hands on the bus.\n\nOn Tue, Mar 3, 2026 at 8:00 AM Rebuild Trust <course@example.com> wrote:\n> The welcome, quoted\n' });
    const token = await signToken(readConfig(inboundEnv()).tokenSecret, 'journal', subscriber.id);
    const page = await (await call(`/journal/${token}`, {}, inboundEnv())).text();
    expect(page).toContain('We held hands on the bus.');
    expect(page).toMatch(/<details class="whole-message"><summary>Show the whole message<\/summary><pre[^>]*>We held hands on the bus\.\n\nOn Tue, Mar 3, 2026 at 8:00 AM Rebuild Trust &lt;course@example.com&gt; wrote:\n&gt; The welcome, quoted<\/pre><\/details>/);
    const json = (await (await call(`/journal/${token}/export.json`, {}, inboundEnv())).json()) as { reflections: { text: string; wholeMessage: string | null }[] };
    expect(json.reflections).toEqual([expect.objectContaining({ text: 'We held hands on the bus.', wholeMessage: expect.stringContaining('> The welcome, quoted') })]);
    const markdown = await (await call(`/journal/${token}/export.md`, {}, inboundEnv())).text();
    expect(markdown).toContain('> We held hands on the bus.');
    expect(markdown).toContain('The whole message:');
    expect(markdown).toContain('> > The welcome, quoted');
  });

  it('lets the subscriber edit a reflection in the journal; the edit is kept, encrypted, and survives re-extraction', async () => {
    const address = unique('edit');
    const subscriber = await signUpAndConfirm(address);
    await replyThroughResend({ from: address, to: [subscriber.replyTo], subject: 'Re: Welcome', text: 'First try at saying it.\n\nOn Tue, Mar 3, 2026 at 8:00 AM Rebuild Trust <course@example.com> wrote:\n> quoted\n' });
    const [row] = await rows<{ id: number }>('SELECT id FROM reflections WHERE subscriber_id = ?', subscriber.id);
    const token = await signToken(readConfig(inboundEnv()).tokenSecret, 'journal', subscriber.id);
    const form = (text: string, id = row!.id) =>
      call(`/journal/${token}/reflections/${id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ text }) }, inboundEnv());
    const saved = await form('What I really meant: I am ready to listen.');
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/journal/${token}?done=edited`);
    expect((await form('   ')).status).toBe(422);
    expect((await form('not mine', 999_999_999)).status).toBe(409);
    const [stored] = await rows<{ body: string; edited_at: number | null }>('SELECT body, edited_at FROM reflections WHERE id = ?', row!.id);
    expect(stored!.edited_at).toEqual(expect.any(Number));
    expect(stored!.body).not.toContain('ready to listen');
    const page = await (await call(`/journal/${token}`, {}, inboundEnv())).text();
    expect(page).toContain('What I really meant: I am ready to listen.');
    expect(page).toContain('edited by you');
    expect(page).toContain('Show the whole message');
  });

  it('still reads rows written in plaintext before encryption', async () => {
    const address = unique('legacy');
    const subscriber = await signUpAndConfirm(address);
    await env.DB.prepare("INSERT INTO reflections (subscriber_id, cycle, day, channel, body, source_id, flagged, received_at) VALUES (?, 1, 0, 'email', 'Written long ago, in plain text.', ?, 0, ?)")
      .bind(subscriber.id, `legacy-${crypto.randomUUID()}`, Date.now())
      .run();
    const token = await signToken(readConfig(inboundEnv()).tokenSecret, 'journal', subscriber.id);
    expect(await (await call(`/journal/${token}`, {}, inboundEnv())).text()).toContain('Written long ago, in plain text.');
  });

  it('shows a gentle placeholder, not an error, for a row under a key the worker no longer has', async () => {
    const address = unique('lostkey');
    const subscriber = await signUpAndConfirm(address);
    const other = createReflectionCipher({ reflectionsKey: 'a-key-this-worker-has-never-been-given-000', reflectionsKeyPrevious: null, tokenSecret: 'x' });
    await env.DB.prepare("INSERT INTO reflections (subscriber_id, cycle, day, channel, body, source_id, flagged, received_at) VALUES (?, 1, 0, 'email', ?, ?, 0, ?)")
      .bind(subscriber.id, await other.encrypt('Sealed elsewhere.', 'body'), `lost-${crypto.randomUUID()}`, Date.now())
      .run();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const token = await signToken(readConfig(inboundEnv()).tokenSecret, 'journal', subscriber.id);
    const response = await call(`/journal/${token}`, {}, inboundEnv());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('stored under an encryption key this server no longer has');
  });

  it('re-extracts stored messages with the current extractor, re-encrypts legacy rows, and never overwrites an edit', async () => {
    const address = unique('reextract');
    const subscriber = await signUpAndConfirm(address);
    const services = buildServices(inboundEnv());
    const cipher = services.reflectionCipher;
    const whole = 'We made a plan for Sunday.\n\n-----Original Message-----\nFrom: Rebuild Trust <course@example.com>\nSent: Tuesday\n\nThe original, copied';
    const insert = async (body: string, editedAt: number | null) =>
      env.DB.prepare("INSERT INTO reflections (subscriber_id, cycle, day, channel, body, raw_text, extractor_version, edited_at, source_id, flagged, received_at) VALUES (?, 1, 0, 'email', ?, ?, 1, ?, ?, 0, ?)")
        .bind(subscriber.id, await cipher.encrypt(body, 'body'), await cipher.encrypt(whole, 'raw_text'), editedAt, `old-${crypto.randomUUID()}`, Date.now())
        .run();
    await insert(whole, null);
    await insert('My own edited words.', Date.now());
    const adminEnv = inboundEnv({ ADMIN_TOKEN: ADMIN });
    let after = 0;
    for (;;) {
      const response = await call(`/admin/reflections/reextract?after=${after}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` } }, adminEnv);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { next: number | null };
      if (page.next === null) break;
      after = page.next;
    }
    const stored = await rows<{ body: string; raw_text: string; extractor_version: number; edited_at: number | null }>('SELECT body, raw_text, extractor_version, edited_at FROM reflections WHERE subscriber_id = ? ORDER BY id', subscriber.id);
    expect(await Promise.all(stored.map(async (row) => [await cipher.decrypt(row.body, 'body'), row.extractor_version, row.edited_at !== null]))).toEqual([
      ['We made a plan for Sunday.', EXTRACTOR_VERSION, false],
      ['My own edited words.', 1, true],
    ]);
    expect(await cipher.decrypt(stored[0]!.raw_text, 'raw_text')).toBe(whole);
    expect((await call('/admin/reflections/reextract', { method: 'POST' }, adminEnv)).status).toBe(401);
  });
});
