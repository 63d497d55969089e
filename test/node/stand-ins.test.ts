// Proves the Resend and Twilio stand-ins accept what the official SDKs send and refuse what the specs refuse.
import { Resend } from 'resend';
import twilio from 'twilio';
import type { RequestOptions } from 'twilio/lib/base/RequestClient';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startResendStandIn } from '../support/resend-stand-in';
import { validateAgainstSchema } from '../support/stand-in-schema';
import type { StandInHandle } from '../support/stand-in-server';
import { loadOpenApiSpec } from '../support/stand-in-spec';
import { startTwilioStandIn } from '../support/twilio-stand-in';

const resendSpec = loadOpenApiSpec(new URL('../fixtures/specs/resend-emails.yaml', import.meta.url));
const twilioSpec = loadOpenApiSpec(new URL('../fixtures/specs/twilio-messages.json', import.meta.url));

const ACCOUNT_SID = `AC${'1f'.repeat(16)}`;
const AUTH_TOKEN = 'stand-in-token';
const SERVICE_SID = `MG${'2e'.repeat(16)}`;

/** Calls a control endpoint and returns its JSON. */
async function control<T = unknown>(base: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/__control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `control ${path} answered ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** Reads a JSON answer as a plain record, for assertions. */
async function json(response: Response): Promise<Record<string, any>> {
  return (await response.json()) as Record<string, any>;
}

function conformsTo(spec: typeof resendSpec, schemaName: string, value: unknown): string[] {
  return validateAgainstSchema(value, spec.resolve(`#/components/schemas/${schemaName}`), spec.resolve).map((issue) => `${issue.path} ${issue.message}`);
}

function email(index: number, overrides: Record<string, unknown> = {}) {
  return {
    from: 'Rebuild Trust <steps@example.com>',
    to: [`subscriber${index}@example.com`],
    subject: `Day ${index}: Listen first`,
    html: `<p>Step ${index}</p>`,
    text: `Step ${index}`,
    headers: { 'List-Unsubscribe': `<https://example.com/u/token${index}>` },
    ...overrides,
  };
}

