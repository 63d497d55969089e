// The journal's queries: everything kept about one subscriber, their self-service changes, and deleting it all.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ReflectionCipher } from '../security/reflection-cipher';
import type { Database } from './client';
import { openReflection } from './reflections';
import { consents, deliveries, outbox, reflections, subscribers, type Delivery, type Reflection, type Role, type Subscriber, type SubscriberStatus } from './schema';

export type Consent = typeof consents.$inferSelect;

/** Everything stored about one subscriber, each list oldest first. */
export interface JournalRecord {
  subscriber: Subscriber;
  consents: Consent[];
  deliveries: Delivery[];
  reflections: Reflection[];
}

/**
 * The subscriber with their consents, deliveries and reflections (decrypted: the journal is where they are shown),
 * read in one round trip; undefined when unknown.
 */
export async function loadJournalRecord(db: Database, cipher: ReflectionCipher, subscriberId: string): Promise<JournalRecord | undefined> {
  const [found, consentRows, deliveryRows, reflectionRows] = await db.batch([
    db.select().from(subscribers).where(eq(subscribers.id, subscriberId)),
    db.select().from(consents).where(eq(consents.subscriber_id, subscriberId)).orderBy(asc(consents.consented_at), asc(consents.id)),
    db.select().from(deliveries).where(eq(deliveries.subscriber_id, subscriberId)).orderBy(asc(deliveries.cycle), asc(deliveries.day), asc(deliveries.id)),
    db.select().from(reflections).where(eq(reflections.subscriber_id, subscriberId)).orderBy(asc(reflections.received_at), asc(reflections.id)),
  ]);
  const subscriber = found[0];
  if (!subscriber) return undefined;
  const opened = await Promise.all(reflectionRows.map(async (row) => ({ ...row, ...(await openReflection(cipher, row)) })));
  return { subscriber, consents: consentRows, deliveries: deliveryRows, reflections: opened };
}

/**
 * The guard every self-service change carries: the row must still be in the status (and cycle) the change was
 * decided on, so a tick or a second click in between makes the change a no-op instead of a wrong one.
 */
export interface ExpectedState {
  status: SubscriberStatus;
  cycle: number;
}

function stillAsExpected(subscriberId: string, expected: ExpectedState) {
  return and(eq(subscribers.id, subscriberId), eq(subscribers.status, expected.status), eq(subscribers.cycle, expected.cycle));
}

/** Pauses: nothing is due and any lease is dropped. Returns false when the row had changed meanwhile. */
export async function pauseSubscriber(db: Database, subscriberId: string, expected: ExpectedState): Promise<boolean> {
  const updated = await db
    .update(subscribers)
    .set({ status: 'paused', next_due_at: null, lease_until: null })
    .where(stillAsExpected(subscriberId, expected))
    .returning({ id: subscribers.id });
  return updated.length > 0;
}

/** Resumes where they left off, the next message due at `nextDueAt`. Returns false when the row had changed meanwhile. */
export async function resumeSubscriber(db: Database, subscriberId: string, expected: ExpectedState, nextDueAt: number): Promise<boolean> {
  const updated = await db
    .update(subscribers)
    .set({ status: 'active', next_due_at: nextDueAt, lease_until: null })
    .where(stillAsExpected(subscriberId, expected))
    .returning({ id: subscribers.id });
  return updated.length > 0;
}

/**
 * Starts a new cycle at Day 1 (the welcome is not sent again), due at `nextDueAt`. Deliveries are unique per
 * cycle, so the steps can be sent again. Returns false when the row had changed meanwhile (e.g. a second click).
 */
export async function restartSubscriber(db: Database, subscriberId: string, expected: ExpectedState, nextDueAt: number): Promise<boolean> {
  const updated = await db
    .update(subscribers)
    .set({
      status: 'active',
      cycle: sql`${subscribers.cycle} + 1`,
      next_day: 1,
      last_day_sent: 0,
      last_sent_at: null,
      next_due_at: nextDueAt,
      lease_until: null,
      ended_at: null,
    })
    .where(stillAsExpected(subscriberId, expected))
    .returning({ id: subscribers.id });
  return updated.length > 0;
}

export interface RhythmChange {
  timezone: string;
  sendHour: number;
  /** The new due time; undefined leaves next_due_at as it is (nothing is due while paused or finished). */
  nextDueAt?: number;
}

/** Stores a new time zone and send hour. Returns false when the row had changed meanwhile. */
export async function changeRhythm(db: Database, subscriberId: string, expected: ExpectedState, change: RhythmChange): Promise<boolean> {
  const updated = await db
    .update(subscribers)
    .set({
      timezone: change.timezone,
      send_hour: change.sendHour,
      ...(change.nextDueAt === undefined ? {} : { next_due_at: change.nextDueAt, lease_until: null }),
    })
    .where(stillAsExpected(subscriberId, expected))
    .returning({ id: subscribers.id });
  return updated.length > 0;
}

/** Stores how the subscriber comes to the course; the next step composed uses it. Returns false when no such subscriber. */
export async function changeRole(db: Database, subscriberId: string, role: Role): Promise<boolean> {
  const updated = await db.update(subscribers).set({ role }).where(eq(subscribers.id, subscriberId)).returning({ id: subscribers.id });
  return updated.length > 0;
}

/**
 * Deletes everything kept about a subscriber in one transaction: reflections, deliveries, consent records,
 * local outbox messages to their address, and the subscriber. Explicit deletes, since D1 may not cascade.
 * Returns false when there was no such subscriber.
 */
export async function deleteSubscriberData(db: Database, subscriber: Pick<Subscriber, 'id' | 'channel' | 'address'>): Promise<boolean> {
  const results = await db.batch([
    db.delete(reflections).where(eq(reflections.subscriber_id, subscriber.id)),
    db.delete(deliveries).where(eq(deliveries.subscriber_id, subscriber.id)),
    db.delete(consents).where(eq(consents.subscriber_id, subscriber.id)),
    db.delete(outbox).where(and(eq(outbox.channel, subscriber.channel), eq(outbox.to_address, subscriber.address))),
    db.delete(subscribers).where(eq(subscribers.id, subscriber.id)).returning({ id: subscribers.id }),
  ]);
  return results[4].length > 0;
}
