// Reflection queries: store a reply once per inbound message id, under the latest step sent; list and flag.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { reflections, subscribers, type Channel, type Reflection } from './schema';

export interface NewReflection {
  subscriberId: string;
  channel: Channel;
  body: string;
  /** The provider's id for the inbound message: a second delivery of the same id stores nothing. */
  sourceId: string;
  flagged: boolean;
  now: number;
  /** The day it answers; default: the latest step sent to this subscriber (0 before Day 1). */
  day?: number;
}

/**
 * Stores a reflection once. Returns `stored: false` when this source id was stored before (a webhook retried),
 * and `firstFlag: true` when it is flagged and no earlier reflection of this subscriber was (the support line
 * is sent once).
 */
export async function storeReflection(
  db: Database,
  reflection: NewReflection,
): Promise<{ stored: boolean; known: boolean; day: number; firstFlag: boolean }> {
  const subscriber = await db
    .select({ cycle: subscribers.cycle, lastDaySent: subscribers.last_day_sent })
    .from(subscribers)
    .where(eq(subscribers.id, reflection.subscriberId))
    .get();
  if (!subscriber) return { stored: false, known: false, day: 0, firstFlag: false };
  const day = reflection.day ?? subscriber.lastDaySent;
  const earlierFlag = reflection.flagged
    ? await db
        .select({ id: reflections.id })
        .from(reflections)
        .where(and(eq(reflections.subscriber_id, reflection.subscriberId), eq(reflections.flagged, true)))
        .get()
    : undefined;
  const inserted = await db
    .insert(reflections)
    .values({
      subscriber_id: reflection.subscriberId,
      cycle: subscriber.cycle,
      day,
      channel: reflection.channel,
      body: reflection.body,
      source_id: reflection.sourceId,
      flagged: reflection.flagged,
      received_at: reflection.now,
    })
    .onConflictDoNothing({ target: reflections.source_id })
    .returning({ id: reflections.id });
  const stored = inserted.length > 0;
  return { stored, known: true, day, firstFlag: stored && reflection.flagged && !earlierFlag };
}

/** A subscriber's reflections, oldest first. */
export async function listReflections(db: Database, subscriberId: string): Promise<Reflection[]> {
  return db.select().from(reflections).where(eq(reflections.subscriber_id, subscriberId)).orderBy(reflections.received_at, reflections.id).all();
}

/** The most recent reflections across subscribers, for the operator; flagged ones first. */
export async function recentReflections(db: Database, limit = 50): Promise<Reflection[]> {
  return db.select().from(reflections).orderBy(desc(reflections.flagged), desc(reflections.received_at)).limit(limit).all();
}

/** Count of reflections per subscriber (unused rows never block anything). */
export async function countReflections(db: Database, subscriberId: string): Promise<number> {
  const row = await db.select({ n: sql<number>`count(*)` }).from(reflections).where(eq(reflections.subscriber_id, subscriberId)).get();
  return row?.n ?? 0;
}
