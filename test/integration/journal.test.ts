// The private journal through the real worker and D1: view, pause/resume, restart, settings, exports, delete, bad links.
import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config';
import { defaultCourse as course } from '../../src/course/course';
import { keepReflection } from '../../src/inbound/reflections/keep-reflection';
import { buildServices } from '../../src/services';
import { nextSendAt } from '../../src/schedule/due';
import { localDateKey, toLocal } from '../../src/schedule/local-time';
import { signToken } from '../../src/security/tokens';
import { call, clearDatabase, postJson, rows, runTick } from '../support/worker-harness';

const HOUR = 3_600_000;
const ZONE = 'America/New_York';
const SUPPORT_NUMBER = '1-800-799-7233';

interface SubscriberRow {
  id: string;
  status: string;
  cycle: number;
  next_day: number;
  next_due_at: number | null;
  lease_until: number | null;
  last_day_sent: number;
  last_sent_at: number | null;
  timezone: string;
  send_hour: number;
}

async function subscriberRow(id: string): Promise<SubscriberRow | undefined> {
  const [row] = await rows<SubscriberRow>('SELECT * FROM subscribers WHERE id = ?', id);
  return row;
}

async function subjectsTo(address: string): Promise<string[]> {
  return (await rows<{ subject: string }>('SELECT subject FROM outbox WHERE to_address = ? ORDER BY id', address)).map((row) => row.subject);
}

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${text}`);
  return match[0];
}

/** Signs up and confirms through the real routes; returns the subscriber and the journal path from the welcome email's footer. */
async function signUpWithJournal(address: string) {
  expect((await postJson('/api/subscribe', { email: address, timezone: ZONE, sendHour: 8 })).status).toBe(202);
  const [confirmation] = await rows<{ text: string }>('SELECT text FROM outbox WHERE to_address = ? ORDER BY id', address);
  expect((await call(linkIn(confirmation!.text, /\/confirm\?token=[a-z2-7.]+/))).status).toBe(200);
  const [welcome] = await rows<{ text: string; html: string }>("SELECT text, html FROM outbox WHERE to_address = ? AND subject LIKE 'Welcome%'", address);
  const journal = linkIn(welcome!.text, /\/journal\/[a-z2-7]+\.[a-z2-7]+/);
  expect(welcome!.html).toContain(journal);
  const [row] = await rows<{ id: string }>('SELECT id FROM subscribers WHERE address = ?', address);
  return { id: row!.id, journal };
}

function postForm(path: string, fields: Record<string, string> = {}): Promise<Response> {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields),
  });
}

/** Keeps a reply through the same pipeline the webhooks use. */
async function reflect(subscriberId: string, text: string, sourceId: string) {
  const kept = await keepReflection(buildServices(env as Env), { subscriberId, channel: 'email', text, sourceId, now: Date.now() });
  expect(kept.kept).toBe(true);
  return kept;
}

const decodeEntities = (text: string) =>
  text.replace(/&(?:#(\d+)|(amp|lt|gt|quot));/g, (_, code: string | undefined, name: string | undefined) =>
    code ? String.fromCodePoint(Number(code)) : { amp: '&', lt: '<', gt: '>', quot: '"' }[name!]!,
  );

/** The text of every element matching `selector` (descendants included), read with the runtime's HTML parser. */
/** The `value` attribute of every element matching `selector`. */
async function valuesOf(html: string, selector: string): Promise<string[]> {
  const found: string[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        found.push(element.getAttribute('value') ?? '');
      },
    })
    .transform(new Response(html))
    .text();
  return found;
}

async function textsOf(html: string, selector: string): Promise<string[]> {
  const found: string[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element() {
        found.push('');
      },
      text(chunk) {
        if (found.length > 0) found[found.length - 1] += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  return found.map((text) => decodeEntities(text).replace(/\s+/g, ' ').trim());
}

/** The href, style and text of every element that `selector` matches. */
async function attributesOf(html: string, selector: string): Promise<{ href: string | null; style: string | null; text: string }[]> {
  const found: { href: string | null; style: string | null; text: string }[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        found.push({ href: element.getAttribute('href'), style: element.getAttribute('style'), text: '' });
      },
      text(chunk) {
        const last = found[found.length - 1];
        if (last) last.text += chunk.text;
      },
    })
    .transform(new Response(html))
    .text();
  return found;
}

beforeEach(clearDatabase);

describe('GET /journal/:token', () => {
  it('shows progress, each reflection under its step with the date, and the support line beside a worrying one', async () => {
    const { id, journal } = await signUpWithJournal('view@example.com');
    const [subscriber] = await rows<{ next_due_at: number }>('SELECT next_due_at FROM subscribers WHERE id = ?', id);
    await runTick(subscriber!.next_due_at);
    await reflect(id, 'Today I said sorry and meant it.', 'src-view-1');
    const flagged = await reflect(id, 'He threatened me when I said it.', 'src-view-2');
    expect(flagged).toMatchObject({ flagged: true });

    const response = await call(journal);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(await textsOf(html, 'h1')).toEqual(['Your journal']);
    expect(await textsOf(html, '#progress-label')).toEqual(['1 of 30 steps received']);
    expect(html).toMatch(/role="progressbar" aria-labelledby="progress-label" aria-valuemin="0" aria-valuemax="30" aria-valuenow="1"/);
    expect(await textsOf(html, '[role="status"]')).toEqual(['']);

    const [dayOne] = await textsOf(html, 'ol.steps > li[value="1"]');
    const sentOn = localDateKey(subscriber!.next_due_at, ZONE);
    const [year, month, day] = sentOn.split('-').map(Number);
    const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, 1));
    expect(dayOne).toContain('Day 1: Acknowledge that trust was broken');
    expect(dayOne).toContain(`Received ${day} ${monthName} ${year}`);
    expect(dayOne).toContain('Today I said sorry and meant it.');
    expect(dayOne).toContain('He threatened me when I said it.');
    const reflections = await textsOf(html, '.reflections > figure');
    expect(reflections).toHaveLength(2);
    expect(await textsOf(html, '.reflections > figure > blockquote')).toEqual([expect.stringMatching(/^Today I said sorry/), expect.stringMatching(/^He threatened me/)]);
    expect(reflections[0]).toMatch(/Today I said sorry[\s\S]*You wrote, \d{1,2} \w+ \d{4} at \d\d:\d\d, by email/);
    expect(reflections[0]).not.toContain('800');
    expect(reflections[1]).toContain(SUPPORT_NUMBER.replace(/-/g, '\u2011'));
    const [supportLink] = await attributesOf(html, '.reflections .safety a[href^="tel:"]');
    expect(supportLink).toEqual({ href: 'tel:+18007997233', style: 'white-space:nowrap', text: '1\u2011800\u2011799\u20117233' });
    expect((await textsOf(html, 'ol.steps > li[value="2"]'))[0]).toMatch(/^Day 2: Take full responsibility without excuses\s*Next$/);
    // Later steps are listed once under "Still to come", with no "(Not yet)" on each.
    expect(await textsOf(html, 'ol.steps.upcoming > li[value="3"]')).toEqual([course.days[2]!.title]);
    expect(html).not.toContain('Not yet');

    for (const action of ['pause', 'restart', 'settings']) expect(html).toContain(`<form method="post" action="${journal}/${action}"`);
    expect(html).not.toContain(`${journal}/resume`);
    expect(html).toContain(`href="${journal}/export.md"`);
    expect(html).toContain(`href="${journal}/export.json"`);
    expect(html).toContain(`href="${journal}/delete"`);
  });

  it('answers a tampered, foreign-purpose or malformed token with the 404 page on every route, never a 500', async () => {
    const { id, journal } = await signUpWithJournal('tamper@example.com');
    const token = journal.slice('/journal/'.length);
    const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    const unsubscribeToken = await signToken(readConfig(env as Env).tokenSecret, 'unsubscribe', id);
    for (const bad of [tampered, unsubscribeToken, 'garbage', `${token}x`]) {
      for (const suffix of ['', '/export.md', '/export.json', '/delete']) {
        const response = await call(`/journal/${bad}${suffix}`);
        expect(response.status, `GET ${suffix}`).toBe(404);
        expect(await response.text()).toMatch(/isn(&#39;|')t valid/);
      }
      for (const action of ['pause', 'resume', 'restart', 'settings', 'delete']) {
        const response = await postForm(`/journal/${bad}/${action}`, { round: '1', sendHour: '9', timezone: 'UTC', confirm: 'delete' });
        expect(response.status, `POST ${action}`).toBe(404);
      }
    }
    expect((await subscriberRow(id))!.status).toBe('active');
    expect(await rows('SELECT id FROM consents WHERE subscriber_id = ?', id)).toHaveLength(2);
  });
});

describe('pause and resume', () => {
  it('pauses at once (even while a tick holds a lease), sends nothing while paused, and resumes at the next send hour', async () => {
    const { id, journal } = await signUpWithJournal('pause@example.com');
    const due = (await subscriberRow(id))!.next_due_at!;
    await env.DB.prepare('UPDATE subscribers SET lease_until = ? WHERE id = ?').bind(Date.now() + 30 * 60_000, id).run();

    const paused = await postForm(`${journal}/pause`);
    expect(paused.status).toBe(303);
    expect(paused.headers.get('location')).toBe(`${journal}?done=paused`);
    expect(await subscriberRow(id)).toMatchObject({ status: 'paused', next_due_at: null, lease_until: null });
    const page = await (await call(`${journal}?done=paused`)).text();
    expect(await textsOf(page, '[role="status"]')).toEqual(['Your course is paused. Nothing will be sent until you resume it.']);
    expect(page).toContain(`action="${journal}/resume"`);
    expect(page).not.toContain(`action="${journal}/pause"`);

    for (let tick = due; tick < due + 3 * 24 * HOUR; tick += 6 * HOUR) await runTick(tick);
    expect(await subjectsTo('pause@example.com')).toEqual([expect.stringMatching(/confirm/i), expect.stringMatching(/^Welcome/)]);
    expect((await postForm(`${journal}/pause`)).status).toBe(303);

    const before = Date.now();
    const resumed = await postForm(`${journal}/resume`);
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toBe(`${journal}?done=resumed`);
    const row = (await subscriberRow(id))!;
    expect(row).toMatchObject({ status: 'active', next_day: 1, lease_until: null });
    expect([nextSendAt({ timezone: ZONE, sendHour: 8, lastStepSentAt: null }, before), nextSendAt({ timezone: ZONE, sendHour: 8, lastStepSentAt: null }, Date.now())]).toContain(row.next_due_at);
    expect(toLocal(row.next_due_at!, ZONE)).toMatchObject({ hour: 8, minute: 0 });

    await runTick(row.next_due_at! - 15 * 60_000);
    expect(await subjectsTo('pause@example.com')).toHaveLength(2);
    await runTick(row.next_due_at!);
    await runTick(row.next_due_at!);
    expect(await subjectsTo('pause@example.com')).toEqual([expect.stringMatching(/confirm/i), expect.stringMatching(/^Welcome/), expect.stringMatching(/^Day 1 of 30/)]);
  });
});

describe('restart', () => {
  it('starts a new round at Day 1 without a second welcome, sends Day 1 once, and keeps the earlier reflections', async () => {
    const address = 'restart@example.com';
    const { id, journal } = await signUpWithJournal(address);
    const dayOneAt = (await subscriberRow(id))!.next_due_at!;
    await runTick(dayOneAt);
    await reflect(id, 'First round, first step.', 'src-restart-1');
    await runTick(dayOneAt + 24 * HOUR);
    const dayTwoAt = (await subscriberRow(id))!.last_sent_at!;

    const restarted = await postForm(`${journal}/restart`, { round: '1' });
    expect(restarted.status).toBe(303);
    expect(restarted.headers.get('location')).toBe(`${journal}?done=restarted`);
    const again = await postForm(`${journal}/restart`, { round: '1' });
    expect(again.status).toBe(303);
    const row = (await subscriberRow(id))!;
    expect(row).toMatchObject({ status: 'active', cycle: 2, next_day: 1, last_day_sent: 0, last_sent_at: null, lease_until: null });
    expect(toLocal(row.next_due_at!, ZONE)).toMatchObject({ hour: 8, minute: 0 });
    expect(localDateKey(row.next_due_at!, ZONE) > localDateKey(dayTwoAt, ZONE)).toBe(true);

    await Promise.all([runTick(row.next_due_at!), runTick(row.next_due_at!)]);
    await runTick(row.next_due_at! + HOUR);
    const subjects = await subjectsTo(address);
    expect(subjects.filter((subject) => /^Welcome/.test(subject))).toHaveLength(1);
    expect(subjects.filter((subject) => /^Day 1 of 30/.test(subject))).toHaveLength(2);
    expect(subjects.at(-1)).toMatch(/^Day 1 of 30/);
    expect(await rows('SELECT cycle, day FROM deliveries WHERE subscriber_id = ? AND day = 1 ORDER BY cycle', id)).toEqual([
      { cycle: 1, day: 1 },
      { cycle: 2, day: 1 },
    ]);

    const html = await (await call(journal)).text();
    expect(await textsOf(html, '#progress-label')).toEqual(['1 of 30 steps received']);
    const [earlier] = await textsOf(html, 'section[aria-labelledby="earlier-heading"]');
    expect(earlier).toContain('Round 1');
    expect(earlier).toContain('First round, first step.');
    expect(html).toContain('<input type="hidden" name="round" value="2"');
  });

  it('restarts a finished course, and refuses to restart someone who left', async () => {
    const { id, journal } = await signUpWithJournal('finished@example.com');
    await env.DB.prepare("UPDATE subscribers SET status = 'completed', next_day = 32, next_due_at = NULL, last_day_sent = 30, last_sent_at = ? WHERE id = ?")
      .bind(Date.now() - 2 * 24 * HOUR, id)
      .run();
    expect((await postForm(`${journal}/restart`, { round: '1' })).status).toBe(303);
    expect(await subscriberRow(id)).toMatchObject({ status: 'active', cycle: 2, next_day: 1 });

    const other = await signUpWithJournal('gone@example.com');
    await env.DB.prepare("UPDATE subscribers SET status = 'unsubscribed', next_due_at = NULL WHERE id = ?").bind(other.id).run();
    const refused = await postForm(`${other.journal}/restart`, { round: '1' });
    expect(refused.status).toBe(409);
    expect(await textsOf(await refused.text(), '[role="status"]')).toEqual([expect.stringMatching(/isn't available/)]);
    expect(await subscriberRow(other.id)).toMatchObject({ status: 'unsubscribed', cycle: 1 });
  });
});

describe('settings', () => {
  it('changes the send hour and time zone and reschedules the next step in the new rhythm', async () => {
    const { id, journal } = await signUpWithJournal('settings@example.com');
    const before = Date.now();
    const saved = await postForm(`${journal}/settings`, { sendHour: '20', timezone: 'Asia/Tokyo' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${journal}?done=settings`);
    const row = (await subscriberRow(id))!;
    expect(row).toMatchObject({ timezone: 'Asia/Tokyo', send_hour: 20, status: 'active' });
    expect(toLocal(row.next_due_at!, 'Asia/Tokyo')).toMatchObject({ hour: 20, minute: 0 });
    expect(row.next_due_at! - before).toBeLessThanOrEqual(24 * HOUR);
    const page = await (await call(`${journal}?done=settings`)).text();
    expect(page).toMatch(/<option value="20" selected="">20:00<\/option>/);
    expect(page).toMatch(/<option value="Asia\/Tokyo" selected="">Asia\/Tokyo<\/option>/);
  });

  it('refuses an impossible hour or zone with 422, the error beside the field, and changes nothing', async () => {
    const { id, journal } = await signUpWithJournal('badsettings@example.com');
    const before = await subscriberRow(id);
    for (const [fields, field] of [
      [{ sendHour: '24', timezone: 'UTC' }, 'sendHour'],
      [{ sendHour: '7', timezone: 'Mars/Olympus' }, 'timezone'],
    ] as const) {
      const response = await postForm(`${journal}/settings`, fields);
      expect(response.status).toBe(422);
      const html = await response.text();
      expect((await textsOf(html, `#${field}-error`))[0]!.length).toBeGreaterThan(10);
      expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    }
    expect(await subscriberRow(id)).toEqual(before);
  });

  it('keeps a text-message subscriber inside the 9:00-19:00 window', async () => {
    const secret = readConfig(env as Env).tokenSecret;
    await env.DB.prepare(
      "INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, next_day, next_due_at, created_at) VALUES ('smsjournalab', 'sms', '+15555550123', 'active', 'America/Chicago', 10, 1, ?1, ?1)",
    )
      .bind(Date.now() + HOUR)
      .run();
    const journal = `/journal/${await signToken(secret, 'journal', 'smsjournalab')}`;
    const page = await (await call(journal)).text();
    expect((await valuesOf(page, '#sendHour option')).map(Number)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const refused = await postForm(`${journal}/settings`, { sendHour: '8', timezone: 'America/Chicago' });
    expect(refused.status).toBe(422);
    expect((await textsOf(await refused.text(), '#sendHour-error'))[0]).toMatch(/between 9:00 and 19:00/);
    expect((await postForm(`${journal}/settings`, { sendHour: '19', timezone: 'America/Denver' })).status).toBe(303);
    expect(await subscriberRow('smsjournalab')).toMatchObject({ send_hour: 19, timezone: 'America/Denver' });
  });
});

