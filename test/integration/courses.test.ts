// Several courses through the real worker and D1: two at once per address, each on its own; Spanish end to end;
// unsubscribe one or all; a course edited under a running enrolment never resends a step.
import { beforeEach, describe, expect, it } from 'vitest';
import { findCourse } from '../../src/course/course';
import { call, clearDatabase, postJson, rows, runTick } from '../support/worker-harness';

interface OutboxRow {
  id: number;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  headers: string;
}

interface EnrolmentRow {
  id: string;
  course_id: string;
  course_version: string | null;
  status: string;
  next_day: number;
  last_day_sent: number;
}

const HOUR = 3_600_000;
const ORIGIN = 'http://localhost:8787';

async function outboxFor(address: string): Promise<OutboxRow[]> {
  return rows<OutboxRow>('SELECT * FROM outbox WHERE to_address = ? ORDER BY id', address);
}

async function enrolments(address: string): Promise<EnrolmentRow[]> {
  return rows<EnrolmentRow>('SELECT id, course_id, course_version, status, next_day, last_day_sent FROM subscribers WHERE address = ? ORDER BY course_id', address);
}

/** Signs `address` up for `course` and follows the newest confirmation link. */
async function enrol(address: string, course: string): Promise<void> {
  const response = await postJson('/api/subscribe', { email: address, timezone: 'America/New_York', sendHour: 8, course });
  expect(response.status).toBe(202);
  const confirmation = (await outboxFor(address)).at(-1)!;
  const link = /http:\/\/localhost:8787\/confirm\?token=[a-z2-7.]+/.exec(confirmation.text)?.[0];
  expect(link, confirmation.text).toBeDefined();
  expect((await call(link!.replace(ORIGIN, ''))).status).toBe(200);
}

/** Ticks every 3 hours for `days` days: each step still goes on its own local day, a little after 08:00. */
async function runTicks(days: number): Promise<void> {
  const start = Math.ceil(Date.now() / HOUR) * HOUR;
  for (let tick = start; tick < start + days * 24 * HOUR; tick += 3 * HOUR) await runTick(tick);
}

/** Room for a few hundred ticks on a busy machine. */
const LONG = 60_000;

beforeEach(clearDatabase);

describe('one address, two courses', () => {
  it('keeps two enrolments, each with its own days, length, completion and unsubscribe link', async () => {
    const address = 'two-courses@example.com';
    await enrol(address, 'rebuild-trust');
    await enrol(address, 'daily-check-ins');
    const before = await enrolments(address);
    expect(before.map((row) => row.course_id)).toEqual(['daily-check-ins', 'rebuild-trust']);
    expect(before.map((row) => row.course_version)).toEqual([findCourse('daily-check-ins')!.version, findCourse('rebuild-trust')!.version]);

    await runTicks(9);
    const subjects = (await outboxFor(address)).map((message) => message.subject);
    const checkIns = findCourse('daily-check-ins')!;
    for (const day of checkIns.days) expect(subjects).toContain(`Day ${day.day} of 7: ${day.title}`);
    expect(subjects).toContain('You have walked all 7 steps');
    expect(subjects.filter((subject) => / of 30: /.test(subject)).length).toBeGreaterThanOrEqual(8);
    expect(subjects).not.toContain('You have walked all 30 steps');

    const after = await enrolments(address);
    expect(after.map((row) => [row.course_id, row.status])).toEqual([['daily-check-ins', 'completed'], ['rebuild-trust', 'active']]);
    const headers = (await outboxFor(address)).map((message) => JSON.parse(message.headers || '{}') as Record<string, string>);
    const unsubscribeLinks = new Set(headers.map((each) => each['List-Unsubscribe']).filter((link) => link !== undefined));
    expect(unsubscribeLinks.size).toBe(2);
  }, LONG);

  it('stops one course by its link and leaves the other; the unsubscribe-all link stops both', async () => {
    const address = 'stop-one@example.com';
    await enrol(address, 'rebuild-trust');
    await enrol(address, 'daily-check-ins');
    const welcome = (await outboxFor(address)).find((message) => message.subject === 'Welcome to A week of small daily check-ins')!;
    const unsubscribePath = /\/u\/[a-z2-7.]+/.exec(welcome.text)![0];
    const page = await (await call(unsubscribePath)).text();
    expect(page).toContain('A week of small daily check-ins');
    expect(page).toContain(`action="${unsubscribePath}/all"`);

    expect((await call(unsubscribePath, { method: 'POST' })).status).toBe(200);
    expect((await enrolments(address)).map((row) => row.status)).toEqual(['unsubscribed', 'active']);

    expect((await call(`${unsubscribePath}/all`, { method: 'POST' })).status).toBe(200);
    expect((await enrolments(address)).map((row) => row.status)).toEqual(['unsubscribed', 'unsubscribed']);
    const sentBefore = (await outboxFor(address)).length;
    await runTicks(2);
    expect(await outboxFor(address)).toHaveLength(sentBefore);
  }, LONG);

  it('refuses a course that does not exist, naming the field', async () => {
    const response = await postJson('/api/subscribe', { email: 'x@example.com', course: 'no-such-course' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code: 'invalid_field', message: 'No course has that id.', field: 'course' } });
  });
});

