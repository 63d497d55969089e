// Sends what is due to a group of subscribers: load, decide, claim, compose, send through the channel, record.
import type { Config } from '../config';
import type { EmailChannel, SendOutcome, SmsChannel } from '../channels/channel';
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
import { composeEmail, composeSms, type ComposeTarget } from './compose';
import { smsDeliveryKey } from './settle-accepted';
import { MAX_ATTEMPTS, advanceAfterSend, decideDue, retryDelay, type DueSubscriber } from './progress';

export interface DeliveryContext {
  d1: D1Database;
  config: Config;
  email: EmailChannel;
  sms: SmsChannel;
}

export interface DeliverySummary {
  sent: number;
  retrying: number;
  suppressed: number;
  waiting: number;
  skipped: number;
}

/** A claim left `sending` longer than this belongs to a worker that died (queue consumers stop within 15 minutes). */
export const STALE_CLAIM_MS = 20 * 60_000;
/** Concurrent Twilio calls per invocation. */
const SMS_CONCURRENCY = 6;
/** How long an unanswered SMS waits for Twilio's status callback before it is sent again. */
const SMS_UNANSWERED_WAIT_MS = 45 * 60_000;
/** Immediate re-sends of an unanswered provider call, with the same key and payload. */
const UNANSWERED_RETRIES = 2;

function toDueSubscriber(row: DueRow): DueSubscriber {
  return {
    id: row.id,
    channel: row.channel,
    timezone: row.timezone,
    sendHour: row.send_hour,
    cycle: row.cycle,
    nextDay: row.next_day,
    lastSentAt: row.last_sent_at,
  };
}

/**
 * Delivers the messages due at `now` to the subscribers among `ids`. Each (subscriber, cycle, day, channel)
 * is claimed before sending and marked sent only when the provider accepted it; everything else is left
 * due for a later attempt, or suppressed on a permanent refusal.
 */
export async function deliverDue(context: DeliveryContext, ids: string[], now: number): Promise<DeliverySummary> {
  const { d1 } = context;
  const rows = await loadDueSubscribers(d1, ids, now);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const waits: { id: string; until: number }[] = [];
  const requests: { id: string; cycle: number; day: number; channel: DueRow['channel'] }[] = [];
  for (const row of rows) {
    const decision = decideDue(toDueSubscriber(row), now);
    if (decision.action === 'wait') waits.push({ id: row.id, until: decision.until });
    else requests.push({ id: row.id, cycle: row.cycle, day: decision.day, channel: row.channel });
  }
  const claims = await claimDeliveries(d1, requests, now, now - STALE_CLAIM_MS);
  const outcomes = await sendClaims(context, claims, byId, now);

  const sent: SentRecord[] = [];
  const failed: FailedRecord[] = [];
  for (const { claim, outcome, uncertain } of outcomes) {
    const row = byId.get(claim.id)!;
    if (outcome.outcome === 'ok') {
      sent.push({ id: claim.id, cycle: claim.cycle, day: claim.day, providerId: outcome.providerId, ...advanceAfterSend(toDueSubscriber(row), claim.day, now) });
    } else if (outcome.outcome === 'permanent') {
      failed.push({ id: claim.id, cycle: claim.cycle, day: claim.day, error: outcome.error, kind: 'permanent', retryAt: now, keepKey: false });
    } else {
      const kind = claim.attempts >= MAX_ATTEMPTS ? 'failed' : 'retry';
      const retryAt = now + retryDelay(claim.attempts, outcome.retryAfterMs);
      failed.push({ id: claim.id, cycle: claim.cycle, day: claim.day, error: outcome.error, kind, retryAt, keepKey: uncertain === true });
    }
  }
  const statements = recordOutcomes(d1, sent, failed, now);
  if (waits.length > 0) statements.push(deferSubscribers(d1, waits));
  if (statements.length > 0) await d1.batch(statements);
  return {
    sent: sent.length,
    retrying: failed.filter((record) => record.kind !== 'permanent').length,
    suppressed: failed.filter((record) => record.kind === 'permanent').length,
    waiting: waits.length,
    skipped: requests.length - claims.length,
  };
}

interface ClaimOutcome {
  claim: Claim;
  outcome: SendOutcome;
  /** The provider may have accepted this call already: later attempts must repeat it with the same key. */
  uncertain?: boolean;
}

function targetOf(claim: Claim, row: DueRow): ComposeTarget {
  return { id: claim.id, address: row.address, timezone: row.timezone, sendHour: row.send_hour, role: row.role, day: claim.day };
}

async function sendClaims(context: DeliveryContext, claims: Claim[], byId: Map<string, DueRow>, now: number): Promise<ClaimOutcome[]> {
  const emailClaims = claims.filter((claim) => claim.channel === 'email');
  const smsClaims = claims.filter((claim) => claim.channel === 'sms');
  const [emailOutcomes, smsOutcomes] = await Promise.all([
    sendEmails(context, emailClaims, byId, now),
    sendSmsMessages(context, smsClaims, byId, now),
  ]);
  return [...emailOutcomes, ...smsOutcomes];
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

async function sendEmails(context: DeliveryContext, claims: Claim[], byId: Map<string, DueRow>, now: number): Promise<ClaimOutcome[]> {
  const results: ClaimOutcome[] = [];
  for (const call of await planEmailCalls(context.d1, claims, context.email.maxBatch)) {
    const key = call.key ?? (await batchKey(call.claims));
    const emails = await Promise.all(call.claims.map((claim) => composeEmail(context.config, targetOf(claim, byId.get(claim.id)!), now)));
    if (!call.key) await noteIdempotencyKeys(context.d1, call.claims.map((claim) => ({ id: claim.id, cycle: claim.cycle, day: claim.day, key }))).run();
    let outcomes = await context.email.sendBatch(emails, key);
    // Once a call went unanswered (or repeats one that did), only a success settles it: keep its key until then.
    let uncertain = call.key !== null || outcomes.some(isUnanswered);
    for (let retry = 0; retry < UNANSWERED_RETRIES && outcomes.some(isUnanswered); retry++) {
      outcomes = await context.email.sendBatch(emails, key);
    }
    uncertain ||= outcomes.some(isUnanswered);
    call.claims.forEach((claim, index) => results.push({ claim, outcome: outcomes[index]!, uncertain }));
  }
  return results;
}

/** A network error or timeout: the provider may have accepted the call, so it is repeated with the same key. */
function isUnanswered(outcome: SendOutcome): boolean {
  return outcome.outcome === 'retryable' && /\bnetwork\b/.test(outcome.error);
}

async function sendSmsMessages(context: DeliveryContext, claims: Claim[], byId: Map<string, DueRow>, now: number): Promise<ClaimOutcome[]> {
  const results: ClaimOutcome[] = [];
  let next = 0;
  async function worker() {
    while (next < claims.length) {
      const claim = claims[next++]!;
      const sms = await composeSms(context.config, targetOf(claim, byId.get(claim.id)!), now);
      const outcome = await context.sms.send(sms, smsDeliveryKey(claim.id, claim.cycle, claim.day));
      // Twilio has no idempotency key: after an unanswered call, wait long enough for its status callback to
      // settle the delivery (see settle-accepted.ts) before texting again.
      const unanswered = isUnanswered(outcome) && outcome.outcome === 'retryable';
      results.push({ claim, outcome: unanswered ? { ...outcome, retryAfterMs: Math.max(outcome.retryAfterMs ?? 0, SMS_UNANSWERED_WAIT_MS) } : outcome });
    }
  }
  await Promise.all(Array.from({ length: Math.min(SMS_CONCURRENCY, claims.length) }, worker));
  return results;
}
