// The cron tick only plans: it leases due subscribers page by page and hands them to the delivery queue.
import type { Channel } from '../db/schema';
import { leaseDueSubscribers, type LeasedSubscriber } from '../db/dispatch-queries';
import { MESSAGES_PER_SEND, SUBSCRIBERS_PER_MESSAGE, type DeliveryQueueMessage } from './queue-messages';

/** Due subscribers taken per query. */
export const PAGE_SIZE = 1_000;
/** Pages per invocation: each costs one D1 statement and at most three queue sends, so a tick stays under 50 of each. */
export const PAGES_PER_TICK = 12;
/** How long a planned subscriber is left to the queue before another tick may plan them again. */
export const LEASE_MS = 30 * 60_000;

export interface PlanSummary {
  planned: number;
  messages: number;
  continued: boolean;
}

/**
 * Plans the deliveries due at `now`: at most `maxPages` pages; when more remain, a `plan` message continues
 * in a queue consumer, so no single invocation exceeds the platform's limits.
 */
export async function planTick(d1: D1Database, queue: Queue<DeliveryQueueMessage>, now: number, maxPages = PAGES_PER_TICK): Promise<PlanSummary> {
  let planned = 0;
  let messages = 0;
  for (let page = 0; page < maxPages; page++) {
    const leased = await leaseDueSubscribers(d1, now, now + LEASE_MS, PAGE_SIZE);
    const groups = groupForQueue(leased);
    for (let start = 0; start < groups.length; start += MESSAGES_PER_SEND) {
      const chunk = groups.slice(start, start + MESSAGES_PER_SEND);
      await queue.sendBatch(chunk.map((subscriberIds) => ({ body: { type: 'deliver', now, subscriberIds } })));
    }
    planned += leased.length;
    messages += groups.length;
    if (leased.length < PAGE_SIZE) return { planned, messages, continued: false };
  }
  await queue.send({ type: 'plan', now });
  return { planned, messages: messages + 1, continued: true };
}

/** Splits leased subscribers into queue-message-sized groups, one channel per group. */
export function groupForQueue(leased: LeasedSubscriber[]): string[][] {
  const groups: string[][] = [];
  for (const channel of ['email', 'sms'] as Channel[]) {
    const ids = leased.filter((subscriber) => subscriber.channel === channel).map((subscriber) => subscriber.id);
    const size = SUBSCRIBERS_PER_MESSAGE[channel];
    for (let start = 0; start < ids.length; start += size) groups.push(ids.slice(start, start + size));
  }
  return groups;
}
