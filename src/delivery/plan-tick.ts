// The cron tick only plans: it leases due subscribers page by page and hands them to the delivery queue.
import type { Channel } from '../db/schema';
import { leaseDueSubscribers, type LeasedSubscriber } from '../db/dispatch-queries';
import { MESSAGES_PER_SEND, SUBSCRIBERS_PER_MESSAGE, type DeliveryQueueMessage, type PendingGroups } from './queue-messages';

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
 * Plans the deliveries due at `now`: at most `maxPages` pages. When more remain, a `plan` message continues
 * in a queue consumer, so no single invocation exceeds the platform's limits; it is queued before the last
 * page's deliveries, so planning keeps ahead of sending. Groups fill across pages and invocations: only the
 * very last group of a tick may be partial.
 */
export async function planTick(
  d1: D1Database,
  queue: Queue<DeliveryQueueMessage>,
  now: number,
  maxPages = PAGES_PER_TICK,
  carried: PendingGroups = { email: [], sms: [] },
): Promise<PlanSummary> {
  const pending: PendingGroups = { email: [...carried.email], sms: [...carried.sms] };
  let planned = 0;
  let messages = 0;
  for (let page = 0; page < maxPages; page++) {
    const leased = await leaseDueSubscribers(d1, now, now + LEASE_MS, PAGE_SIZE);
    planned += leased.length;
    const more = leased.length === PAGE_SIZE;
    const continues = more && page === maxPages - 1;
    const groups = takeGroups(pending, leased, !more);
    if (continues) {
      // The unfilled groups travel with the continuation, so every Resend call but the last carries 100 emails.
      await queue.send({ type: 'plan', now, carried: pending });
      messages++;
    }
    messages += await enqueueGroups(queue, groups, now);
    if (!more || continues) return { planned, messages, continued: continues };
  }
  return { planned, messages, continued: false };
}

/**
 * Adds leased subscribers to the per-channel buffers and takes the full groups out; with `flush`, the partial
 * ones too. Pure apart from the buffers it is given.
 */
export function takeGroups(pending: PendingGroups, leased: LeasedSubscriber[], flush: boolean): string[][] {
  const groups: string[][] = [];
  for (const subscriber of leased) pending[subscriber.channel].push(subscriber.id);
  for (const channel of ['email', 'sms'] as Channel[]) {
    const size = SUBSCRIBERS_PER_MESSAGE[channel];
    const ids = pending[channel];
    const whole = flush ? ids.length : ids.length - (ids.length % size);
    for (let start = 0; start < whole; start += size) groups.push(ids.slice(start, Math.min(start + size, whole)));
    pending[channel] = ids.slice(whole);
  }
  return groups;
}

async function enqueueGroups(queue: Queue<DeliveryQueueMessage>, groups: string[][], now: number): Promise<number> {
  for (let start = 0; start < groups.length; start += MESSAGES_PER_SEND) {
    const chunk = groups.slice(start, start + MESSAGES_PER_SEND);
    await queue.sendBatch(chunk.map((subscriberIds) => ({ body: { type: 'deliver', now, subscriberIds } })));
  }
  return groups.length;
}
