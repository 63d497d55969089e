// Sends what is due to one group of subscribers: load, take pace slots, decide, claim, compose, send, record.
import type { Config } from '../config';
import { isAccepted, type EmailChannel, type SendOutcome, type SmsChannel } from '../channels/channel';
import {
  claimDeliveries,
  deferSubscribers,
  loadDueSubscribers,
  membersOfCall,
  noteIdempotencyKeys,
  recordOutcomes,
  type Claim,
  type DueRow,
  type FailedRecord,
  type SentRecord,
} from '../db/dispatch-queries';
import { findCourse } from '../course/course';
import { composeEmail, composeSms, type ComposeTarget } from './compose';
import type { Logger } from '../platform/log';
import type { PaceGate, PaceSlot, Provider } from './pace';
import { MAX_ATTEMPTS, advanceAfterSend, decideDue, retryDelay, type DueSubscriber } from '../schedule/progress';
import { smsDeliveryKey } from './settle-accepted';

export interface DeliveryContext {
  d1: D1Database;
  config: Config;
  email: EmailChannel;
  sms: SmsChannel;
  pace: PaceGate;
  /** The wall clock and a real wait: pacing is about the provider's real seconds, not the tick's instant. */
  wallClock(): number;
  sleep(ms: number): Promise<void>;
  /** The invocation's logger (nothing personal in it). */
  log: Logger;
}

export interface DeliverySummary {
  sent: number;
  retrying: number;
  suppressed: number;
  waiting: number;
  skipped: number;
}

export interface GroupResult {
  summary: DeliverySummary;
  /** Set when the group should come back through the queue after this long: its pace slot is later, or a provider said wait. */
  againInMs: number | null;
}

/** A row whose course is no longer in the build waits this long before it is looked at again. */
const MISSING_COURSE_WAIT_MS = 60 * 60_000;

/** A claim left `sending` longer than this belongs to a worker that died (queue consumers stop within 15 minutes). */
export const STALE_CLAIM_MS = 20 * 60_000;
/** The longest an invocation sleeps for its pace slot; a later slot sends the message back to the queue until then. */
export const MAX_PACE_SLEEP_MS = 20_000;
/** How long an unanswered SMS waits for Twilio's status callback before it is sent again. */
const SMS_UNANSWERED_WAIT_MS = 45 * 60_000;
/**
 * Immediate re-sends of unanswered Resend calls, with the same key and payload, shared by a group's calls: with its
 * 40 SMS, 4 Resend calls and 4 pace calls, a full group stays within 50 subrequests (dispatch.ts counts them).
 */
export const UNANSWERED_RETRIES = 2;

const NOTHING: DeliverySummary = { sent: 0, retrying: 0, suppressed: 0, waiting: 0, skipped: 0 };

function toDueSubscriber(row: DueRow, courseLength: number): DueSubscriber {
  return { courseLength, id: row.id, channel: row.channel, timezone: row.timezone, sendHour: row.send_hour, cycle: row.cycle, nextDay: row.next_day, lastSentAt: row.last_sent_at };
}

/** Delivers what is due at `now` to `ids` at once (a confirmation's welcome, an opt-in): the same path as the daily send. */
export async function deliverDue(context: DeliveryContext, ids: string[], now: number): Promise<DeliverySummary> {
  return (await deliverGroup(context, ids, now, `now-${crypto.randomUUID()}`)).summary;
}

/**
 * Delivers the messages due at `now` to the subscribers among `ids`, inside the providers' pace: the group's
 * slots are reserved under `ticket` (the queue message's id, so a message that comes back keeps its place).
 * Each (subscriber, cycle, day, channel) is claimed before sending and marked sent only when the provider accepted
 * it; everything else is left due for a later attempt, or suppressed on a refusal of the address.
 */
