// Replies to daily emails become reflections through POST /webhooks/resend and the email() handler; forged or stale events change nothing.
/// <reference types="vite/client" />
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { SUBJECTS } from '../../src/messages/email';
import { verifyResendWebhook } from '../../src/webhooks/resend-signature';
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

async function reflectionsOf(subscriberId: string): Promise<ReflectionRow[]> {
  return rows<ReflectionRow>('SELECT day, body, channel, flagged, source_id FROM reflections WHERE subscriber_id = ? ORDER BY id', subscriberId);
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
    const warn = vi.spyOn(console, 'warn');
    const body = JSON.stringify({ type: 'domain.updated', created_at: new Date().toISOString(), data: { id: 'd_1' } });
    const response = await postWebhook(body, signed(body));
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

  it('reads the token whatever case a mail system gave the address, and falls back to a confirmed sender without one', async () => {
    const address = unique('case');
    const subscriber = await signUpAndConfirm(address);
    await replyThroughResend({ from: address, to: [subscriber.replyTo.toUpperCase()], subject: 'Re: Welcome', text: 'Shouted address.' });
    await replyThroughResend({ from: `Me <${address.toUpperCase()}>`, to: ['reflections@in.example.com'], subject: 'Hello', text: 'Written to the plain address.' });
    const { response } = await replyThroughResend({ from: unique('stranger'), to: ['reflections@in.example.com'], subject: 'Hi', text: 'Who am I?' });
    expect(await response.json()).toMatchObject({ outcome: 'unmatched' });
    const pending = unique('pending');
    await postJson('/api/subscribe', { email: pending }, inboundEnv());
    const { response: early } = await replyThroughResend({ from: pending, to: ['reflections@in.example.com'], subject: 'Re: Please confirm', text: 'Yes, please.' });
    expect(await early.json()).toMatchObject({ outcome: 'not_confirmed' });
    expect((await reflectionsOf(subscriber.id)).map((reflection) => reflection.body)).toEqual(['Shouted address.', 'Written to the plain address.']);
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
    const support = (await sentTo(address)).filter((email) => email.subject === SUBJECTS.supportLine);
    expect(support).toHaveLength(1);
    // Ours from end to end: the template's words, the number as a non-breaking tel: link, nothing inbound in a header.
    expect(support[0]!.html).toMatch(/<a href="tel:\+18007997233" style="[^"]*white-space:nowrap[^"]*"[^>]*>1\u2011800\u2011799\u20117233<\/a>/);
    expect(support[0]!.text).toContain('If you are in danger right now');
    expect(support[0]!.headers).toMatchObject({ 'List-Unsubscribe': expect.stringMatching(/^<https?:\/\/[^>]+\/u\/[^>]+>/), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
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

  async function deliverRouted(from: string, to: string, raw: string) {
    const message = routedMessage(from, to, raw);
    const ctx = createExecutionContext();
    await worker.email(message as unknown as ForwardableEmailMessage, inboundEnv(), ctx);
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

  it('finds the subscriber by the From header when the envelope has no token, and hashes a message without Message-ID', async () => {
    const address = unique('routed-from');
    const subscriber = await signUpAndConfirm(address);
    const raw = gmailReply(address, 'reflections@in.example.com').replace(/^Message-ID: .*\r\n/m, '');
    await deliverRouted(`bounces+srs=${crypto.randomUUID().slice(0, 6)}@forwarder.example`, 'reflections@in.example.com', raw);
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