describe('exports', () => {
  it('downloads everything as Markdown and JSON attachments, reflections included, no tokens or ids', async () => {
    const { id, journal } = await signUpWithJournal('export@example.com');
    await runTick((await subscriberRow(id))!.next_due_at!);
    await reflect(id, 'Writing this down helps.\nA second line.', 'src-export-1');

    const markdown = await call(`${journal}/export.md`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers.get('content-disposition')).toMatch(/^attachment; filename="rebuild-trust-journal-\d{4}-\d\d-\d\d\.md"$/);
    const text = await markdown.text();
    expect(text).toContain('### Day 1: Acknowledge that trust was broken');
    expect(text).toContain('> Writing this down helps.\n> A second line.');
    expect(text).toContain('export@example.com');

    const json = await call(`${journal}/export.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="rebuild-trust-journal-\d{4}-\d\d-\d\d\.json"$/);
    const raw = await json.text();
    const data = JSON.parse(raw) as { subscriber: Record<string, unknown>; consents: unknown[]; deliveries: { day: number }[]; reflections: { text: string; day: number }[] };
    expect(data.subscriber).toMatchObject({ channel: 'email', address: 'export@example.com', status: 'active', timezone: ZONE, sendHour: 8 });
    expect(data.consents).toHaveLength(2);
    expect(data.deliveries.map((delivery) => delivery.day)).toEqual([0, 1]);
    expect(data.reflections).toEqual([expect.objectContaining({ day: 1, text: 'Writing this down helps.\nA second line.' })]);
    const token = journal.slice('/journal/'.length);
    for (const secret of [id, token, token.split('.')[1]!, 'src-export-1']) {
      expect(raw).not.toContain(secret);
      expect(text).not.toContain(secret);
    }
  });
});

describe('delete', () => {
  it('asks first, then removes the subscriber, deliveries, reflections, consents and outbox rows, leaving others alone', async () => {
    const { id, journal } = await signUpWithJournal('delete@example.com');
    const other = await signUpWithJournal('stay@example.com');
    await runTick((await subscriberRow(id))!.next_due_at!);
    await reflect(id, 'Please forget this.', 'src-delete-1');
    await reflect(other.id, 'Keep mine.', 'src-delete-2');
    const othersMessages = await subjectsTo('stay@example.com');
    expect(othersMessages.length).toBeGreaterThan(0);

    const confirmPage = await call(`${journal}/delete`);
    expect(confirmPage.status).toBe(200);
    const confirmHtml = await confirmPage.text();
    expect(confirmHtml).toContain(`<form method="post" action="${journal}/delete"`);
    expect(confirmHtml).toContain('1 reflection');
    expect(await rows('SELECT id FROM subscribers WHERE id = ?', id)).toHaveLength(1);

    const unconfirmed = await postForm(`${journal}/delete`);
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.get('location')).toBe(`${journal}/delete`);
    expect(await rows('SELECT id FROM subscribers WHERE id = ?', id)).toHaveLength(1);

    const deleted = await postForm(`${journal}/delete`, { confirm: 'delete' });
    expect(deleted.status).toBe(200);
    expect(await textsOf(await deleted.text(), 'h1')).toEqual(['Everything is deleted']);
    for (const table of ['deliveries', 'reflections', 'consents']) {
      expect(await rows(`SELECT * FROM ${table} WHERE subscriber_id = ?`, id), table).toHaveLength(0);
      expect(await rows(`SELECT * FROM ${table} WHERE subscriber_id = ?`, other.id), table).not.toHaveLength(0);
    }
    expect(await rows('SELECT * FROM subscribers WHERE id = ?', id)).toHaveLength(0);
    expect(await rows("SELECT * FROM outbox WHERE to_address = 'delete@example.com'")).toHaveLength(0);
    expect(await subjectsTo('stay@example.com')).toEqual(othersMessages);

    for (const path of [journal, `${journal}/export.json`, `${journal}/delete`]) expect((await call(path)).status).toBe(404);
    expect((await postForm(`${journal}/pause`)).status).toBe(404);
    await runTick(Date.now() + 2 * 24 * HOUR);
    expect(await rows("SELECT * FROM outbox WHERE to_address = 'delete@example.com'")).toHaveLength(0);
  });
});

describe('after leaving', () => {
  it('says so and offers only export and delete', async () => {
    const { journal } = await signUpWithJournal('left@example.com');
    const [welcome] = await rows<{ text: string }>("SELECT text FROM outbox WHERE to_address = 'left@example.com' AND subject LIKE 'Welcome%'");
    expect((await call(linkIn(welcome!.text, /\/u\/[a-z2-7]+\.[a-z2-7]+/), { method: 'POST' })).status).toBe(200);
    const html = await (await call(journal)).text();
    expect((await textsOf(html, 'p.lead'))[0]).toMatch(/^You unsubscribed on .*, so nothing more will be sent\./);
    // The only form left is the way back, which asks for a new confirmation.
    expect([...html.matchAll(/<form[^>]*action="([^"]*)"/g)].map((match) => match[1])).toEqual(['/api/subscribe']);
    expect(html).toContain(`href="${journal}/export.md"`);
    expect(html).toContain(`href="${journal}/delete"`);
    expect((await postForm(`${journal}/pause`)).status).toBe(409);
    expect((await postForm(`${journal}/settings`, { sendHour: '9', timezone: 'UTC' })).status).toBe(409);
  });
});
