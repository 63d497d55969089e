// The tick plans: it leases due subscribers page by page, as many as the providers' pace allows, and queues them in groups.
import type { Channel } from '../db/schema';
import { leaseDueSubscribers, postponeLeases, type LeasedSubscriber } from '../db/dispatch-queries';

/** Leased subscribers not yet in a full group, by channel. */
export type PendingGroups = Record<Channel, string[]>;

/** One queue message's worth of subscribers, by channel: what one invocation delivers. */
export type Group = Record<Channel, string[]>;

/** Subscribers each channel may still take on this tick (what its pace can send within a lease). */
export type Allowance = Record<Channel, number>;

/** What the tick hands to the delivery queue: groups of due subscribers, or "go on planning" for very large ticks. */
export type DispatchMessage =
  | { type: 'deliver'; now: number; plannedAt: number; email: string[]; sms: string[] }
  | { type: 'plan'; now: number; plannedAt: number; carried: PendingGroups; allowance: Allowance };

/** Emails per Resend batch call (its maximum). */
export const EMAILS_PER_CALL = 100;
/**
 * The most subscribers of each channel one queue message (one invocation) takes, both channels together, so each
 * invocation keeps both providers busy: Twilio's pace is the slow one (40 SMS are 4 s at 10/s) and Resend's calls
 * fit inside it. Within the Free plan: 40 Twilio calls + 4 Resend calls + 4 pace calls stay under 50 subrequests,
 * and composing 400 emails stays under the CPU budget (dispatch.ts).
 */
export const MESSAGE_CAPACITY: Record<Channel, number> = { email: 4 * EMAILS_PER_CALL, sms: 40 };
/** Queue messages per sendBatch call (the platform allows 100 and 256 KB; 16 messages of 440 ids are ~210 KB). */
export const MESSAGES_PER_SEND = 16;
/** Due subscribers taken per query. */
export const PAGE_SIZE = 1_000;
/** Pages per invocation: each costs at most two D1 statements and three queue sends, so a tick stays under 50 of each. */
export const PAGES_PER_TICK = 12;
/** How long a planned subscriber is left to the queue before another tick may plan them again. */
export const LEASE_MS = 30 * 60_000;
/** The cron's period: subscribers the pace cannot fit now are left to the next tick. */
export const TICK_MS = 15 * 60_000;

export interface PlanSummary {
  planned: number;
  postponed: number;
  messages: number;
  continued: boolean;
}

/**
 * Plans the deliveries due at `now`: at most `maxPages` pages. When more remain, a `plan` message continues
 * in a queue consumer, so no single invocation exceeds the platform's limits; it is queued before the last
 * page's deliveries, so planning keeps ahead of sending. Groups fill across pages and invocations: only the
 * very last group of a tick may be partial. Subscribers beyond a channel's `allowance` keep their place for
 * the next tick, so no queued message waits past its lease for a pace slot.
 */
export async function planTick(
  d1: D1Database,
  queue: Queue<DispatchMessage>,
  plan: { now: number; plannedAt: number; allowance: Allowance; carried?: PendingGroups },
  maxPages = PAGES_PER_TICK,
): Promise<PlanSummary> {
  const { now, plannedAt } = plan;
  const pending: PendingGroups = { email: [...(plan.carried?.email ?? [])], sms: [...(plan.carried?.sms ?? [])] };
  const allowance = { ...plan.allowance };
  const summary: PlanSummary = { planned: 0, postponed: 0, messages: 0, continued: false };
  for (let page = 0; page < maxPages; page++) {
    const leased = await leaseDueSubscribers(d1, now, now + LEASE_MS, PAGE_SIZE);
    const { taken, over } = withinAllowance(leased, allowance);
    if (over.length > 0) await postponeLeases(d1, over, now + TICK_MS);
    summary.planned += taken.length;
    summary.postponed += over.length;
    const more = leased.length === PAGE_SIZE;
    const continues = more && page === maxPages - 1;
    const groups = takeGroups(pending, taken, !more);
    if (continues) {
      // The unfilled groups travel with the continuation, so every Resend call but the last carries 100 emails.
      await queue.send({ type: 'plan', now, plannedAt, carried: pending, allowance });
      summary.messages++;
      summary.continued = true;
    }
    summary.messages += await enqueueGroups(queue, groups, now, plannedAt);
    if (!more || continues) return summary;
  }
  return summary;
}

/** Splits a page into what the channels' allowance still takes (and counts it off) and what must wait. Pure. */
export function withinAllowance(leased: LeasedSubscriber[], allowance: Allowance): { taken: LeasedSubscriber[]; over: string[] } {
  const taken: LeasedSubscriber[] = [];
  const over: string[] = [];
  for (const subscriber of leased) {
    if (allowance[subscriber.channel] > 0) {
      allowance[subscriber.channel]--;
      taken.push(subscriber);
    } else over.push(subscriber.id);
  }
  return { taken, over };
}

/**
 * Adds leased subscribers to the per-channel buffers and takes out the groups that are full for either channel,
 * each with as much of the other channel as it holds (whole Resend calls only); with `flush`, the rest too. A group
 * carries both channels, so one provider's pace never idles while the other's is waited for. Pure apart from the
 * buffers it is given.
 */
export function takeGroups(pending: PendingGroups, leased: LeasedSubscriber[], flush: boolean): Group[] {
  for (const subscriber of leased) pending[subscriber.channel].push(subscriber.id);
  const groups: Group[] = [];
  for (;;) {
    const full = pending.email.length >= MESSAGE_CAPACITY.email || pending.sms.length >= MESSAGE_CAPACITY.sms;
    const rest = flush && pending.email.length + pending.sms.length > 0;
    if (!full && !rest) return groups;
    const emails = Math.min(MESSAGE_CAPACITY.email, flush ? pending.email.length : pending.email.length - (pending.email.length % EMAILS_PER_CALL));
    groups.push({ email: pending.email.splice(0, emails), sms: pending.sms.splice(0, MESSAGE_CAPACITY.sms) });
  }
}

async function enqueueGroups(queue: Queue<DispatchMessage>, groups: Group[], now: number, plannedAt: number): Promise<number> {
  for (let start = 0; start < groups.length; start += MESSAGES_PER_SEND) {
    const chunk = groups.slice(start, start + MESSAGES_PER_SEND);
    await queue.sendBatch(chunk.map((group) => ({ body: { type: 'deliver', now, plannedAt, ...group } })));
  }
  return groups.length;
}