export async function deliverGroup(context: DeliveryContext, ids: string[], now: number, ticket: string): Promise<GroupResult> {
  const rows = await loadDueSubscribers(context.d1, ids, now);
  if (rows.length === 0) return { summary: NOTHING, againInMs: null };
  const emailRows = rows.filter((row) => row.channel === 'email');
  const smsRows = rows.filter((row) => row.channel === 'sms');
  const [emailSlot, smsSlot] = await Promise.all([
    emailRows.length > 0 ? context.pace.reserve('resend', `${ticket}:email`, Math.ceil(emailRows.length / context.email.maxBatch)) : null,
    smsRows.length > 0 ? context.pace.reserve('twilio', `${ticket}:sms`, smsRows.length) : null,
  ]);
  // Slots are instants on the wall clock from the moment they were handed out: the time spent claiming and composing
  // must not push this group's sends into the next group's slots.
  const reservedAt = context.wallClock();
  // A channel whose slot is far off comes back through the queue shortly before it (its ticket keeps the place);
  // the other goes now.
  const soon = (slot: PaceSlot | null) => slot !== null && slot.waitMs <= MAX_PACE_SLEEP_MS;
  const laterWait = Math.min(...[emailSlot, smsSlot].filter((slot) => slot !== null && !soon(slot)).map((slot) => slot!.waitMs));
  const comeBackInMs = Number.isFinite(laterWait) ? laterWait - MAX_PACE_SLEEP_MS / 2 : null;
  if (!soon(emailSlot) && !soon(smsSlot)) return { summary: NOTHING, againInMs: comeBackInMs };

  // Each message is decided at the instant its slot lets it go: a paced SMS that would leave after 20:00 local waits.
  const waits: { id: string; until: number }[] = [];
  const requests: { id: string; cycle: number; day: number; channel: DueRow['channel'] }[] = [];
  const sendAt = new Map<string, number>();
  const decide = (row: DueRow, at: number) => {
    const course = findCourse(row.course_id);
    if (!course) {
      // Someone removed a course folder with enrolments still running: nothing is sent, nothing is lost.
      context.log.error('course_missing', { course: row.course_id });
      waits.push({ id: row.id, until: now + MISSING_COURSE_WAIT_MS });
      return;
    }
    const decision = decideDue(toDueSubscriber(row, course.days.length), at);
    if (decision.action === 'wait') waits.push({ id: row.id, until: decision.until });
    else {
      requests.push({ id: row.id, cycle: row.cycle, day: decision.day, channel: row.channel });
      sendAt.set(row.id, at);
    }
  };
  if (soon(emailSlot)) emailRows.forEach((row) => decide(row, now + emailSlot!.waitMs));
  if (soon(smsSlot)) smsRows.forEach((row, index) => decide(row, now + smsSlot!.waitMs + index * smsSlot!.intervalMs));

  const claims = await claimDeliveries(context.d1, requests, now, now - STALE_CLAIM_MS);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const [emailOutcomes, smsOutcomes] = await Promise.all([
    sendEmails(context, claims.filter((claim) => claim.channel === 'email'), byId, slotClock(context, 'resend', emailSlot, reservedAt)),
    sendSmsMessages(context, claims.filter((claim) => claim.channel === 'sms'), byId, slotClock(context, 'twilio', smsSlot, reservedAt)),
  ]);

  const sent: SentRecord[] = [];
  const failed: FailedRecord[] = [];
  let againInMs: number | null = null;
  for (const { claim, outcome, uncertain, waitAtLeastMs } of [...emailOutcomes, ...smsOutcomes]) {
    const at = sendAt.get(claim.id) ?? now;
    if (isAccepted(outcome)) {
      const row = byId.get(claim.id)!;
      const course = findCourse(row.course_id)!;
      const progress = advanceAfterSend(toDueSubscriber(row, course.days.length), claim.day, at);
      sent.push({ id: claim.id, cycle: claim.cycle, day: claim.day, providerId: outcome.providerId, courseVersion: course.version, ...progress });
    } else if (outcome.outcome === 'refused') {
      failed.push({ id: claim.id, cycle: claim.cycle, day: claim.day, error: outcome.error, kind: 'permanent', retryAt: now, keepKey: false });
    } else {
      const delay = Math.max(retryDelayFor(outcome, claim.attempts), waitAtLeastMs ?? 0);
      const kind = claim.attempts >= MAX_ATTEMPTS ? 'failed' : 'retry';
      failed.push({ id: claim.id, cycle: claim.cycle, day: claim.day, error: outcome.error, kind, retryAt: now + delay, keepKey: uncertain });
      // A refusal for pace or a server error comes back through the queue in seconds, not on a later tick.
      if (outcome.outcome === 'rate_limited' || outcome.outcome === 'server') againInMs = Math.max(againInMs ?? 0, delay);
    }
  }
  // The message comes back for whichever is first: a retry after the provider's wait, or the far channel's slot.
  if (comeBackInMs !== null) againInMs = Math.min(againInMs ?? Infinity, comeBackInMs);
  const statements = recordOutcomes(context.d1, sent, failed, now);
  if (waits.length > 0) statements.push(deferSubscribers(context.d1, waits));
  if (statements.length > 0) await context.d1.batch(statements);
  return {
    summary: {
      sent: sent.length,
      retrying: failed.filter((record) => record.kind !== 'permanent').length,
      suppressed: failed.filter((record) => record.kind === 'permanent').length,
      waiting: waits.length,
      skipped: requests.length - claims.length,
    },
    againInMs,
  };
}