describe('Resend stand-in', () => {
  let standIn: StandInHandle;
  let resend: Resend;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${standIn.url}${path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer re_test_key', 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    standIn = await startResendStandIn();
    resend = new Resend('re_test_key', { baseUrl: standIn.url });
  });
  afterAll(() => standIn.close());
  beforeEach(() => control(standIn.url, 'reset', {}));

  it('accepts an email sent with the official SDK and returns it from GET /emails/{id} in the spec shape', async () => {
    const sent = await resend.emails.send(email(1));
    expect(sent.error).toBeNull();
    expect(sent.data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const fetched = await resend.emails.get(sent.data?.id ?? '');
    expect(fetched.error).toBeNull();
    expect(conformsTo(resendSpec, 'Email', fetched.data)).toEqual([]);
    expect(fetched.data).toMatchObject({ object: 'email', id: sent.data?.id, to: ['subscriber1@example.com'], subject: 'Day 1: Listen first' });

    const messages = await control<Array<Record<string, unknown>>>(standIn.url, 'messages');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ headers: { 'List-Unsubscribe': '<https://example.com/u/token1>' }, endpoint: '/emails' });
  });

  it('accepts a batch from the SDK and replays it for the same Idempotency-Key without creating emails', async () => {
    const batch = [email(1), email(2), email(3)];
    const first = await resend.batch.send(batch, { idempotencyKey: 'tick-1/batch-0' });
    expect(first.error).toBeNull();
    expect(first.data?.data).toHaveLength(3);

    const again = await resend.batch.send(batch, { idempotencyKey: 'tick-1/batch-0' });
    expect(again.data?.data).toEqual(first.data?.data);
    expect(await control<unknown[]>(standIn.url, 'messages')).toHaveLength(3);

    const stats = await control<{ replayed: number; accepted: number; messages: number }>(standIn.url, 'stats');
    expect(stats).toMatchObject({ replayed: 1, accepted: 2, messages: 3 });
    const log = await control<Array<{ headers: Record<string, string> }>>(standIn.url, 'requests');
    expect(log[0]?.headers).toMatchObject({ authorization: 'Bearer', 'idempotency-key': 'tick-1/batch-0', 'x-batch-validation': 'strict' });
  });

  it('refuses the same Idempotency-Key with a different body with 409 invalid_idempotent_request', async () => {
    await resend.batch.send([email(1)], { idempotencyKey: 'key-a' });
    const conflict = await resend.batch.send([email(2)], { idempotencyKey: 'key-a' });
    expect(conflict.error).toMatchObject({ statusCode: 409, name: 'invalid_idempotent_request' });
    expect(await control<unknown[]>(standIn.url, 'messages')).toHaveLength(1);
  });

  it('forgets an Idempotency-Key after 24 hours', async () => {
    let now = Date.UTC(2026, 0, 1);
    const clocked = await startResendStandIn({ now: () => now });
    try {
      const client = new Resend('re_test_key', { baseUrl: clocked.url });
      const first = await client.emails.send(email(1), { idempotencyKey: 'day-1' });
      now += 23 * 60 * 60 * 1000;
      const replay = await client.emails.send(email(1), { idempotencyKey: 'day-1' });
      expect(replay.data?.id).toBe(first.data?.id);
      now += 2 * 60 * 60 * 1000;
      const fresh = await client.emails.send(email(1), { idempotencyKey: 'day-1' });
      expect(fresh.data?.id).not.toBe(first.data?.id);
    } finally {
      await clocked.close();
    }
  });

  it('refuses an email without a subject with 422 missing_required_field and logs it as rejected', async () => {
    const { subject: _subject, ...withoutSubject } = email(1);
    const response = await post('/emails', withoutSubject);
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(Object.keys(body).sort()).toEqual(['message', 'name', 'statusCode']);
    expect(body).toMatchObject({ statusCode: 422, name: 'missing_required_field' });
    expect(body.message).toContain('subject');
    const log = await control<Array<{ accepted: boolean; status: number; body: unknown }>>(standIn.url, 'requests');
    expect(log).toMatchObject([{ accepted: false, status: 422, body: withoutSubject }]);
  });

  it('refuses wrong field types, more than 50 recipients and tags Resend does not allow', async () => {
    const cases = [
      email(1, { subject: 42 }),
      email(1, { to: Array.from({ length: 51 }, (_, i) => `r${i}@example.com`) }),
      email(1, { tags: [{ name: 'day:3', value: 'x' }] }),
      email(1, { from: 'not an address' }),
    ];
    for (const body of cases) {
      const response = await post('/emails', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(await response.json()).toMatchObject({ statusCode: 422, name: 'validation_error' });
    }
    expect(await control<unknown[]>(standIn.url, 'messages')).toEqual([]);
  });

  it('refuses a batch of 101 emails with 422', async () => {
    const result = await resend.batch.send(Array.from({ length: 101 }, (_, i) => email(i)));
    expect(result.error).toMatchObject({ statusCode: 422, name: 'validation_error' });
    const full = await resend.batch.send(Array.from({ length: 100 }, (_, i) => email(i)));
    expect(full.data?.data).toHaveLength(100);
  });

  it('refuses a strict batch with one bad email, and lists it under errors in permissive mode', async () => {
    const batch = [email(1), email(2, { subject: undefined }), email(3)];
    const strict = await resend.batch.send(batch);
    expect(strict.error).toMatchObject({ statusCode: 422, name: 'missing_required_field' });
    const response = await post('/emails/batch', batch, { 'x-batch-validation': 'permissive' });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.data).toHaveLength(2);
    expect(body.errors).toMatchObject([{ index: 1 }]);
  });

  it('refuses a missing API key with 401 and a malformed one with 403', async () => {
    const missing = await fetch(`${standIn.url}/emails`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(email(1)) });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ statusCode: 401, name: 'missing_api_key' });
    const wrong = await post('/emails', email(1), { authorization: 'Bearer sk_live_123' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ statusCode: 403, name: 'invalid_api_key' });
  });

  it('refuses an Idempotency-Key over 256 characters with 400 invalid_idempotency_key', async () => {
    const response = await post('/emails', email(1), { 'idempotency-key': 'k'.repeat(257) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ name: 'invalid_idempotency_key' });
  });

  it('answers 404 for paths outside the spec and 405 for undeclared methods', async () => {
    const unknown = await post('/domains', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ statusCode: 404, name: 'not_found' });
    const wrongMethod = await fetch(`${standIn.url}/emails`, { headers: { authorization: 'Bearer re_test_key' } });
    expect(wrongMethod.status).toBe(405);
  });

  it('serves registered inbound emails through the SDK receiving API in the spec shape', async () => {
    const registered = await control<{ id: string }>(standIn.url, 'inbound', {
      from: 'Sam <sam@example.net>',
      to: 'reflections@example.com',
      subject: 'Re: Day 3',
      text: 'I listened today.',
      headers: { 'in-reply-to': '<day3@example.com>' },
    });
    const got = await resend.emails.receiving.get(registered.id);
    expect(got.error).toBeNull();
    expect(conformsTo(resendSpec, 'GetReceivedEmailResponse', got.data)).toEqual([]);
    expect(got.data).toMatchObject({ id: registered.id, to: ['reflections@example.com'], text: 'I listened today.' });
    const listed = await resend.emails.receiving.list();
    expect(conformsTo(resendSpec, 'ListReceivedEmailsResponse', listed.data)).toEqual([]);
    expect(listed.data?.data.map((item) => item.id)).toEqual([registered.id]);
    const missing = await resend.emails.receiving.get('00000000-0000-4000-8000-000000000000');
    expect(missing.error).toMatchObject({ statusCode: 404, name: 'not_found' });
  });

  it('injects 429 with Retry-After for failNext, and never faults the control endpoints', async () => {
    await control(standIn.url, 'faults', { failNext: 2, statuses: [429, 503], retryAfterSeconds: 3 });
    expect(await control(standIn.url, 'stats')).toMatchObject({ total: 0 });
    const limited = await post('/emails', email(1));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toMatchObject({ statusCode: 429, name: 'rate_limit_exceeded' });
    const unavailable = await resend.emails.send(email(1));
    expect(unavailable.error).toMatchObject({ statusCode: 503 });
    const ok = await resend.emails.send(email(1));
    expect(ok.error).toBeNull();
    expect(await control(standIn.url, 'stats')).toMatchObject({ injectedFailures: 2, accepted: 1, messages: 1 });
  });

  it('drops the connection after accepting, and a retry with the same key gets the stored id without a duplicate', async () => {
    await control(standIn.url, 'faults', { dropAfterAcceptRate: 1 });
    const headers = { 'idempotency-key': 'tick-9/batch-0' };
    await expect(post('/emails/batch', [email(1), email(2)], headers)).rejects.toThrow();
    const stored = await control<Array<{ id: string }>>(standIn.url, 'messages');
    expect(stored).toHaveLength(2);

    await control(standIn.url, 'faults', {});
    const retry = await post('/emails/batch', [email(1), email(2)], headers);
    expect(retry.status).toBe(200);
    expect((await json(retry)).data).toEqual(stored.map(({ id }) => ({ id })));
    expect(await control<unknown[]>(standIn.url, 'messages')).toHaveLength(2);
    expect(await control(standIn.url, 'stats')).toMatchObject({ dropped: 1, replayed: 1 });
  });

  it('fails a seeded share of requests, the same ones for the same seed', async () => {
    const run = async () => {
      await control(standIn.url, 'reset', {});
      await control(standIn.url, 'faults', { failRate: 0.5, statuses: [500, 503], seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i += 1) statuses.push((await post('/emails', email(i))).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(200);
    expect(first.some((status) => status === 500 || status === 503)).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('delays answers by delayMs', async () => {
    await control(standIn.url, 'faults', { delayMs: 150 });
    const started = performance.now();
    expect((await post('/emails', email(1))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('forgets requests, messages, idempotency keys and faults on reset', async () => {
    await resend.emails.send(email(1), { idempotencyKey: 'reset-key' });
    await control(standIn.url, 'faults', { failRate: 1 });
    await control(standIn.url, 'reset', {});
    expect(await control(standIn.url, 'requests')).toEqual([]);
    expect(await control(standIn.url, 'messages')).toEqual([]);
    expect(await control(standIn.url, 'faults')).toMatchObject({ failRate: 0, failNext: 0 });
    const reused = await resend.emails.send(email(2), { idempotencyKey: 'reset-key' });
    expect(reused.error).toBeNull();
  });

  it('keeps only the newest requests in the log while counting all of them', async () => {
    const small = await startResendStandIn({ maxLoggedRequests: 3 });
    try {
      const client = new Resend('re_test_key', { baseUrl: small.url });
      for (let i = 0; i < 5; i += 1) await client.emails.send(email(i));
      const log = await control<Array<{ seq: number }>>(small.url, 'requests');
      expect(log.map((entry) => entry.seq)).toEqual([3, 4, 5]);
      expect(await control(small.url, 'stats')).toMatchObject({ total: 5, byRoute: { 'POST /emails': { 200: 5 } } });
    } finally {
      await small.close();
    }
  });
});

describe('Twilio stand-in', () => {
  let standIn: StandInHandle;
  let client: twilio.Twilio;

  /** The SDK has no base-URL option; this client sends its requests to the stand-in instead of api.twilio.com. */
  class StandInRequestClient extends twilio.RequestClient {
    constructor(private readonly base: string) {
      super();
    }
    override request<TData>(opts: RequestOptions<TData>) {
      const target = new URL(opts.uri);
      return super.request<TData>({ ...opts, uri: `${this.base}${target.pathname}${target.search}` });
    }
  }

  const postForm = (fields: Record<string, string>, auth = `${ACCOUNT_SID}:${AUTH_TOKEN}`, accountSid = ACCOUNT_SID) =>
    fetch(`${standIn.url}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    standIn = await startTwilioStandIn();
    client = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: new StandInRequestClient(standIn.url) });
  });
  afterAll(() => standIn.close());
  beforeEach(() => control(standIn.url, 'reset', {}));

  it('creates a message sent with the official SDK and fetches it back in the spec shape', async () => {
    const created = await client.messages.create({
      to: '+14155550100',
      from: '+14155550199',
      body: 'Day 1: Listen first. Reply HELP for help.',
      statusCallback: 'https://example.com/webhooks/twilio/status',
    });
    expect(created.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(created.status).toBe('queued');
    expect(created.numSegments).toBe('1');

    const fetched = await client.messages(created.sid).fetch();
    expect(fetched.to).toBe('+14155550100');

    const raw = await fetch(`${standIn.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${created.sid}.json`, {
      headers: { authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}` },
    });
    expect(conformsTo(twilioSpec, 'api.v2010.account.message', await raw.json())).toEqual([]);

    const messages = await control<Array<{ status_callback: string; params: Record<string, unknown> }>>(standIn.url, 'messages');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ status_callback: 'https://example.com/webhooks/twilio/status', params: { To: '+14155550100' } });
  });

  it('accepts a Messaging Service instead of From', async () => {
    const created = await client.messages.create({ to: '+14155550100', messagingServiceSid: SERVICE_SID, body: 'Hello' });
    expect(created).toMatchObject({ from: null, messagingServiceSid: SERVICE_SID });
  });

  it.each([
    ['+15005550001', 21211],
    ['+15005550004', 21610],
    ['+15005550009', 21614],
  ])('refuses the test number %s with code %i through the SDK', async (to, code) => {
    const refused = client.messages.create({ to, from: '+14155550199', body: 'Hello' });
    await expect(refused).rejects.toMatchObject({ status: 400, code });
    expect(await control<unknown[]>(standIn.url, 'messages')).toEqual([]);
  });

  it.each([
    ['no To', { From: '+14155550199', Body: 'Hi' }, 21604],
    ['no From or MessagingServiceSid', { To: '+14155550100', Body: 'Hi' }, 21603],
    ['no Body', { To: '+14155550100', From: '+14155550199' }, 21602],
    ['a malformed To', { To: '4155550100', From: '+14155550199', Body: 'Hi' }, 21211],
    ['a malformed MessagingServiceSid', { To: '+14155550100', MessagingServiceSid: 'MG123', Body: 'Hi' }, 21701],
    ['an unknown ScheduleType', { To: '+14155550100', From: '+14155550199', Body: 'Hi', ScheduleType: 'later' }, 20001],
    ['a Body over 1,600 characters', { To: '+14155550100', From: '+14155550199', Body: 'x'.repeat(1601) }, 21617],
  ])('refuses %s with 400 and the Twilio error shape', async (_case, fields, code) => {
    const response = await postForm(fields);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'more_info', 'status']);
    expect(body).toMatchObject({ code, status: 400, more_info: `https://www.twilio.com/docs/errors/${code}` });
  });

  it('refuses a JSON body, as Twilio reads only form fields', async () => {
    const response = await fetch(`${standIn.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ To: '+14155550100', From: '+14155550199', Body: 'Hi' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 21604 });
  });

  it('refuses credentials for another account, and wrong tokens once credentials are set', async () => {
    const otherAccount = await postForm({ To: '+14155550100', From: '+14155550199', Body: 'Hi' }, `AC${'0'.repeat(32)}:${AUTH_TOKEN}`);
    expect(otherAccount.status).toBe(401);
    expect(await otherAccount.json()).toMatchObject({ code: 20003, status: 401 });

    await control(standIn.url, 'credentials', { accounts: { [ACCOUNT_SID]: AUTH_TOKEN } });
    const wrongToken = await postForm({ To: '+14155550100', From: '+14155550199', Body: 'Hi' }, `${ACCOUNT_SID}:guess`);
    expect(wrongToken.status).toBe(401);
    const right = await postForm({ To: '+14155550100', From: '+14155550199', Body: 'Hi' });
    expect(right.status).toBe(201);
  });

  it('counts GSM-7 and UCS-2 segments', async () => {
    const long = await client.messages.create({ to: '+14155550100', from: '+14155550199', body: 'a'.repeat(161) });
    expect(long.numSegments).toBe('2');
    const unicode = await client.messages.create({ to: '+14155550100', from: '+14155550199', body: `${'a'.repeat(70)}💛` });
    expect(unicode.numSegments).toBe('2');
    const smart = await postForm({ To: '+14155550100', From: '+14155550199', Body: `“${'a'.repeat(150)}”`, SmartEncoded: 'true' });
    expect((await json(smart)).num_segments).toBe('1');
  });

  it('answers 404 with code 20404 for paths outside the spec', async () => {
    const response = await fetch(`${standIn.url}/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 20404, status: 404 });
  });

  it('injects 429 with Retry-After, and drops accepted requests when asked', async () => {
    await control(standIn.url, 'faults', { failNext: 1, statuses: [429] });
    const limited = await postForm({ To: '+14155550100', From: '+14155550199', Body: 'Hi' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ code: 20429, status: 429 });

    await control(standIn.url, 'faults', { dropAfterAcceptRate: 1 });
    await expect(postForm({ To: '+14155550100', From: '+14155550199', Body: 'Hi' })).rejects.toThrow();
    expect(await control<unknown[]>(standIn.url, 'messages')).toHaveLength(1);
    const log = await control<Array<{ fault?: string; accepted: boolean }>>(standIn.url, 'requests');
    expect(log.map((entry) => entry.fault)).toEqual(['fail', 'drop']);
  });

  it('forgets messages, requests and credentials on reset', async () => {
    await control(standIn.url, 'credentials', { accounts: { [ACCOUNT_SID]: 'other' } });
    await control(standIn.url, 'reset', {});
    const response = await postForm({ To: '+14155550100', From: '+14155550199', Body: 'Hi' });
    expect(response.status).toBe(201);
    await control(standIn.url, 'reset', {});
    expect(await control(standIn.url, 'messages')).toEqual([]);
    expect(await control(standIn.url, 'stats')).toMatchObject({ total: 0, messages: 0 });
  });
});
