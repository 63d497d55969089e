// The operator's admin: dashboard, funnel, CSV export, previews and sign-in, with the admin token and for nobody else.
import { beforeEach, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:test';
import { streamSubscriberCsv } from '../../src/admin/subscriber-export';
import { defaultCourse as course } from '../../src/course/course';
import { openDatabase } from '../../src/db/client';
import { escapeHtml } from '../../src/messages/fill-template';
import { call, clearDatabase, envWith, rows } from '../support/worker-harness';

const TOKEN = 'admin-token-for-the-operator-tests-0123';
const adminEnv = envWith({ ADMIN_TOKEN: TOKEN });
const revealingEnv = envWith({ ADMIN_TOKEN: TOKEN, ADMIN_SHOWS_REFLECTIONS: 'true' });
const bearer = { authorization: `Bearer ${TOKEN}` };
const DAY = 86_400_000;

/** A subscriber row; every column the export writes can be set. */
async function seedSubscriber(values: { id: string; channel?: string; address: string; status?: string; createdAt: number; cycle?: number; lastDaySent?: number; endedAt?: number | null; endReason?: string | null }) {
  await rows(
    `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, last_day_sent, created_at, confirmed_at, ended_at, end_reason)
     VALUES (?, ?, ?, ?, 'Europe/Paris', 9, ?, ?, ?, ?, ?, ?, ?)`,
    values.id,
    values.channel ?? 'email',
    values.address,
    values.status ?? 'active',
    values.cycle ?? 1,
    (values.lastDaySent ?? 0) + 1,
    values.lastDaySent ?? 0,
    values.createdAt,
    values.createdAt + 60_000,
    values.endedAt ?? null,
    values.endReason ?? null,
  );
}

async function seedDelivery(subscriberId: string, cycle: number, day: number, status: string, channel = 'email') {
  await rows(
    `INSERT INTO deliveries (subscriber_id, cycle, day, channel, status, attempts, claimed_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 0, 0)`,
    subscriberId,
    cycle,
    day,
    channel,
    status,
  );
}

/** A minimal RFC 4180 reader, to check that the export reads back to the values it was made from. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') record.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell), records.push(record), (record = []), (cell = ''), i++;
    } else cell += char;
  }
  return records;
}

/** The Set-Cookie header's name=value pair, to send back as a Cookie header. */
const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;

function login(token: string, testEnv = adminEnv, extra: Record<string, string> = {}) {
  return call(
    '/admin/login',
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body: new URLSearchParams({ token, ...extra }), redirect: 'manual' },
    testEnv,
  );
}

beforeEach(async () => {
  await clearDatabase();
  await rows(
    `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, created_at)
     VALUES ('operatorviewaa', 'email', 'op@example.com', 'active', 'UTC', 8, 1, 4, 0)`,
  );
  await rows(
    `INSERT INTO deliveries (subscriber_id, cycle, day, channel, status, attempts, claimed_at, updated_at, last_error)
     VALUES ('operatorviewaa', 1, 3, 'email', 'failed', 9, 0, 0, 'resend 503 application_error: down')`,
  );
  await rows(
    `INSERT INTO reflections (subscriber_id, cycle, day, channel, body, source_id, flagged, received_at)
     VALUES ('operatorviewaa', 1, 3, 'email', 'I am not safe at home', 'src-admin-1', 1, 0)`,
  );
});

