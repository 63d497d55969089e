// The operator's desk through the real worker: exact search, one enrolment's deliveries and retries, actions only after a confirmation.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCourseFunnels } from '../../src/admin/funnel';
import { readSearchAddress } from '../../src/admin/find-address';
import { call, clearDatabase, envWith, rows } from '../support/worker-harness';

const TOKEN = 'admin-token-for-the-desk-tests-0123456789';
const adminEnv = envWith({ ADMIN_TOKEN: TOKEN, PUBLIC_URL: 'http://localhost:8787' });
const bearer = { authorization: `Bearer ${TOKEN}` };

async function seed(id: string, channel: string, address: string, status = 'active', course = 'rebuild-trust') {
  await rows(
    `INSERT INTO subscribers (id, channel, address, status, course_id, timezone, send_hour, cycle, next_day, last_day_sent, created_at, confirmed_at)
     VALUES (?, ?, ?, ?, ?, 'America/New_York', 9, 1, 4, 3, 0, 60000)`,
    id, channel, address, status, course,
  );
}

function post(path: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return call(path, { method: 'POST', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:8787', ...headers }, body: new URLSearchParams(fields).toString(), redirect: 'manual' }, adminEnv);
}

beforeEach(async () => {
  await clearDatabase();
  await seed('deskemailaaaaa', 'email', 'dana@example.com');
  await seed('deskemailbbbbb', 'email', 'dana@example.com', 'paused', 'second-course');
  await seed('desksmsaaaaaaa', 'sms', '+14155550188');
  await seed('deskotheraaaaa', 'email', 'danny@example.com');
  await rows(
    `INSERT INTO deliveries (id, subscriber_id, cycle, day, channel, status, attempts, claimed_at, updated_at, sent_at, provider_id, last_error)
     VALUES (501, 'deskemailaaaaa', 1, 3, 'email', 'delivered', 3, 0, 0, 7200000, 'e6a1f3c2-resend-id', NULL)`,
  );
  await rows(
    `INSERT INTO delivery_attempts (delivery_id, attempted_at, outcome, detail) VALUES (501, 3600000, 'rate_limited', '429'), (501, 5400000, 'server', '503'), (501, 7200000, 'sent', NULL)`,
  );
});

describe('POST /admin/find', () => {
  it('finds every enrolment of exactly that address, however it is typed, and never a partial match', async () => {
    const html = await (await post('/admin/find', { address: '  Dana@Example.com ' })).text();
    expect(html).toContain('href="/admin/subscribers/deskemailaaaaa"');
    expect(html).toContain('href="/admin/subscribers/deskemailbbbbb"');
    expect(html).not.toContain('deskotheraaaaa');

    const phone = await (await post('/admin/find', { address: '(415) 555-0188' })).text();
    expect(phone).toContain('href="/admin/subscribers/desksmsaaaaaaa"');

    const partial = await post('/admin/find', { address: 'dan' });
    expect(partial.status).toBe(422);
    expect(await partial.text()).not.toContain('/admin/subscribers/');
    expect(await (await post('/admin/find', { address: 'nobody@example.com' })).text()).toContain('No subscriber has exactly this address.');
  });

  it('needs the admin token, and refuses a form from another site', async () => {
    const anonymous = await call('/admin/find', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: 'address=dana%40example.com' }, adminEnv);
    expect(anonymous.status).toBe(401);
    expect((await post('/admin/find', { address: 'dana@example.com' }, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('GET /admin/subscribers/:id', () => {
  it('shows the enrolment, its deliveries with provider status and the retry history in order', async () => {
    const response = await call('/admin/subscribers/deskemailaaaaa', { headers: bearer }, adminEnv);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('dana@example.com');
    expect(html).toMatch(/<tr data-delivery="501"><td class="nowrap">Day 3<\/td><td>1<\/td><td>delivered<\/td><td>3<\/td>/);
    expect(html).toContain('<td class="id">e6a1f3c2-resend-id</td>');
    const history = html.slice(html.indexOf('id="history"'));
    expect(history.indexOf('rate_limited')).toBeLessThan(history.indexOf('>server<'));
    expect(history.indexOf('>server<')).toBeLessThan(history.indexOf('>sent<'));
    expect(html).toContain('href="/admin/subscribers/deskemailaaaaa/resend"');
    expect(html).toContain('href="/admin/subscribers/deskemailaaaaa/pause"');
    expect((await call('/admin/subscribers/nosuchidaaaaaa', { headers: bearer }, adminEnv)).status).toBe(404);
  });
});

describe('operator actions', () => {
  it('asks first: the confirmation page changes nothing, the POST pauses', async () => {
    const ask = await call('/admin/subscribers/deskemailaaaaa/pause', { headers: bearer }, adminEnv);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('Pause this course?');
    expect((await rows<{ status: string }>("SELECT status FROM subscribers WHERE id = 'deskemailaaaaa'"))[0]!.status).toBe('active');

    const done = await post('/admin/subscribers/deskemailaaaaa/pause');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/subscribers/deskemailaaaaa?done=pause');
    expect((await rows<{ status: string }>("SELECT status FROM subscribers WHERE id = 'deskemailaaaaa'"))[0]!.status).toBe('paused');
    expect((await post('/admin/subscribers/deskemailaaaaa/pause')).status).toBe(400);
  });

  it("resends today's step once through the channel and notes it in the retry history, without moving the course", async () => {
    const done = await post('/admin/subscribers/deskemailaaaaa/resend');
    expect(done.status).toBe(303);
    const sent = await rows<{ subject: string; to_address: string }>('SELECT subject, to_address FROM outbox');
    expect(sent).toEqual([{ subject: expect.stringMatching(/^Day 3/), to_address: 'dana@example.com' }]);
    await post('/admin/subscribers/deskemailaaaaa/resend');
    expect(await rows('SELECT id FROM outbox')).toHaveLength(1);
    const attempts = await rows<{ outcome: string }>("SELECT outcome FROM delivery_attempts WHERE delivery_id = 501 AND outcome = 'resent_by_operator'");
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect((await rows<{ last_day_sent: number; next_day: number }>("SELECT last_day_sent, next_day FROM subscribers WHERE id = 'deskemailaaaaa'"))[0]).toEqual({ last_day_sent: 3, next_day: 4 });
  });

  it('unsubscribes an SMS enrolment at once, and refuses an unknown action and a foreign origin', async () => {
    expect((await post('/admin/subscribers/desksmsaaaaaaa/unsubscribe', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/admin/subscribers/desksmsaaaaaaa/delete')).status).toBe(404);
    expect((await post('/admin/subscribers/desksmsaaaaaaa/unsubscribe')).status).toBe(303);
    const [row] = await rows<{ status: string; end_reason: string; next_due_at: number | null }>("SELECT status, end_reason, next_due_at FROM subscribers WHERE id = 'desksmsaaaaaaa'");
    expect(row).toEqual({ status: 'unsubscribed', end_reason: 'operator', next_due_at: null });
  });
});

describe('pure parts', () => {
  it('reads a search as one exact address', () => {
    expect(readSearchAddress(' A@B.org ')).toEqual({ channel: 'email', address: 'a@b.org' });
    expect(readSearchAddress('+44 7700 900123')).toEqual({ channel: 'sms', address: '+447700900123' });
    expect(readSearchAddress('@b.org')).toBeNull();
    expect(readSearchAddress('12')).toBeNull();
  });

  it('builds a funnel per course from signup to completion, other courses as long as their furthest day', () => {
    const funnels = buildCourseFunnels(
      [
        { courseId: 'rebuild-trust', signedUp: 5, confirmed: 4 },
        { courseId: 'another', signedUp: 2, confirmed: 1 },
      ],
      [
        { courseId: 'rebuild-trust', day: 0, subscribers: 4 },
        { courseId: 'rebuild-trust', day: 31, subscribers: 1 },
        { courseId: 'another', day: 5, subscribers: 1 },
      ],
    );
    expect(funnels.map((funnel) => funnel.courseId)).toEqual(['another', 'rebuild-trust']);
    const seed = funnels[1]!.stages;
    expect(seed.map((stage) => stage.label).slice(0, 4)).toEqual(['Signed up', 'Confirmed', 'Welcome', 'Day 1']);
    expect(seed).toHaveLength(2 + 32);
    expect(seed.at(-1)).toEqual({ key: '31', label: 'Completion', short: 'C', count: 1 });
    expect(funnels[0]!.stages.map((stage) => stage.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 1]);
  });
});
