// The daily send under faults: a provider failing 20% of calls and dropping answers, and a tick that dies halfway.
import { createExecutionContext, createMessageBatch, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import type { DispatchMessage } from '../../src/dispatch/plan';
import { nextSendAt } from '../../src/schedule/due';
import { localDateKey } from '../../src/schedule/local-time';
import { clearDatabase, envWith, recordingQueue, rows, runTick } from '../support/worker-harness';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC', 'Europe/Berlin'];

interface StandInEmail {
  to: string[];
  subject: string;
  idempotency_key: string | null;
}

const faultyUrl = () => env.FAULTY_RESEND_STAND_IN_URL!;
// Pace is not what these tests are about: a limit far above what they send keeps them quick.
const faultyEnv = () =>
  envWith({ RESEND_API_KEY: 're_faults', RESEND_BASE_URL: faultyUrl(), TOKEN_SECRET: 'fault-test-token-secret-0123456789abcdef', RESEND_RATE_LIMIT: '1000' });

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${faultyUrl()}/__control/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

async function acceptedEmails(): Promise<StandInEmail[]> {
  const body = (await control('messages?content=false')) as StandInEmail[] | { messages: StandInEmail[] };
  return Array.isArray(body) ? body : body.messages;
}

/** Seeds active subscribers whose Day `firstDay` is due at their first send hour after `start`. */
async function seedSubscribers(count: number, start: number, prefix: string, firstDay = 1): Promise<{ id: string; address: string; timezone: string }[]> {
  const people = Array.from({ length: count }, (_, index) => {
    const timezone = ZONES[index % ZONES.length]!;
    const sendHour = (index * 7) % 24;
    return {
      id: `${prefix}${String(index).padStart(6, '0')}`,
      address: `${prefix}${index}@example.com`,
      timezone,
      send_hour: sendHour,
      next_due_at: nextSendAt({ timezone, sendHour, lastStepSentAt: null }, start),
    };
  });
  for (let offset = 0; offset < people.length; offset += 500) {
    await env.DB.prepare(
      `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, next_due_at, created_at, confirmed_at)
       SELECT json_extract(value, '$.id'), 'email', json_extract(value, '$.address'), 'active', json_extract(value, '$.timezone'),
              json_extract(value, '$.send_hour'), 1, ?2, json_extract(value, '$.next_due_at'), ?3, ?3
       FROM json_each(?1)`,
    )
      .bind(JSON.stringify(people.slice(offset, offset + 500)), firstDay, start)
      .run();
  }
  return people;
}

beforeAll(async () => {
  await control('reset', {});
  // Thousands of ticks each log a line; keep the test output to the summary.
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());
beforeEach(clearDatabase);

describe('delivery under provider faults', () => {
  it('gives 1,000 subscribers every step exactly once, in order, never two on one local day, over 30 simulated days', async () => {
    await control('faults', { failRate: 0.2, statuses: [429, 500, 503], dropAfterAcceptRate: 0.05, seed: 20261125, retryAfterSeconds: 1 });
    const start = Date.parse('2026-03-01T00:00:00Z');
    const people = await seedSubscribers(1000, start, 'f');
    for (let tick = start; tick <= start + 32 * DAY; tick += 15 * MINUTE) await runTick(tick, faultyEnv());
    const stats = (await control('stats')) as { injectedFailures: number; dropped: number; replayed: number; total: number };
    await control('faults', {});

    const daysByAddress = new Map<string, number[]>();
    for (const email of await acceptedEmails()) {
      const match = /^Day (\d+) of 30/.exec(email.subject);
      if (!match) continue;
      const list = daysByAddress.get(email.to[0]!) ?? [];
      list.push(Number(match[1]));
      daysByAddress.set(email.to[0]!, list);
    }
    const everyDay = Array.from({ length: 30 }, (_, index) => index + 1);
    const wrong = people.filter((person) => JSON.stringify(daysByAddress.get(person.address)) !== JSON.stringify(everyDay));
    expect(wrong.map((person) => [person.address, daysByAddress.get(person.address)])).toEqual([]);

    const sent = await rows<{ subscriber_id: string; day: number; sent_at: number }>(
      "SELECT subscriber_id, day, sent_at FROM deliveries WHERE status = 'sent' AND day BETWEEN 1 AND 30 ORDER BY subscriber_id, day",
    );
    expect(sent).toHaveLength(30_000);
    const zoneOf = new Map(people.map((person) => [person.id, person.timezone]));
    let sameDay = 0;
    for (let index = 1; index < sent.length; index++) {
      const [previous, current] = [sent[index - 1]!, sent[index]!];
      if (previous.subscriber_id !== current.subscriber_id) continue;
      const zone = zoneOf.get(current.subscriber_id)!;
      if (localDateKey(current.sent_at, zone) <= localDateKey(previous.sent_at, zone)) sameDay++;
    }
    expect(sameDay).toBe(0);
    console.info(
      `faults: ${stats.total} provider calls, ${stats.injectedFailures} failed on purpose, ${stats.dropped} answers dropped after accepting, ` +
        `${stats.replayed} idempotent replays; ${sent.length} steps sent to ${people.length} subscribers, 0 doubled, 0 missing`,
    );
  }, 600_000);
});

/** A D1 binding that fails like a dying worker once `shouldDie` matches a batch, after the provider was called. */
function dyingD1(d1: D1Database, shouldDie: (sql: string) => boolean): { d1: D1Database; died: () => boolean } {
  let died = false;
  const wrapped = Object.create(d1) as D1Database;
  wrapped.prepare = (query: string) => d1.prepare(query);
  wrapped.batch = async <T>(statements: D1PreparedStatement[]) => {
    const sqlOf = (statement: D1PreparedStatement) => String((statement as unknown as { statement?: string }).statement ?? '');
    if (!died && statements.some((statement) => shouldDie(sqlOf(statement)))) {
      died = true;
      throw new Error('worker killed (test)');
    }
    return d1.batch<T>(statements);
  };
  return { d1: wrapped, died: () => died };
}

describe('a tick killed halfway', () => {
  it('resumes on later ticks without loss or doubles', async () => {
    const start = Date.parse('2026-06-10T00:00:00Z');
    const people = await seedSubscribers(300, start, 'k', 5);
    const firstDue = (await rows<{ t: number }>('SELECT min(next_due_at) AS t FROM subscribers'))[0]!.t;

    // The tick plans, then the worker dies: one queue message dies after the provider accepted (before recording),
    // and the rest of the queue is lost with it.
    const { messages, queue } = recordingQueue();
    const dying = dyingD1(env.DB, (sql) => sql.includes("SET status = 'sent'"));
    const tickEnv = { ...faultyEnv(), DELIVERY_QUEUE: queue } as Env;
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: firstDue, cron: '*/15 * * * *' }), tickEnv, ctx);
    await waitOnExecutionContext(ctx);
    expect(messages.length).toBeGreaterThan(0);
    const batch = createMessageBatch<DispatchMessage>('rebuild-trust-delivery', [
      { id: 'killed', timestamp: new Date(firstDue), attempts: 1, body: messages[0]! },
    ]);
    await worker.queue(batch, { ...tickEnv, DB: dying.d1 } as Env, createExecutionContext());
    expect(dying.died()).toBe(true);
    const inFlight = await rows<{ n: number }>("SELECT count(*) AS n FROM deliveries WHERE status = 'sending'");
    expect(inFlight[0]!.n).toBeGreaterThan(0);

    for (let tick = firstDue + 15 * MINUTE; tick <= start + 2 * DAY; tick += 15 * MINUTE) await runTick(tick, faultyEnv());

    const counts = new Map<string, number>();
    for (const email of await acceptedEmails()) {
      if (email.subject.startsWith('Day 5 of 30') && email.to[0]!.startsWith('k')) counts.set(email.to[0]!, (counts.get(email.to[0]!) ?? 0) + 1);
    }
    expect(people.filter((person) => counts.get(person.address) !== 1).map((person) => [person.address, counts.get(person.address) ?? 0])).toEqual([]);
    const unsent = await rows<{ n: number }>("SELECT count(*) AS n FROM deliveries WHERE day = 5 AND status != 'sent'");
    expect(unsent[0]!.n).toBe(0);
  }, 300_000);
});