/** How long a failed attempt waits: the provider's word for pace, backoff otherwise, and long enough for Twilio's callback. */
function retryDelayFor(outcome: Exclude<SendOutcome, { outcome: 'sent' | 'duplicate' | 'refused' }>, attempts: number): number {
  if (outcome.outcome === 'rate_limited') return outcome.retryAfterMs;
  if (outcome.outcome === 'server') return retryDelay(attempts, outcome.retryAfterMs);
  return retryDelay(attempts);
}

interface ClaimOutcome {
  claim: Claim;
  outcome: SendOutcome;
  /** The provider may have accepted this call already: later attempts must repeat it with the same key. */
  uncertain: boolean;
  /** The least time before the next attempt. */
  waitAtLeastMs?: number;
}

function targetOf(claim: Claim, row: DueRow): ComposeTarget {
  return { id: claim.id, address: row.address, timezone: row.timezone, sendHour: row.send_hour, day: claim.day, courseId: row.course_id, role: row.role, dueAt: row.next_due_at };
}

/** Waits for each send's slot in turn; a hold the provider asked for (a 429) is taken once per group. */
interface SlotClock {
  /** Sleeps until the next slot; a send that is late keeps a full interval after the one before it, never bunching up. */
  next(): Promise<void>;
  /** The provider said wait: nobody sends to it until `forMs` from now (one call to the shared pace per group). */
  hold(forMs: number): Promise<void>;
}

function slotClock(context: DeliveryContext, provider: Provider, reserved: PaceSlot | null, reservedAt: number): SlotClock {
  const slot = reserved ?? { waitMs: 0, intervalMs: 0 };
  let index = 0;
  let previousAt = -Infinity;
  let held = false;
  return {
    async next() {
      const at = Math.max(reservedAt + slot.waitMs + index * slot.intervalMs, previousAt + slot.intervalMs);
      index++;
      const remaining = at - context.wallClock();
      if (remaining > 0) await context.sleep(remaining);
      previousAt = Math.max(at, context.wallClock());
    },
    async hold(forMs) {
      if (held) return;
      held = true;
      await context.pace.hold(provider, forMs);
    },
  };
}

