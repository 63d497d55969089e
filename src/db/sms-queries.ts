// The query behind SMS opt-in (START/YES): bringing a subscriber back where they left off.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { consents, subscribers, type Subscriber } from './schema';

/** The statuses an SMS opt-in brings back to the course. */
export const RESUMABLE_STATUSES = ['unsubscribed', 'suppressed', 'paused'] as const;

export interface OptInChange {
  now: number;
  /** `active` with the next message due at `nextDueAt`; `completed` when the course had already finished. */
  status: 'active' | 'completed';
  nextDueAt: number | null;
  consent: { textVersion: string; method: string };
}

/**
 * Brings a subscriber who had stopped (or paused) back, keeping their place in the course, and records the
 * consent the opt-in gave. Only acts while the row is still in the status it was read in, so a repeated
 * webhook changes nothing the second time; returns false then.
 */
export async function resumeAfterOptIn(db: Database, current: Subscriber, change: OptInChange): Promise<boolean> {
  if (!(RESUMABLE_STATUSES as readonly string[]).includes(current.status)) return false;
  const updated = await db
    .update(subscribers)
    .set({
      status: change.status,
      next_due_at: change.nextDueAt,
      lease_until: null,
      ended_at: change.status === 'completed' ? current.ended_at : null,
      end_reason: null,
      // Someone who stopped before ever confirming is confirmed by this opt-in.
      confirmed_at: sql`coalesce(${subscribers.confirmed_at}, ${change.now})`,
    })
    .where(and(eq(subscribers.id, current.id), eq(subscribers.status, current.status)))
    .returning({ id: subscribers.id });
  if (updated.length === 0) return false;
  await db.insert(consents).values({
    subscriber_id: current.id,
    channel: current.channel,
    consented_at: change.now,
    source_ip: null,
    text_version: change.consent.textVersion,
    method: change.consent.method,
  });
  return true;
}