describe('GET /admin', () => {
  it('shows counts, the failing step and the flag of a reflection, but not its words, with the bearer token', async () => {
    const response = await call('/admin', { headers: bearer }, adminEnv);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('resend 503 application_error: down');
    expect(html).not.toContain('I am not safe at home');
    expect(html).toMatch(/1 reflection kept, <strong>1 flagged<\/strong>/);
    expect(html).toMatch(/<tr data-flagged="true"><td><a class="id" href="\/admin\/subscribers\/operatorviewaa">operatorviewaa<\/a><\/td><td>3<\/td>/);
    expect(html).toMatch(/<td>email<\/td><td>active<\/td><td>1<\/td>/);
  });

  it('shows the words of reflections only with ADMIN_SHOWS_REFLECTIONS=true', async () => {
    const shown = await (await call('/admin', { headers: bearer }, envWith({ ADMIN_TOKEN: TOKEN, ADMIN_SHOWS_REFLECTIONS: 'true' }))).text();
    expect(shown).toContain('I am not safe at home');
    for (const value of ['false', 'TRUE', '1', 'yes']) {
      const hidden = await (await call('/admin', { headers: bearer }, envWith({ ADMIN_TOKEN: TOKEN, ADMIN_SHOWS_REFLECTIONS: value }))).text();
      expect(hidden, value).not.toContain('I am not safe at home');
    }
  });

  it('refuses a wrong token with 401, and does not exist without ADMIN_TOKEN', async () => {
    const wrong = await call('/admin', { headers: { authorization: 'Bearer nope', accept: 'application/json' } }, adminEnv);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized', field: null } });
    expect((await call('/admin', { headers: bearer })).status).toBe(404);
  });

  it('shows a browser without the token the sign-in form, with 401', async () => {
    const response = await call('/admin', { headers: { accept: 'text/html' } }, adminEnv);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const html = await response.text();
    expect(html).toMatch(/<form method="post" action="\/admin\/login"/);
    expect(html).toMatch(/<input id="admin-token" type="password" name="token"/);
    expect(html).not.toContain('I am not safe at home');
  });

  it('charts the funnel: subscribers sent each day, once per subscriber across cycles, sent or delivered only', async () => {
    await seedSubscriber({ id: 'funnelaaaaaaaa', address: 'a@example.com', createdAt: 1 * DAY, cycle: 2 });
    await seedSubscriber({ id: 'funnelbbbbbbbb', address: 'b@example.com', createdAt: 2 * DAY });
    await seedSubscriber({ id: 'funnelcccccccc', channel: 'sms', address: '+14155550123', createdAt: 3 * DAY, status: 'completed', lastDaySent: 30 });
    for (const [cycle, day] of [[1, 0], [1, 1], [1, 2], [2, 0], [2, 1]] as const) await seedDelivery('funnelaaaaaaaa', cycle, day, day === 1 && cycle === 1 ? 'delivered' : 'sent');
    await seedDelivery('funnelbbbbbbbb', 1, 0, 'delivered');
    await seedDelivery('funnelbbbbbbbb', 1, 1, 'failed');
    await seedDelivery('funnelbbbbbbbb', 1, 2, 'retry');
    for (const day of [0, 1, 30, 31]) await seedDelivery('funnelcccccccc', 1, day, 'sent', 'sms');

    const html = await (await call('/admin', { headers: bearer }, adminEnv)).text();
    // Four enrolments: the three seeded here confirmed, the beforeEach one never did.
    const expected: Record<string, number> = { 'Signed up': 4, Confirmed: 3, Welcome: 3, 'Day 1': 2, 'Day 2': 1, 'Day 3': 0, 'Day 29': 0, 'Day 30': 1, Completion: 1 };
    for (const [label, count] of Object.entries(expected)) {
      expect(html, label).toContain(`<tr><th scope="row">${label}</th><td>${count}</td></tr>`);
    }
    expect(html.match(/<th scope="row">(Signed up|Confirmed|Welcome|Day \d+|Completion)<\/th><td>\d+<\/td>/g)).toHaveLength(34);
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="funnel-rebuild-trust-title funnel-rebuild-trust-desc"/);
    expect(html).toContain('<title id="funnel-rebuild-trust-title">Course rebuild-trust: subscribers at each step</title>');
    expect(html).toMatch(/<desc id="funnel-rebuild-trust-desc">4 subscribers signed up, 3 confirmed, 3 received the welcome and 1 reached Completion/);
    expect(html).toMatch(/<g data-stage="0"><title>Welcome: 3 subscribers<\/title>/);
    expect(html).not.toMatch(/<script|<link (?!rel="icon")|src="http/);
  });

  it('lists the newest subscribers with masked addresses, and recent reflections with the flagged ones marked', async () => {
    await seedSubscriber({ id: 'listedemailaaa', address: 'anna@example.com', createdAt: 5 * DAY, lastDaySent: 7 });
    await seedSubscriber({ id: 'listedsmsaaaaa', channel: 'sms', address: '+14155550123', createdAt: 6 * DAY, status: 'paused' });
    await rows(
      `INSERT INTO reflections (subscriber_id, cycle, day, channel, body, source_id, flagged, received_at)
       VALUES ('listedemailaaa', 1, 7, 'email', 'We talked for an hour tonight.', 'src-admin-2', 0, ?)`,
      7 * DAY,
    );

    const html = await (await call('/admin', { headers: bearer }, envWith({ ADMIN_TOKEN: TOKEN, ADMIN_SHOWS_REFLECTIONS: 'true' }))).text();
    expect(html).toContain('<td class="id">an…@example.com</td>');
    expect(html).toContain('<td class="id">+1415…23</td>');
    expect(html).not.toContain('anna@example.com');
    expect(html).not.toContain('+14155550123');
    expect(html).toMatch(/<tr data-subscriber="listedemailaaa"><td><a class="id" href="\/admin\/subscribers\/listedemailaaa">listedemailaaa<\/a><\/td><td>email<\/td><td class="id">an…@example.com<\/td><td>active<\/td><td>7<\/td><td>Europe\/Paris<\/td><td>09:00<\/td><td class="nowrap">1970-01-06<\/td><\/tr>/);
    expect(html.indexOf('data-subscriber="listedsmsaaaaa"')).toBeLessThan(html.indexOf('data-subscriber="listedemailaaa"'));

    const recent = html.slice(html.indexOf('id="reflections"'));
    expect(recent).toMatch(/<tr><td><a class="id" href="\/admin\/subscribers\/listedemailaaa">listedemailaaa<\/a><\/td><td>7<\/td><td>email<\/td><td class="nowrap">1970-01-08 00:00<\/td><td><\/td><td[^>]*>We talked for an hour tonight.<\/td><\/tr>/);
    expect(recent).toMatch(/<tr data-flagged="true"><td><a class="id" href="\/admin\/subscribers\/operatorviewaa">operatorviewaa<\/a><\/td><td>3<\/td>.*<strong class="flag">Flagged<\/strong>.*I am not safe at home/);
    expect(recent.indexOf('We talked')).toBeLessThan(recent.indexOf('I am not safe'));
  });

  it('links the CSV export and every preview', async () => {
    const html = await (await call('/admin', { headers: bearer }, adminEnv)).text();
    expect(html).toContain('href="/admin/export.csv"');
    for (const key of ['confirmation', ...Array.from({ length: 32 }, (_, day) => String(day))]) {
      expect(html).toContain(`href="/admin/preview/email/${key}"`);
      expect(html).toContain(`href="/admin/preview/sms/${key}"`);
    }
  });
});

