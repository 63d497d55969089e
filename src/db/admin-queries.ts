// What the operator sees: subscriber counts and lists, the funnel, failing steps, reflections, and the export's pages.
import { and, asc, desc, eq, gt, gte, inArray, or, sql } from 'drizzle-orm';
import type { Database } from './client';
import { deliveries, reflections, subscribers } from './schema';

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
