// The cron tick only plans: it leases due subscribers page by page and hands them to the delivery queue.
import { leaseDueSubscribers } from '../db/dispatch-queries';
import { SUBSCRIBERS_PER_MESSAGE, type DeliveryQueueMessage } from './queue-messages';

/** Due subscribers taken per query. */
export const PAGE_SIZE = 1_000;
/** Pages per invocation: 2 calls each (one D1 statement, one queue send) keeps a tick far inside 50. */
export const PAGES_PER_INVOCATION = 20;
/** How long a planned subscriber is left to the queue before another tick may plan them again. */
export const LEASE_MS = 30 * 60_000;

export interface PlanSummary {
  planned: number;
  messages: number;
  continued: boolean;
}

/**
 * Plans the deliveries due at `now`: at most PAGES_PER_INVOCATION pages; when more remain, a `plan` message
 * continues in a queue consumer, so no single invocation exceeds the platform's limits.
 */
export async function planTick(d1: D1Database, queue: Queue<DeliveryQueueMessage>, now: number): Promise<PlanSummary> {
  let planned = 0;
  let messages = 0;
  for (let page = 0; page < PAGES_PER_INVOCATION; page++) {
    const leased = await leaseDueSubscribers(d1, now, now + LEASE_MS, PAGE_SIZE);
    if (leased.length === 0) return { planned, messages, continued: false };
    const groups = groupForQueue(leased.map((subscriber) => subscriber.id));
    await queue.sendBatch(groups.map((subscriberIds) => ({ body: { type: 'deliver', now, subscriberIds } })));
    planned += leased.length;
    messages += groups.length;
    if (leased.length < PAGE_SIZE) return { planned, messages, continued: false };
  }
  await queue.send({ type: 'plan', now });
  return { planned, messages: messages + 1, continued: true };
}

/** Splits subscriber ids into queue-message-sized groups. */
export function groupForQueue(ids: string[]): string[][] {
  const groups: string[][] = [];
  for (let start = 0; start < ids.length; start += SUBSCRIBERS_PER_MESSAGE) groups.push(ids.slice(start, start + SUBSCRIBERS_PER_MESSAGE));
  return groups;
}
