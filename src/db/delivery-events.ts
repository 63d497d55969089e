// Delivery events from the providers (Resend webhooks, Twilio status callbacks): a delivery moves forward by provider id, never back.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from './client';
import { deliveries, type DeliveryStatus } from './schema';

export type DeliveryEvent = 'delivered' | 'delayed' | 'bounced' | 'complained' | 'failed';

/** For each event: the status it sets (null: status unchanged, note only) and the statuses it may follow. */
const TRANSITIONS: Record<DeliveryEvent, { status: DeliveryStatus | null; from: DeliveryStatus[] }> = {
  delivered: { status: 'delivered', from: ['sending', 'retry', 'sent'] },
  delayed: { status: null, from: ['sending', 'retry', 'sent'] },
  bounced: { status: 'bounced', from: ['sending', 'retry', 'sent', 'delivered'] },
  complained: { status: 'complained', from: ['sending', 'retry', 'sent', 'delivered', 'bounced'] },
  failed: { status: 'failed', from: ['sending', 'retry', 'sent'] },
};

/**
 * Records what the provider says happened to the message it knows as `providerId`. Events arrive in any order and
 * more than once: a delivery never moves back (a late "delivered" does not undo "bounced"). `note` is kept in
 * last_error (null clears it). Returns the subscriber it was sent to, or undefined when no delivery carries that
 * id or the event changes nothing (confirmation and help messages are not deliveries).
 */
export async function recordDeliveryEvent(
  db: Database,
  providerId: string,
  event: DeliveryEvent,
  note: string | null,
  now: number,
): Promise<{ subscriberId: string } | undefined> {
  const rule = TRANSITIONS[event];
  const updated = await db
    .update(deliveries)
    .set({ ...(rule.status ? { status: rule.status } : {}), last_error: note, updated_at: now })
    .where(and(eq(deliveries.provider_id, providerId), inArray(deliveries.status, rule.from)))
    .returning({ subscriberId: deliveries.subscriber_id });
  return updated[0];
}