describe('GET /admin/export.csv', () => {
  it('exports one row per subscriber with full addresses, ISO dates and safe escaping', async () => {
    const awkwardAddress = '"odd, name"@example.com';
    const awkwardReason = '=HYPERLINK("http://evil.example","click, here")\nsecond line';
    await seedSubscriber({ id: 'exportaaaaaaaa', address: awkwardAddress, createdAt: Date.UTC(2026, 0, 2, 3, 4, 5), status: 'unsubscribed', endedAt: Date.UTC(2026, 1, 1), endReason: awkwardReason });
    await seedSubscriber({ id: 'exportbbbbbbbb', channel: 'sms', address: '+14155550123', createdAt: Date.UTC(2026, 0, 3), lastDaySent: 4 });

    const response = await call('/admin/export.csv', { headers: bearer }, adminEnv);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="rebuild-trust-subscribers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();

    expect(text.startsWith('id,channel,address,status,timezone,send_hour,cycle,next_day,last_day_sent,created_at,confirmed_at,ended_at,end_reason\r\n')).toBe(true);
    expect(text).toContain(',"""odd, name""@example.com",');
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""click, here"")\nsecond line"\r\n`);
    expect(text).toContain(",'+14155550123,");

    const [header, ...records] = parseCsv(text);
    expect(header).toHaveLength(13);
    expect(records.map((record) => record[0])).toEqual(['exportaaaaaaaa', 'exportbbbbbbbb', 'operatorviewaa']);
    expect(records[0]).toEqual([
      'exportaaaaaaaa', 'email', awkwardAddress, 'unsubscribed', 'Europe/Paris', '9', '1', '1', '0',
      '2026-01-02T03:04:05.000Z', '2026-01-02T03:05:05.000Z', '2026-02-01T00:00:00.000Z', `'${awkwardReason}`,
    ]);
    expect(records[1]!.slice(1, 4)).toEqual(['sms', "'+14155550123", 'active']);
    expect(records[1]![8]).toBe('4');
    expect(records[2]!.slice(10, 13)).toEqual(['', '', '']);
  });

  it('reads subscribers a page at a time and writes each exactly once', async () => {
    for (let i = 1; i <= 4; i++) await seedSubscriber({ id: `pagedaaaaaaaa${i}`, address: `p${i}@example.com`, createdAt: i * DAY });
    for (const pageSize of [1, 2, 5, 6]) {
      const text = await new Response(streamSubscriberCsv(openDatabase(env.DB), pageSize)).text();
      const ids = parseCsv(text).slice(1).map((record) => record[0]);
      expect(ids, `page size ${pageSize}`).toEqual(['operatorviewaa', 'pagedaaaaaaaa1', 'pagedaaaaaaaa2', 'pagedaaaaaaaa3', 'pagedaaaaaaaa4']);
    }
  });

  it('needs the admin token, and does not exist without ADMIN_TOKEN', async () => {
    const refused = await call('/admin/export.csv', { headers: { accept: 'application/json' } }, adminEnv);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await call('/admin/export.csv', { headers: bearer })).status).toBe(404);
  });
});

