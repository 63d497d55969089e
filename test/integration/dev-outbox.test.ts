// The local try-out at /dev/outbox through the real worker: local-only, one message per page, and every answer through the real inbound paths.
import { beforeEach, describe, expect, it } from 'vitest';
import { call, clearDatabase, envWith, postJson, rows } from '../support/worker-harness';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef';
const PHONE = '+14155550142';
const ORIGIN = 'http://localhost:8787';
/** No provider keys, a reply address for plus-tokens, an admin token for the remote checks. */
const localEnv = envWith({ EMAIL_REPLY_TO: 'reflections@in.example.com', ADMIN_TOKEN, PUBLIC_URL: ORIGIN });

interface OutboxRow {
  id: number;
  channel: string;
  to_address: string;
  subject: string | null;
  text: string;
  headers: string | null;
  created_at: number;
}

async function outboxFor(address: string): Promise<OutboxRow[]> {
  return rows<OutboxRow>('SELECT id, channel, to_address, subject, text, headers, created_at FROM outbox WHERE to_address = ? ORDER BY id', address);
}

/** Presses one of the outbox's buttons: a same-origin form POST, answered by a 303 back to the outbox. */
async function press(path: string, fields: Record<string, string>, testEnv: Env = localEnv, origin = ORIGIN): Promise<Response> {
  return call(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body: new URLSearchParams(fields).toString(), redirect: 'manual' }, testEnv);
}

/** The sentence the outbox shows after a button, read from the redirect. */
function noteOf(response: Response): string {
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location')!, ORIGIN).searchParams.get('note') ?? '';
}

async function subscriber(address: string) {
  const [row] = await rows<{ id: string; status: string; last_day_sent: number; next_due_at: number | null }>(
    'SELECT id, status, last_day_sent, next_due_at FROM subscribers WHERE address = ?',
    address,
  );
  return row!;
}

beforeEach(clearDatabase);

