// What the operator sees: subscribers by status, steps that keep failing, and flagged reflections.
import { and, desc, eq, gte, or, sql } from 'drizzle-orm';
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

/** Reflections flagged for speaking of violence or danger, newest first. */
export async function flaggedReflections(db: Database, limit = 50) {
  return db
    .select({ subscriberId: reflections.subscriber_id, day: reflections.day, channel: reflections.channel, body: reflections.body, receivedAt: reflections.received_at })
    .from(reflections)
    .where(eq(reflections.flagged, true))
    .orderBy(desc(reflections.received_at))
    .limit(limit)
    .all();
}