describe('GET /admin/preview', () => {
  it('renders Day 3 email through the real builder, filled, under a strict CSP', async () => {
    const response = await call('/admin/preview/email/3', { headers: bearer }, adminEnv);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox");
    const html = await response.text();
    const day = course.days[2]!;
    expect(html).toContain(escapeHtml(day.title));
    expect(html).toContain(escapeHtml(day.ours.prompt));
    expect(html).toContain('http://localhost:8787/day/3');
    expect(html).toContain('http://localhost:8787/u/preview-unsubscribe-token');
    expect(html).not.toContain('{{');
    expect(html).not.toMatch(/<script/i);
  });

  it('renders the confirmation, welcome and completion emails', async () => {
    const confirmation = await (await call('/admin/preview/email/confirmation', { headers: bearer }, adminEnv)).text();
    expect(confirmation).toContain('http://localhost:8787/confirm?token=preview-confirm-token');
    const welcome = await (await call('/admin/preview/email/0', { headers: bearer }, adminEnv)).text();
    expect(welcome).toMatch(/at 0?8:00/);
    const completion = await call('/admin/preview/email/31', { headers: bearer }, adminEnv);
    expect(completion.status).toBe(200);
    expect(await completion.text()).toContain('http://localhost:8787/journal/preview-journal-token');
  });

  it('shows Day 30 SMS text with its encoding and 2 GSM-7 segments', async () => {
    const response = await call('/admin/preview/sms/30', { headers: bearer }, adminEnv);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<pre id="sms-text">Day 30/30: ');
    expect(html).toContain('http://localhost:8787/day/30');
    expect(html).toContain('<dd id="sms-encoding">GSM-7</dd>');
    expect(html).toContain('<dd id="sms-segments">2</dd>');
  });

  it('shows the confirmation SMS with what the first SMS must say', async () => {
    const html = await (await call('/admin/preview/sms/confirmation', { headers: bearer }, adminEnv)).text();
    expect(html).toContain('Reply YES to confirm');
    expect(html).toContain('Reply HELP for help, STOP to cancel.');
    expect(html).toMatch(/<dd id="sms-segments">[12]<\/dd>/);
  });

  it('answers 404 for a day that is not a message, and 401/404 without access', async () => {
    for (const path of ['/admin/preview/email/32', '/admin/preview/email/03', '/admin/preview/sms/-1', '/admin/preview/sms/day3']) {
      const response = await call(path, { headers: bearer }, adminEnv);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('{{');
    }
    expect((await call('/admin/preview/email/3', {}, adminEnv)).status).toBe(401);
    expect((await call('/admin/preview/sms/3', { headers: bearer })).status).toBe(404);
  });
});

describe('POST /admin/login', () => {
  it('refuses a wrong token with 401 and the form again', async () => {
    const response = await login('not-the-token');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('That is not the admin token.');
  });

  it('signs in with the right token: 303 and a session cookie that opens /admin', async () => {
    const response = await login(TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^rt_admin=[^;]+; Max-Age=43200; Path=\/admin; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(TOKEN);

    const page = await call('/admin', { headers: { cookie: cookiePair(setCookie) } }, adminEnv);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('resend 503 application_error: down');
    expect((await call('/admin/preview/sms/3', { headers: { cookie: cookiePair(setCookie) } }, adminEnv)).status).toBe(200);
  });

  it('refuses a tampered cookie, and a cookie made for another ADMIN_TOKEN', async () => {
    const pair = cookiePair((await login(TOKEN)).headers.get('set-cookie') ?? '');
    const tampered = pair.replace(/.$/, (last) => (last === 'a' ? 'b' : 'a'));
    expect((await call('/admin', { headers: { cookie: tampered } }, adminEnv)).status).toBe(401);
    const rotated = envWith({ ADMIN_TOKEN: `${TOKEN}-rotated` });
    expect((await call('/admin', { headers: { cookie: pair } }, rotated)).status).toBe(401);
  });

  it('marks the cookie Secure with a __Secure- name when PUBLIC_URL is https, and returns to a safe admin path', async () => {
    const httpsEnv = envWith({ ADMIN_TOKEN: TOKEN, PUBLIC_URL: 'https://rebuild.example.com', TOKEN_SECRET: 'a-real-token-secret-of-at-least-32-chars' });
    const response = await login(TOKEN, httpsEnv, { next: '/admin/preview/sms/30' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/preview/sms/30');
    expect(response.headers.get('set-cookie')).toMatch(/^__Secure-rt_admin=[^;]+;.*; Secure; SameSite=Strict$/);
    const offsite = await login(TOKEN, httpsEnv, { next: '//evil.example/admin' });
    expect(offsite.headers.get('location')).toBe('/admin');
  });

  it('signs out: POST /admin/logout clears the cookie', async () => {
    const response = await call('/admin/logout', { method: 'POST', redirect: 'manual' }, adminEnv);
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/^rt_admin=; Max-Age=0; Path=\/admin/);
  });

  it('does not exist without ADMIN_TOKEN', async () => {
    const response = await login(TOKEN, envWith({}));
    expect(response.status).toBe(404);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});
