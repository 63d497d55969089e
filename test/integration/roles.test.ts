// A subscriber of each role gets the prompts that fit them: chosen at signup (default together), changed in the journal.
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultCourse as course } from '../../src/course/course';
import { practiceFor, promptFor } from '../../src/course/role-text';
import { ROLES, type Role } from '../../src/db/schema';
import { escapeHtml } from '../../src/messages/fill-template';
import { call, clearDatabase, postJson, rows, runTick } from '../support/worker-harness';

interface OutboxRow {
  subject: string;
  html: string;
  text: string;
}

const outboxFor = (address: string) => rows<OutboxRow>('SELECT subject, html, text FROM outbox WHERE to_address = ? ORDER BY id', address);

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern}`);
  return match[0];
}

/** Signs up by API (with `role` unless undefined), confirms, and returns the subscriber's row and journal path. */
async function subscribe(address: string, role: Role | undefined) {
  const response = await postJson('/api/subscribe', { email: address, timezone: 'America/Chicago', sendHour: 8, ...(role ? { role } : {}) });
  expect(response.status).toBe(202);
  const [confirmation] = await outboxFor(address);
  await call(linkIn(confirmation!.text, /\/confirm\?token=[a-z2-7.]+/));
  const [welcome] = (await outboxFor(address)).slice(1);
  const journal = linkIn(welcome!.text, /\/journal\/[a-z2-7]+\.[a-z2-7]+/);
  const [row] = await rows<{ id: string; role: Role; next_due_at: number }>('SELECT id, role, next_due_at FROM subscribers WHERE address = ?', address);
  return { ...row!, journal };
}

/** Runs ticks until the step for `day` reaches `address`, and returns that email. */
async function stepEmail(address: string, day: number): Promise<OutboxRow> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const found = (await outboxFor(address)).find((message) => message.subject.startsWith(`Day ${day} of 30`));
    if (found) return found;
    const [row] = await rows<{ next_due_at: number }>('SELECT next_due_at FROM subscribers WHERE address = ?', address);
    await runTick(row!.next_due_at);
  }
  throw new Error(`Day ${day} never arrived`);
}

beforeEach(clearDatabase);

describe('role at signup', () => {
  it('stores together when the signup names no role', async () => {
    const subscriber = await subscribe('plain@example.com', undefined);
    expect(subscriber.role).toBe('together');
  });

  it.each([['confessor'], [''], [3], [['was_hurt']]])('refuses role %j with 422 naming the field, storing nothing', async (role) => {
    const response = await postJson('/api/subscribe', { email: 'bad-role@example.com', role });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; field: string } };
    expect(body.error).toMatchObject({ code: 'invalid_field', field: 'role' });
    expect(await rows('SELECT id FROM subscribers')).toHaveLength(0);
  });

  for (const role of ROLES) {
    it(`sends a ${role} subscriber that role's practice and prompt, and links the day page for it`, async () => {
      const address = `${role}@example.com`;
      const subscriber = await subscribe(address, role);
      expect(subscriber.role).toBe(role);
      const day = course.days[0]!;
      const email = await stepEmail(address, 1);
      expect(email.html).toContain(escapeHtml(promptFor(day, role)));
      expect(email.html).toContain(escapeHtml(practiceFor(day, role)));
      expect(email.text).toContain(promptFor(day, role));
      for (const other of ROLES.filter((option) => option !== role)) expect(email.text).not.toContain(promptFor(day, other));
      expect(email.text).toContain(`/day/1?role=${role}`);
    });
  }
});

describe('POST /journal/:token/role', () => {
  it('changes the role, and the next step follows it', async () => {
    const subscriber = await subscribe('switch@example.com', 'broke_trust');
    const first = await stepEmail('switch@example.com', 1);
    expect(first.text).toContain(promptFor(course.days[0]!, 'broke_trust'));

    const response = await call(`${subscriber.journal}/role`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ role: 'was_hurt' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${subscriber.journal}?done=role`);
    const [row] = await rows<{ role: string }>('SELECT role FROM subscribers WHERE id = ?', subscriber.id);
    expect(row!.role).toBe('was_hurt');

    const second = await stepEmail('switch@example.com', 2);
    expect(second.text).toContain(promptFor(course.days[1]!, 'was_hurt'));
    expect(second.text).not.toContain(promptFor(course.days[1]!, 'broke_trust'));

    const page = await (await call(`${subscriber.journal}?done=role`)).text();
    expect(page).toMatch(/<input type="radio" name="role" value="was_hurt" checked/);
  });

  it('refuses an unknown role with 422 and keeps the old one', async () => {
    const subscriber = await subscribe('keep@example.com', 'together');
    const response = await call(`${subscriber.journal}/role`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'villain' }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('role');
    const [row] = await rows<{ role: string }>('SELECT role FROM subscribers WHERE id = ?', subscriber.id);
    expect(row!.role).toBe('together');
  });
});
