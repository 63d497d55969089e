// Queries behind the Twilio webhooks: opting back in by SMS (START/YES) and recording delivery status callbacks.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './client';
import { consents, deliveries, subscribers, type Subscriber } from './schema';

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

export interface ProviderStatus {
  status: 'delivered' | 'failed';
  /** e.g. "twilio 30003 undelivered"; null when delivered. */
  error: string | null;
  now: number;
}

/**
 * Records a provider's final word on the message it knows as `providerId`. Returns the subscriber it was sent to,
 * or undefined when no delivery carries that id (confirmation and help texts are not deliveries).
 */
export async function recordProviderStatus(db: Database, providerId: string, update: ProviderStatus): Promise<{ subscriberId: string } | undefined> {
  const [row] = await db
    .update(deliveries)
    .set({ status: update.status, last_error: update.error, updated_at: update.now })
    .where(and(eq(deliveries.provider_id, providerId), inArray(deliveries.status, ['sent', 'delivered', 'failed'])))
    .returning({ subscriberId: deliveries.subscriber_id });
  return row;
}
