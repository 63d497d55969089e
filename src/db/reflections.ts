// Storing a reflection: once per inbound message id, under the latest step sent, remembering the first flag.
import { and, eq } from 'drizzle-orm';
import type { Database } from './client';
import { reflections, subscribers, type Channel } from './schema';

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
