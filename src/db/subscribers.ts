// Subscriber queries the features need: find, create or renew a signup, confirm, stop, and change settings.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './client';
import { consents, subscribers, type Channel, type Role, type Subscriber } from './schema';

/** The subscriber with this id, or undefined. */
export async function findSubscriber(db: Database, id: string): Promise<Subscriber | undefined> {
  return db.select().from(subscribers).where(eq(subscribers.id, id)).get();
}

/**
 * The enrolment of this address on this channel in `courseId`; without a course, the enrolment that spoke to the
 * address last (the one a reply or keyword is about), or undefined.
 */
export async function findSubscriberByAddress(db: Database, channel: Channel, address: string, courseId?: string): Promise<Subscriber | undefined> {
  const sameAddress = and(eq(subscribers.channel, channel), eq(subscribers.address, address));
  if (courseId !== undefined) return db.select().from(subscribers).where(and(sameAddress, eq(subscribers.course_id, courseId))).get();
  return db
    .select()
    .from(subscribers)
    .where(sameAddress)
    .orderBy(sql`${subscribers.status} = 'pending'`, desc(sql`coalesce(${subscribers.last_sent_at}, ${subscribers.confirmed_at}, ${subscribers.created_at})`))
    .get();
}

/** Every enrolment of this address on this channel, newest first. */
export async function findEnrolments(db: Database, channel: Channel, address: string): Promise<Subscriber[]> {
  return db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.channel, channel), eq(subscribers.address, address)))
    .orderBy(desc(subscribers.created_at))
    .all();
}

/** Stops every enrolment of an address at once (unsubscribe-all, STOP). Returns how many were still running. */
export async function endAllEnrolments(db: Database, channel: Channel, address: string, reason: string, now: number): Promise<number> {
  const result = await db
    .update(subscribers)
    .set({ status: 'unsubscribed', end_reason: reason, ended_at: now, next_due_at: null, lease_until: null })
    .where(and(eq(subscribers.channel, channel), eq(subscribers.address, address), inArray(subscribers.status, ['pending', 'active', 'paused', 'completed'])))
    .returning({ id: subscribers.id });
  return result.length;
}

export interface NewSignup {
  id: string;
  channel: Channel;
  address: string;
  /** The course of the enrolment (SPEC §7). */
  courseId: string;
  timezone: string;
  sendHour: number;
  role: Role;
  now: number;
  consent: { sourceIp: string | null; textVersion: string; method: string };
}

/** Inserts a pending subscriber and their consent record together. */
export async function insertPendingSubscriber(db: Database, signup: NewSignup): Promise<void> {
  await db.batch([
    db.insert(subscribers).values({
      id: signup.id,
      channel: signup.channel,
      address: signup.address,
      course_id: signup.courseId,
      status: 'pending',
      timezone: signup.timezone,
      send_hour: signup.sendHour,
      role: signup.role,
      created_at: signup.now,
    }),
    db.insert(consents).values({
      subscriber_id: signup.id,
      channel: signup.channel,
      consented_at: signup.now,
      source_ip: signup.consent.sourceIp,
      text_version: signup.consent.textVersion,
      method: signup.consent.method,
    }),
  ]);
}

/**
 * A new signup for an address we already have, which has stopped or never confirmed: back to pending with the
 * new settings and a new consent record. Subscribers still on the course are left as they are.
 */
export async function renewPendingSubscriber(db: Database, existing: Subscriber, signup: NewSignup): Promise<void> {
  await db.batch([
    db
      .update(subscribers)
      .set({ status: 'pending', timezone: signup.timezone, send_hour: signup.sendHour, role: signup.role, next_due_at: null, lease_until: null })
      .where(and(eq(subscribers.id, existing.id), inArray(subscribers.status, ['pending', 'unsubscribed', 'suppressed']))),
    db.insert(consents).values({
      subscriber_id: existing.id,
      channel: signup.channel,
      consented_at: signup.now,
      source_ip: signup.consent.sourceIp,
      text_version: signup.consent.textVersion,
      method: signup.consent.method,
    }),
  ]);
}

/** Records that a confirmation message went out at `now`. */
export async function markConfirmationSent(db: Database, id: string, now: number): Promise<void> {
  await db.update(subscribers).set({ confirmation_sent_at: now }).where(eq(subscribers.id, id));
}

/**
 * Confirms a pending subscriber: active, next message due at `nextDueAt` (`startOver`: from the welcome;
 * `newCycle`: in a new round, so the steps of the finished one can be sent again).
 * Returns false when the subscriber was no longer pending (already confirmed: nothing changes).
 */
export async function activateSubscriber(
  db: Database,
  current: Subscriber,
  change: { now: number; nextDueAt: number; startOver: boolean; newCycle?: boolean; courseVersion: string; consent: NewSignup['consent'] },
): Promise<boolean> {
  const [updated] = await db.batch([
    db
      .update(subscribers)
      .set({
        status: 'active',
        confirmed_at: change.now,
        next_due_at: change.nextDueAt,
        lease_until: null,
        ended_at: null,
        end_reason: null,
        ...(change.startOver ? { next_day: 0, course_version: change.courseVersion } : {}),
        ...(change.newCycle ? { cycle: sql`${subscribers.cycle} + 1`, last_day_sent: 0, last_sent_at: null } : {}),
      })
      .where(and(eq(subscribers.id, current.id), eq(subscribers.status, 'pending')))
      .returning({ id: subscribers.id }),
    db.insert(consents).values({
      subscriber_id: current.id,
      channel: current.channel,
      consented_at: change.now,
      source_ip: change.consent.sourceIp,
      text_version: change.consent.textVersion,
      method: change.consent.method,
    }),
  ]);
  return updated.length > 0;
}

/** Stops all sending to a subscriber at once. Returns false when they had already stopped. */
export async function endSubscription(db: Database, id: string, status: 'unsubscribed' | 'suppressed', reason: string, now: number): Promise<boolean> {
  const result = await db
    .update(subscribers)
    .set({ status, end_reason: reason, ended_at: now, next_due_at: null, lease_until: null })
    .where(and(eq(subscribers.id, id), inArray(subscribers.status, ['pending', 'active', 'paused', 'completed'])))
    .returning({ id: subscribers.id });
  return result.length > 0;
}
