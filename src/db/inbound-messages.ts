// Inbound messages already acted on, by their provider id: a replayed webhook (the same MessageSid) changes nothing.
import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { inboundMessages } from './schema';

/** Records `sourceId` as handled; false when it already was (a replay). */
export async function claimInboundMessage(db: Database, sourceId: string, now: number): Promise<boolean> {
  const inserted = await db.insert(inboundMessages).values({ source_id: sourceId, received_at: now }).onConflictDoNothing().returning({ id: inboundMessages.source_id });
  return inserted.length > 0;
}

/** Forgets a claim whose handling failed, so the provider's retry is handled. */
export async function releaseInboundMessage(db: Database, sourceId: string): Promise<void> {
  await db.delete(inboundMessages).where(eq(inboundMessages.source_id, sourceId));
}
