// What the operator sees: subscriber counts and lists, the funnel, failing steps, reflections, and the export's pages.
import { and, asc, count, desc, eq, gt, gte, inArray, or, sql } from 'drizzle-orm';
import type { Database } from './client';
import { deliveries, deliveryAttempts, reflections, subscribers, type Channel } from './schema';

export interface StatusCount {
  channel: string;
  status: string;
  count: number;
}

/** Subscriber counts by channel and status. */
export async function countSubscribers(db: Database): Promise<StatusCount[]> {
  return db
    .select({ channel: subscribers.channel, status: subscribers.status, count: sql<number>`count(*)` })
    .from(subscribers)
    .groupBy(subscribers.channel, subscribers.status)
    .all();
}

/**
 * For each day that has any, how many distinct subscribers were sent that day's message (status sent or
 * delivered), over every cycle: one aggregate query, one row per day, days without sends absent.
 */
export async function countSentByDay(db: Database): Promise<{ day: number; subscribers: number }[]> {
  return db
    .select({ day: deliveries.day, subscribers: sql<number>`count(distinct ${deliveries.subscriber_id})` })
    .from(deliveries)
    .where(inArray(deliveries.status, ['sent', 'delivered']))
    .groupBy(deliveries.day)
    .orderBy(asc(deliveries.day))
    .all();
}

/** Deliveries marked failed, or still retrying after `minAttempts` attempts, newest first. */
export async function failingDeliveries(db: Database, minAttempts: number, limit = 100) {
  return db
    .select({
      subscriberId: deliveries.subscriber_id,
      channel: deliveries.channel,
      day: deliveries.day,
      status: deliveries.status,
      attempts: deliveries.attempts,
      lastError: deliveries.last_error,
      updatedAt: deliveries.updated_at,
    })
    .from(deliveries)
    .where(or(eq(deliveries.status, 'failed'), and(eq(deliveries.status, 'retry'), gte(deliveries.attempts, minAttempts))))
    .orderBy(desc(deliveries.updated_at))
    .limit(limit)
    .all();
}

const reflectionColumns = {
  subscriberId: reflections.subscriber_id,
  day: reflections.day,
  channel: reflections.channel,
  body: reflections.body,
  flagged: reflections.flagged,
  receivedAt: reflections.received_at,
};

/** Reflections flagged for speaking of violence or danger, newest first. */
export async function flaggedReflections(db: Database, limit = 50) {
  return db.select(reflectionColumns).from(reflections).where(eq(reflections.flagged, true)).orderBy(desc(reflections.received_at), desc(reflections.id)).limit(limit).all();
}

/** The newest reflections, flagged or not, newest first. */
export async function recentReflections(db: Database, limit = 50) {
  return db.select(reflectionColumns).from(reflections).orderBy(desc(reflections.received_at), desc(reflections.id)).limit(limit).all();
}

/** The newest subscribers with where they are in the course, newest first. */
export async function recentSubscribers(db: Database, limit = 100) {
  return db
    .select({
      id: subscribers.id,
      channel: subscribers.channel,
      address: subscribers.address,
      status: subscribers.status,
      lastDaySent: subscribers.last_day_sent,
      cycle: subscribers.cycle,
      timezone: subscribers.timezone,
      sendHour: subscribers.send_hour,
      createdAt: subscribers.created_at,
    })
    .from(subscribers)
    .orderBy(desc(subscribers.created_at), desc(subscribers.id))
    .limit(limit)
    .all();
}

/** One page of subscribers for the CSV export, in id order after `afterId` (keyset paging on the primary key). */
export async function subscribersForExport(db: Database, afterId: string, limit: number) {
  return db
    .select({
      id: subscribers.id,
      channel: subscribers.channel,
      address: subscribers.address,
      status: subscribers.status,
      timezone: subscribers.timezone,
      send_hour: subscribers.send_hour,
      cycle: subscribers.cycle,
      next_day: subscribers.next_day,
      last_day_sent: subscribers.last_day_sent,
      created_at: subscribers.created_at,
      confirmed_at: subscribers.confirmed_at,
      ended_at: subscribers.ended_at,
      end_reason: subscribers.end_reason,
    })
    .from(subscribers)
    .where(gt(subscribers.id, afterId))
    .orderBy(asc(subscribers.id))
    .limit(limit)
    .all();
}

export type ExportedSubscriber = Awaited<ReturnType<typeof subscribersForExport>>[number];

/** Per course: enrolments signed up, and how many of them confirmed (pending → confirmed, the funnel's first two bars). */
export async function countSignupsByCourse(db: Database) {
  return db
    .select({
      courseId: subscribers.course_id,
      signedUp: count(),
      confirmed: sql<number>`count(${subscribers.confirmed_at})`,
      completed: sql<number>`sum(case when ${subscribers.status} = 'completed' then 1 else 0 end)`,
    })
    .from(subscribers)
    .groupBy(subscribers.course_id)
    .orderBy(asc(subscribers.course_id))
    .all();
}

