// The daily send's SQL: each call is one statement over a whole page or batch (json_each), whatever its size.
import type { Channel } from './schema';
import type { Role } from '../course/roles';

export interface LeasedSubscriber {
  id: string;
  channel: Channel;
}

/**
 * Takes up to `limit` subscribers due at `now` (status active, next_due_at <= now, not leased) and leases
 * them until `leaseUntil`, so overlapping ticks do not plan them twice. One indexed UPDATE ... RETURNING.
 */
export async function leaseDueSubscribers(d1: D1Database, now: number, leaseUntil: number, limit: number): Promise<LeasedSubscriber[]> {
  const { results } = await d1
    .prepare(
      `UPDATE subscribers SET lease_until = ?1
       WHERE id IN (SELECT id FROM subscribers INDEXED BY subscribers_due
                    WHERE status = 'active' AND next_due_at <= ?2 AND (lease_until IS NULL OR lease_until <= ?2)
                    ORDER BY next_due_at LIMIT ?3)
       RETURNING id, channel`,
    )
    .bind(leaseUntil, now, limit)
    .all<LeasedSubscriber>();
  return results;
}

export interface DueRow {
  id: string;
  channel: Channel;
  address: string;
  timezone: string;
  send_hour: number;
  role: Role;
  cycle: number;
  next_day: number;
  last_sent_at: number | null;
  course_id: string;
  next_due_at: number;
}

/**
 * The subscribers among `ids` that are still active and due at `now` (someone may have stopped meanwhile).
 * Driven from the id list through the primary key (CROSS JOIN fixes the order), never from the due index:
 * that would read every due row to return a hundred.
 */
export async function loadDueSubscribers(d1: D1Database, ids: string[], now: number): Promise<DueRow[]> {
  const { results } = await d1
    .prepare(
      `SELECT s.id, s.channel, s.address, s.timezone, s.send_hour, s.role, s.cycle, s.next_day, s.last_sent_at, s.course_id, s.next_due_at
       FROM json_each(?1) AS j CROSS JOIN subscribers AS s ON s.id = j.value
       WHERE s.status = 'active' AND s.next_due_at <= ?2`,
    )
    .bind(JSON.stringify(ids), now)
    .all<DueRow>();
  return results;
}

export interface ClaimRequest {
  id: string;
  cycle: number;
  day: number;
  channel: Channel;
}

export interface Claim extends ClaimRequest {
  attempts: number;
  /** The key of an earlier attempt whose answer never came, to be reused; null on a first attempt. */
  previous_key: string | null;
}

/**
 * Claims each (subscriber, cycle, day, channel) before sending: inserts the delivery as `sending`, or takes
 * over one waiting for a retry, or one left `sending` since before `staleBefore` (its worker died). A
 * delivery already sent, or being sent by a live worker, is not returned: that is the at-most-once promise.
 */
export async function claimDeliveries(d1: D1Database, requests: ClaimRequest[], now: number, staleBefore: number): Promise<Claim[]> {
  if (requests.length === 0) return [];
  const { results } = await d1
    .prepare(
      `INSERT INTO deliveries (subscriber_id, cycle, day, channel, status, attempts, claimed_at, updated_at)
       SELECT json_extract(value, '$.id'), json_extract(value, '$.cycle'), json_extract(value, '$.day'),
              json_extract(value, '$.channel'), 'sending', 1, ?2, ?2
       FROM json_each(?1) WHERE true
       ON CONFLICT (subscriber_id, cycle, day, channel) DO UPDATE
         SET status = 'sending', attempts = deliveries.attempts + 1, claimed_at = ?2, updated_at = ?2
         WHERE deliveries.status IN ('retry', 'failed') OR (deliveries.status = 'sending' AND deliveries.claimed_at <= ?3)
       RETURNING subscriber_id AS id, cycle, day, channel, attempts, idempotency_key AS previous_key`,
    )
    .bind(JSON.stringify(requests), now, staleBefore)
    .all<Claim>();
  return results;
}

