// What the cron tick hands to the delivery queue: groups of due subscribers, or "go on planning" for very large ticks.
import type { Channel } from '../db/schema';

/** Leased subscribers not yet in a full group, by channel. */
export type PendingGroups = Record<Channel, string[]>;

export type DeliveryQueueMessage =
  | { type: 'deliver'; now: number; subscriberIds: string[] }
  | { type: 'plan'; now: number; carried?: PendingGroups };

/**
 * Subscribers per queue message, by channel: one Resend batch call for email; for SMS (one Twilio call each)
 * few enough that a queue batch of messages stays well inside 50 subrequests.
 */
export const SUBSCRIBERS_PER_MESSAGE: Record<Channel, number> = { email: 100, sms: 12 };

/** Queue messages per sendBatch call (the platform allows 100 and 256 KB; 50 groups of 100 ids is ~100 KB). */
export const MESSAGES_PER_SEND = 50;

/** The most one message may spend, used by the consumer to stay inside the per-invocation limits. */
export const MESSAGE_COST = { d1Queries: 8, subrequests: 12 } as const;
