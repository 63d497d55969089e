// Email delivery events from the provider (Resend webhooks): a delivery record moves forward by provider id, never back.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from './client';
import { deliveries, type DeliveryStatus } from './schema';

export type EmailDeliveryEvent = 'delivered' | 'delayed' | 'bounced' | 'complained' | 'failed';

/** For each event: the status it sets (null: status unchanged, note only) and the statuses it may follow. */
const TRANSITIONS: Record<EmailDeliveryEvent, { status: DeliveryStatus | null; from: DeliveryStatus[] }> = {
  delivered: { status: 'delivered', from: ['sending', 'retry', 'sent'] },
  delayed: { status: null, from: ['sending', 'retry', 'sent'] },
  bounced: { status: 'bounced', from: ['sending', 'retry', 'sent', 'delivered'] },
  complained: { status: 'complained', from: ['sending', 'retry', 'sent', 'delivered', 'bounced'] },
  failed: { status: 'failed', from: ['sending', 'retry', 'sent'] },
};

/**
 * Records what the provider says happened to the email it knows as `providerId`. Events arrive in any order and
 * more than once: a delivery never moves back (a late "delivered" does not undo "bounced"). `note` is kept in
 * last_error (null clears it). Returns false when no delivery carries that id or the event changes nothing.
 */
export async function recordEmailDeliveryEvent(db: Database, providerId: string, event: EmailDeliveryEvent, note: string | null, now: number): Promise<boolean> {
  const rule = TRANSITIONS[event];
  const updated = await db
    .update(deliveries)
    .set({ ...(rule.status ? { status: rule.status } : {}), last_error: note, updated_at: now })
    .where(and(eq(deliveries.provider_id, providerId), inArray(deliveries.status, rule.from)))
    .returning({ id: deliveries.id });
  return updated.length > 0;
}