/** Remembers which provider call carries each claimed delivery, before the call is made. */
export function noteIdempotencyKeys(d1: D1Database, keys: { id: string; cycle: number; day: number; key: string }[]): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE deliveries SET idempotency_key = json_extract(j.value, '$.key')
       FROM json_each(?1) AS j
       WHERE deliveries.subscriber_id = json_extract(j.value, '$.id') AND deliveries.cycle = json_extract(j.value, '$.cycle')
         AND deliveries.day = json_extract(j.value, '$.day')`,
    )
    .bind(JSON.stringify(keys));
}

export interface SentRecord {
  id: string;
  cycle: number;
  day: number;
  /** Null when the provider had accepted it under the same key earlier and did not say its id again. */
  providerId: string | null;
  /** The content version the message was composed from; the enrolment follows it from then on. */
  courseVersion: string;
  nextDay: number;
  nextDueAt: number | null;
  lastDaySent: number;
  lastSentAt: number | null;
  completed: boolean;
}

export interface FailedRecord {
  id: string;
  cycle: number;
  day: number;
  error: string;
  /** `retry`: try again after `retryAt`; `failed`: attempts used up, still retried after `retryAt`; `permanent`: suppress. */
  kind: 'retry' | 'failed' | 'permanent';
  retryAt: number;
  /** True when the provider never answered: the next attempt must reuse the same key and payload. */
  keepKey: boolean;
}

/**
 * The statements that record a batch's outcomes, to run together in one `d1.batch` (one transaction):
 * sent deliveries and the subscribers' next step; failed deliveries and their retry time or suppression.
 */
export function recordOutcomes(d1: D1Database, sent: SentRecord[], failed: FailedRecord[], now: number): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  if (sent.length > 0) {
    const json = JSON.stringify(sent);
    statements.push(
      d1
        .prepare(
          `UPDATE deliveries SET status = 'sent', provider_id = json_extract(j.value, '$.providerId'), sent_at = ?2,
             last_error = NULL, updated_at = ?2
           FROM json_each(?1) AS j
           WHERE deliveries.subscriber_id = json_extract(j.value, '$.id') AND deliveries.cycle = json_extract(j.value, '$.cycle')
             AND deliveries.day = json_extract(j.value, '$.day')`,
        )
        .bind(json, now),
      d1
        .prepare(
          `UPDATE subscribers SET next_day = json_extract(j.value, '$.nextDay'), next_due_at = json_extract(j.value, '$.nextDueAt'),
             last_day_sent = json_extract(j.value, '$.lastDaySent'), last_sent_at = json_extract(j.value, '$.lastSentAt'),
             lease_until = NULL, course_version = json_extract(j.value, '$.courseVersion'),
             status = CASE WHEN json_extract(j.value, '$.completed') AND subscribers.status = 'active' THEN 'completed' ELSE subscribers.status END,
             ended_at = CASE WHEN json_extract(j.value, '$.completed') THEN ?2 ELSE subscribers.ended_at END
           FROM json_each(?1) AS j
           WHERE subscribers.id = json_extract(j.value, '$.id') AND subscribers.cycle = json_extract(j.value, '$.cycle')
             AND subscribers.next_day = json_extract(j.value, '$.day')`,
        )
        .bind(json, now),
    );
  }
  if (failed.length > 0) {
    const json = JSON.stringify(failed);
    statements.push(
      d1
        .prepare(
          `UPDATE deliveries SET status = CASE json_extract(j.value, '$.kind') WHEN 'retry' THEN 'retry' ELSE 'failed' END,
             last_error = json_extract(j.value, '$.error'), updated_at = ?2,
             idempotency_key = CASE WHEN json_extract(j.value, '$.keepKey') THEN deliveries.idempotency_key ELSE NULL END
           FROM json_each(?1) AS j
           WHERE deliveries.subscriber_id = json_extract(j.value, '$.id') AND deliveries.cycle = json_extract(j.value, '$.cycle')
             AND deliveries.day = json_extract(j.value, '$.day')`,
        )
        .bind(json, now),
      d1
        .prepare(
          `UPDATE subscribers SET lease_until = json_extract(j.value, '$.retryAt'),
             status = CASE WHEN json_extract(j.value, '$.kind') = 'permanent' THEN 'suppressed' ELSE subscribers.status END,
             end_reason = CASE WHEN json_extract(j.value, '$.kind') = 'permanent' THEN json_extract(j.value, '$.error') ELSE subscribers.end_reason END,
             ended_at = CASE WHEN json_extract(j.value, '$.kind') = 'permanent' THEN ?2 ELSE subscribers.ended_at END
           FROM json_each(?1) AS j
           WHERE subscribers.id = json_extract(j.value, '$.id')`,
        )
        .bind(json, now),
    );
  }
  return statements;
}

/** The deliveries an earlier provider call carried (by its idempotency key), to rebuild exactly that call. */
export async function membersOfCall(d1: D1Database, key: string): Promise<{ id: string; cycle: number; day: number }[]> {
  const { results } = await d1
    .prepare('SELECT subscriber_id AS id, cycle, day FROM deliveries WHERE idempotency_key = ?1')
    .bind(key)
    .all<{ id: string; cycle: number; day: number }>();
  return results;
}

/** Leased subscribers this tick cannot fit into the providers' pace: left to the tick at `until`. */
export async function postponeLeases(d1: D1Database, ids: string[], until: number): Promise<void> {
  await d1
    .prepare('UPDATE subscribers SET lease_until = ?2 WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids), until)
    .run();
}

/** Subscribers whose daily SMS must wait for the quiet-hours window: due again at `until`. */
export function deferSubscribers(d1: D1Database, waits: { id: string; until: number }[]): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE subscribers SET next_due_at = json_extract(j.value, '$.until'), lease_until = NULL
       FROM json_each(?1) AS j WHERE subscribers.id = json_extract(j.value, '$.id')`,
    )
    .bind(JSON.stringify(waits));
}

/** Active subscribers by channel, zone and due instant, up to `until` (the backlog and the next day's send hours). */
export async function loadSendLoad(d1: D1Database, until: number): Promise<{ channel: Channel; timezone: string; dueAt: number; count: number }[]> {
  const { results } = await d1
    .prepare(
      `SELECT channel, timezone, next_due_at AS dueAt, count(*) AS count FROM subscribers INDEXED BY subscribers_due
       WHERE status = 'active' AND next_due_at <= ?1 GROUP BY channel, timezone, next_due_at`,
    )
    .bind(until)
    .all<{ channel: Channel; timezone: string; dueAt: number; count: number }>();
  return results;
}