describe('a course in Spanish', () => {
  it('runs end to end in Spanish, with lang="es" on every email and page', async () => {
    const address = 'espanol@example.com';
    await enrol(address, 'pequenos-encuentros');
    await runTicks(5);
    const sent = await outboxFor(address);
    expect(sent.map((message) => message.subject)).toEqual([
      'Confirma tu lugar en Tres días de pequeños encuentros',
      'Te damos la bienvenida a Tres días de pequeños encuentros',
      'Día 1 de 3: Elegir el momento',
      'Día 2 de 3: ¿Qué tal el día, de verdad?',
      'Día 3 de 3: Quedarse con lo que ayuda',
      'Has recorrido los 3 pasos',
    ]);
    for (const message of sent) expect(message.html).toMatch(/<html[^>]* lang="es"/);
    expect(sent[1]!.text).toMatch(/El día 1 llega (hoy|mañana|el .+) a las 8:00/);
    expect(sent[2]!.text).toContain('responde a este correo');
    expect(sent[2]!.text).toContain('/c/pequenos-encuentros/day/1');
    const page = await call('/c/pequenos-encuentros/day/2');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<html lang="es" dir="ltr">/);
    expect(html).toContain('Día 2 de 3');
  }, LONG);
});

describe('course pages', () => {
  it('lists the courses on the landing page and gives each its own page; the seed\u2019s routes keep working', async () => {
    const landing = await (await call('/')).text();
    expect(landing).toContain('href="/c/daily-check-ins"');
    expect(landing).toContain('href="/c/pequenos-encuentros"');
    const own = await call('/c/daily-check-ins');
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('name="course" value="daily-check-ins"');
    expect((await call('/day/30')).status).toBe(200);
    expect((await call('/day/31')).status).toBe(404);
    expect((await call('/c/daily-check-ins/day/7')).status).toBe(200);
    expect((await call('/c/daily-check-ins/day/8')).status).toBe(404);
    expect((await call('/c/no-such-course')).status).toBe(404);
  });
});

describe('a course edited under a running enrolment', () => {
  it('follows the edit from the next day, never resends a day, and closes when the course became shorter', async () => {
    const address = 'edited@example.com';
    await enrol(address, 'daily-check-ins');
    const [enrolment] = await enrolments(address);
    // As if the course had 10 days when this person reached Day 8, and was then cut to today's 7 (version "old").
    const now = Date.now();
    await rows(
      "UPDATE subscribers SET next_day = 9, last_day_sent = 8, last_sent_at = ?, course_version = 'old', next_due_at = ? WHERE id = ?",
      now - 24 * HOUR,
      now,
      enrolment!.id,
    );
    await rows(
      "INSERT INTO deliveries (subscriber_id, cycle, day, channel, status, attempts, claimed_at, sent_at, updated_at) SELECT ?, 1, value, 'email', 'sent', 1, ?, ?, ? FROM json_each('[1,2,3,4,5,6,7,8]')",
      enrolment!.id,
      now - 24 * HOUR,
      now - 24 * HOUR,
      now - 24 * HOUR,
    );
    const sentBefore = (await outboxFor(address)).length;
    await runTicks(3);
    const after = (await outboxFor(address)).slice(sentBefore).map((message) => message.subject);
    expect(after).toEqual(['You have walked all 7 steps']);
    const [done] = await enrolments(address);
    expect(done).toMatchObject({ status: 'completed', course_version: findCourse('daily-check-ins')!.version });
    const days = await rows<{ day: number }>('SELECT day FROM deliveries WHERE subscriber_id = ? ORDER BY day', enrolment!.id);
    expect(days.map((row) => row.day)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }, LONG);
});