/** The key of one provider call: the same members on the same attempt give the same key; a new attempt, a new key. */
export async function batchKey(claims: Claim[]): Promise<string> {
  const members = claims.map((claim) => `${claim.id}:${claim.cycle}:${claim.day}:${claim.attempts}`).sort().join(',');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(members)));
  return `rt-${[...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Splits email claims into provider calls. A claim whose earlier call went unanswered is sent again in exactly
 * that call (same members, same key, same payload) when all its members are back, so the provider can
 * recognise the repeat; everything else is grouped afresh, in a stable order.
 */
async function planEmailCalls(d1: D1Database, claims: Claim[], maxBatch: number): Promise<{ claims: Claim[]; key: string | null }[]> {
  const calls: { claims: Claim[]; key: string | null }[] = [];
  const fresh: Claim[] = [];
  const byPreviousKey = new Map<string, Claim[]>();
  for (const claim of claims) {
    if (claim.previous_key) byPreviousKey.set(claim.previous_key, [...(byPreviousKey.get(claim.previous_key) ?? []), claim]);
    else fresh.push(claim);
  }
  for (const [key, members] of byPreviousKey) {
    const original = await membersOfCall(d1, key);
    const complete = original.length === members.length && original.every((row) => members.some((claim) => sameDelivery(claim, row)));
    if (complete) calls.push({ claims: members.sort(byDelivery), key });
    else fresh.push(...members);
  }
  fresh.sort(byDelivery);
  for (let start = 0; start < fresh.length; start += maxBatch) calls.push({ claims: fresh.slice(start, start + maxBatch), key: null });
  return calls;
}

function sameDelivery(a: { id: string; cycle: number; day: number }, b: { id: string; cycle: number; day: number }): boolean {
  return a.id === b.id && a.cycle === b.cycle && a.day === b.day;
}

function byDelivery(a: Claim, b: Claim): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.cycle - b.cycle || a.day - b.day;
}

async function sendEmails(context: DeliveryContext, claims: Claim[], byId: Map<string, DueRow>, clock: SlotClock): Promise<ClaimOutcome[]> {
  const results: ClaimOutcome[] = [];
  const calls = await planEmailCalls(context.d1, claims, context.email.maxBatch);
  let refusal: RateLimited | null = null;
  let repeatsLeft = UNANSWERED_RETRIES;
  for (const call of calls) {
    if (refusal) {
      // Refused for pace: the rest of the group waits for the queue to bring it back after the Retry-After.
      for (const claim of call.claims) results.push({ claim, outcome: refusal, uncertain: call.key !== null });
      continue;
    }
    const key = call.key ?? (await batchKey(call.claims));
    const emails = await Promise.all(call.claims.map((claim) => composeEmail(context.config, targetOf(claim, byId.get(claim.id)!))));
    if (!call.key) await noteIdempotencyKeys(context.d1, call.claims.map((claim) => ({ id: claim.id, cycle: claim.cycle, day: claim.day, key }))).run();
    await clock.next();
    let outcomes = await context.email.sendBatch(emails, key);
    // Once a call went unanswered (or repeats one that did), only an acceptance settles it: keep its key until then.
    let uncertain = call.key !== null || outcomes.some(isUnanswered);
    for (; repeatsLeft > 0 && outcomes.some(isUnanswered); repeatsLeft--) {
      outcomes = await context.email.sendBatch(emails, key);
    }
    uncertain ||= outcomes.some(isUnanswered);
    refusal = await holdForRateLimit(clock, outcomes);
    call.claims.forEach((claim, position) => results.push({ claim, outcome: outcomes[position]!, uncertain }));
  }
  return results;
}

function isUnanswered(outcome: SendOutcome): boolean {
  return outcome.outcome === 'unanswered';
}

type RateLimited = Extract<SendOutcome, { outcome: 'rate_limited' }>;

/** A 429 that still happened: nobody sends to that provider until its Retry-After has passed. Returns the refusal. */
async function holdForRateLimit(clock: SlotClock, outcomes: SendOutcome[]): Promise<RateLimited | null> {
  let refusal: RateLimited | null = null;
  for (const outcome of outcomes) {
    if (outcome.outcome === 'rate_limited' && outcome.retryAfterMs > (refusal?.retryAfterMs ?? -1)) refusal = outcome;
  }
  if (refusal) await clock.hold(refusal.retryAfterMs);
  return refusal;
}

async function sendSmsMessages(context: DeliveryContext, claims: Claim[], byId: Map<string, DueRow>, clock: SlotClock): Promise<ClaimOutcome[]> {
  const results: ClaimOutcome[] = [];
  let refusal: RateLimited | null = null;
  for (const claim of claims) {
    if (refusal) {
      results.push({ claim, outcome: refusal, uncertain: false });
      continue;
    }
    const sms = await composeSms(context.config, targetOf(claim, byId.get(claim.id)!));
    await clock.next();
    const outcome = await context.sms.send(sms, smsDeliveryKey(claim.id, claim.cycle, claim.day));
    refusal = await holdForRateLimit(clock, [outcome]);
    // Twilio has no idempotency key: after an unanswered call, wait long enough for its status callback to
    // settle the delivery (see settle-accepted.ts) before texting again.
    results.push({ claim, outcome, uncertain: false, ...(isUnanswered(outcome) ? { waitAtLeastMs: SMS_UNANSWERED_WAIT_MS } : {}) });
  }
  return results;
}