describe('GET /dev/outbox', () => {
  it('answers on localhost, 404 on any other host without the admin token, and 200 there with it', async () => {
    await postJson('/api/subscribe', { email: 'local@example.com' }, localEnv);
    expect((await call('/dev/outbox', {}, localEnv)).status).toBe(200);
    for (const path of ['/dev/outbox', '/dev/outbox.json', '/dev/outbox/1', '/dev/outbox/1/html']) {
      expect((await call(`https://rebuild.example.com${path}`, {}, localEnv)).status, path).toBe(404);
      expect((await call(`http://192.168.1.20:8787${path}`, { headers: { authorization: 'Bearer wrong-token-wrong-token-wrong-token' } }, localEnv)).status, path).toBe(404);
    }
    const remote = await call('https://rebuild.example.com/dev/outbox', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }, localEnv);
    expect(remote.status).toBe(200);
    const pressed = await call('https://rebuild.example.com/dev/outbox/advance', { method: 'POST', body: 'mode=next', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, localEnv);
    expect(pressed.status).toBe(404);
  });

  it('groups by recipient, filters by channel and exact address, and shows times in the zone and in UTC', async () => {
    await postJson('/api/subscribe', { email: 'ny@example.com', timezone: 'America/New_York' }, localEnv);
    await postJson('/api/subscribe', { channel: 'sms', phone: PHONE, consent: true, sendHour: 9, timezone: 'America/Los_Angeles' }, localEnv);
    const html = await (await call('/dev/outbox', {}, localEnv)).text();
    expect(html).toContain('Email to ny@example.com');
    expect(html).toContain(`Texts to ${PHONE}`);
    expect(html).toMatch(/[AP]M E[SD]T · \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(html).toMatch(/[AP]M P[SD]T · /);

    const onlySms = await (await call('/dev/outbox?channel=sms', {}, localEnv)).text();
    expect(onlySms).not.toContain('ny@example.com');
    expect(onlySms).toContain(PHONE);
    const onlyNy = (await (await call('/dev/outbox.json?address=NY@example.com', {}, localEnv)).json()) as { messages: OutboxRow[] };
    expect(onlyNy.messages.map((message) => message.to_address)).toEqual(['ny@example.com']);
    const partial = (await (await call('/dev/outbox.json?address=example.com', {}, localEnv)).json()) as { messages: OutboxRow[] };
    expect(partial.messages).toEqual([]);
  });

  it('opens one message per page, with the HTML in a frame that runs nothing but lets links open, and the HTML alone under a strict policy', async () => {
    await postJson('/api/subscribe', { email: 'page@example.com' }, localEnv);
    const [confirmation] = await outboxFor('page@example.com');
    const page = await call(`/dev/outbox/${confirmation!.id}`, {}, localEnv);
    expect(page.status).toBe(200);
    const html = await page.text();
    const sandbox = /<iframe[^>]*\ssandbox="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(sandbox).toContain('allow-top-navigation-by-user-activation');
    expect(sandbox).not.toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-same-origin');
    expect(html).toMatch(/srcdoc="[^"]*&lt;a target=&quot;_top&quot;/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'sha256-/);

    const alone = await call(`/dev/outbox/${confirmation!.id}/html`, {}, localEnv);
    expect(alone.status).toBe(200);
    expect(alone.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(alone.headers.get('content-security-policy')).not.toContain('script-src');
    expect((await call('/dev/outbox/999999', {}, localEnv)).status).toBe(404);
  });
});

describe('answering as the recipient', () => {
  it('walks the SMS course with the buttons only: YES, the next steps, a reflection, HELP and STOP, through the signed webhook', async () => {
    await postJson('/api/subscribe', { channel: 'sms', phone: PHONE, consent: true, sendHour: 9, timezone: 'America/Chicago' }, localEnv);
    expect((await subscriber(PHONE)).status).toBe('pending');

    expect(noteOf(await press('/dev/outbox/text', { from: PHONE, body: 'yes' }))).toBe(`Texted "yes" from ${PHONE}. Anything sent back is at the top below.`);
    expect((await subscriber(PHONE)).status).toBe('active');
    expect((await outboxFor(PHONE)).at(-1)!.text).toMatch(/confirmed/i);

    const first = noteOf(await press('/dev/outbox/advance', { mode: 'next', address: PHONE }));
    expect(first).toMatch(/Ran the tick at .* UTC: 1 message sent\./);
    expect((await subscriber(PHONE)).last_day_sent).toBe(1);
    const dayOne = (await outboxFor(PHONE)).at(-1)!;
    expect(dayOne.text).toContain('Day 1');

    const week = noteOf(await press('/dev/outbox/advance', { mode: 'days', days: '7' }));
    expect(week).toMatch(/Ran 7 ticks up to .*: 7 messages sent\./);
    const after = await subscriber(PHONE);
    expect(after.last_day_sent).toBe(8);
    const days = (await outboxFor(PHONE)).filter((message) => /^Day \d+/.test(message.text)).map((message) => message.created_at);
    expect(days).toHaveLength(8);
    // One step per local day, each at the send hour in Chicago (15:00 UTC in winter, 14:00 in summer).
    for (const [index, instant] of days.entries()) {
      if (index > 0) expect(instant - days[index - 1]!).toBeGreaterThanOrEqual(23 * 3_600_000);
      expect([14, 15]).toContain(new Date(instant).getUTCHours());
    }

    expect(noteOf(await press('/dev/outbox/text', { from: PHONE, body: 'We talked for an hour tonight.' }))).not.toContain('answered by text');
    const [reflection] = await rows<{ day: number; channel: string }>('SELECT day, channel FROM reflections WHERE subscriber_id = ?', after.id);
    expect(reflection).toEqual({ day: 8, channel: 'sms' });

    expect(noteOf(await press('/dev/outbox/text', { from: PHONE, body: 'HELP' }))).toContain('The service answered by text.');
    expect((await outboxFor(PHONE)).at(-1)!.text).toMatch(/STOP/);
    await press('/dev/outbox/text', { from: PHONE, body: 'STOP' });
    expect((await subscriber(PHONE)).status).toBe('unsubscribed');
  });

  it('signs with the configured TWILIO_AUTH_TOKEN when one is set, while the public webhook still refuses a dev signature', async () => {
    const withToken = envWith({ ...localEnv, TWILIO_AUTH_TOKEN: 'configured-auth-token-0123456789' });
    await postJson('/api/subscribe', { channel: 'sms', phone: PHONE, consent: true, sendHour: 9 }, withToken);
    await press('/dev/outbox/text', { from: PHONE, body: 'YES' }, withToken);
    expect((await subscriber(PHONE)).status).toBe('active');
    // Without a token the public webhook answers 503 whatever it is sent: the outbox's own token never reaches it.
    const unsigned = await call('/webhooks/twilio/sms', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'x' }, body: 'From=%2B14155550142&Body=STOP&MessageSid=SM1' }, localEnv);
    expect(unsigned.status).toBe(503);
  });

  it('replies to an email through the Email Routing handler with the Reply-To token, and the reply becomes a reflection', async () => {
    await postJson('/api/subscribe', { email: 'reply@example.com', timezone: 'Europe/Paris', sendHour: 7 }, localEnv);
    const [confirmation] = await outboxFor('reply@example.com');
    const link = /http:\/\/localhost:8787\/confirm\?token=[a-z2-7.]+/.exec(confirmation!.text)![0];
    expect((await call(link.replace(ORIGIN, ''), {}, localEnv)).status).toBe(200);
    noteOf(await press('/dev/outbox/advance', { mode: 'next', address: 'reply@example.com' }));
    const dayOne = (await outboxFor('reply@example.com')).at(-1)!;
    expect(dayOne.subject).toMatch(/^Day 1/);
    expect(JSON.parse(dayOne.headers!)['Reply-To']).toMatch(/^reflections\+.+@in\.example\.com$/);

    const note = noteOf(await press(`/dev/outbox/${dayOne.id}/reply`, { text: 'I listened without defending myself.' }));
    expect(note).toBe('The reply was kept as a reflection on Day 1.');
    const kept = await rows<{ day: number; channel: string }>('SELECT day, channel FROM reflections');
    expect(kept).toEqual([{ day: 1, channel: 'email' }]);
  });

  it('refuses a button pressed from another site, an empty reply and a sender that is not a phone number', async () => {
    await postJson('/api/subscribe', { email: 'guard@example.com' }, localEnv);
    const [message] = await outboxFor('guard@example.com');
    expect((await press('/dev/outbox/advance', { mode: 'next' }, localEnv, 'https://evil.example')).status).toBe(403);
    const crossSite = await call('/dev/outbox/advance', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site', origin: ORIGIN }, body: 'mode=next' }, localEnv);
    expect(crossSite.status).toBe(403);
    expect((await press(`/dev/outbox/${message!.id}/reply`, { text: '   ' })).status).toBe(422);
    expect((await press('/dev/outbox/text', { from: 'not-a-number', body: 'YES' })).status).toBe(422);
    expect((await press('/dev/outbox/advance', { mode: 'days', days: '400' })).status).toBe(422);
  });

  it('turns the buttons off when a provider key is set', async () => {
    const live = envWith({ ...localEnv, RESEND_API_KEY: 're_live_key_for_tests' });
    expect((await press('/dev/outbox/advance', { mode: 'next' }, live)).status).toBe(403);
  });
});