/** Per course and day, the distinct subscribers sent that day's message (sent or delivered), over every cycle. */
export async function countSentByCourseAndDay(db: Database) {
  return db
    .select({ courseId: subscribers.course_id, day: deliveries.day, subscribers: sql<number>`count(distinct ${deliveries.subscriber_id})` })
    .from(deliveries)
    .innerJoin(subscribers, eq(subscribers.id, deliveries.subscriber_id))
    .where(inArray(deliveries.status, ['sent', 'delivered']))
    .groupBy(subscribers.course_id, deliveries.day)
    .orderBy(asc(subscribers.course_id), asc(deliveries.day))
    .all();
}

/** How many reflections there are, and how many are flagged for safety: what the admin shows instead of their words. */
export async function countReflections(db: Database) {
  const row = await db
    .select({ total: count(), flagged: sql<number>`coalesce(sum(case when ${reflections.flagged} then 1 else 0 end), 0)` })
    .from(reflections)
    .get();
  return { total: Number(row?.total ?? 0), flagged: Number(row?.flagged ?? 0) };
}

/** Every enrolment of exactly this address on `channel` (one per course); never a partial match. */
export async function findEnrolments(db: Database, channel: Channel, address: string) {
  return db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.channel, channel), eq(subscribers.address, address)))
    .orderBy(asc(subscribers.course_id))
    .limit(20)
    .all();
}

/** One enrolment by id. */
export async function findEnrolment(db: Database, id: string) {
  return db.select().from(subscribers).where(eq(subscribers.id, id)).get();
}

/** The enrolment's deliveries, newest first, with provider status; at most `limit`. */
export async function deliveriesOf(db: Database, subscriberId: string, limit = 100) {
  return db
    .select({
      id: deliveries.id,
      cycle: deliveries.cycle,
      day: deliveries.day,
      channel: deliveries.channel,
      status: deliveries.status,
      attempts: deliveries.attempts,
      providerId: deliveries.provider_id,
      lastError: deliveries.last_error,
      sentAt: deliveries.sent_at,
      updatedAt: deliveries.updated_at,
    })
    .from(deliveries)
    .where(eq(deliveries.subscriber_id, subscriberId))
    .orderBy(desc(deliveries.cycle), desc(deliveries.day))
    .limit(limit)
    .all();
}

/** Every provider call recorded for these deliveries, oldest first: the retry history. */
export async function attemptsOf(db: Database, deliveryIds: number[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .select({ deliveryId: deliveryAttempts.delivery_id, attemptedAt: deliveryAttempts.attempted_at, outcome: deliveryAttempts.outcome, detail: deliveryAttempts.detail })
    .from(deliveryAttempts)
    .where(inArray(deliveryAttempts.delivery_id, deliveryIds.slice(0, 100)))
    .orderBy(asc(deliveryAttempts.attempted_at), asc(deliveryAttempts.id))
    .limit(1000)
    .all();
}

/** Reflection counts of one enrolment: total and flagged. */
export async function reflectionCountsOf(db: Database, subscriberId: string) {
  const row = await db
    .select({ total: count(), flagged: sql<number>`coalesce(sum(case when ${reflections.flagged} then 1 else 0 end), 0)` })
    .from(reflections)
    .where(eq(reflections.subscriber_id, subscriberId))
    .get();
  return { total: Number(row?.total ?? 0), flagged: Number(row?.flagged ?? 0) };
}

/** Pauses an active enrolment (nothing is due until it resumes). Returns false when it was not active. */
export async function pauseEnrolment(db: Database, id: string): Promise<boolean> {
  const updated = await db
    .update(subscribers)
    .set({ status: 'paused', next_due_at: null, lease_until: null })
    .where(and(eq(subscribers.id, id), eq(subscribers.status, 'active')))
    .returning({ id: subscribers.id });
  return updated.length > 0;
}

/** Notes an operator's resend in the delivery's retry history, when that delivery exists. */
export async function recordOperatorResend(db: Database, resend: { subscriberId: string; cycle: number; day: number; channel: Channel; outcome: string; detail: string | null; now: number }) {
  const delivery = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.subscriber_id, resend.subscriberId), eq(deliveries.cycle, resend.cycle), eq(deliveries.day, resend.day), eq(deliveries.channel, resend.channel)))
    .get();
  if (!delivery) return;
  await db.insert(deliveryAttempts).values({ delivery_id: delivery.id, attempted_at: resend.now, outcome: resend.outcome, detail: resend.detail });
}
