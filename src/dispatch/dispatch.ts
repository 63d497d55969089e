// The daily send's one entry point: the cron tick plans, the queue consumer delivers, each invocation inside the Free plan's budget.
import { loadSendLoad } from '../db/dispatch-queries';
import { FREE_PLAN_LIMITS, type InvocationUsage } from '../platform/invocation-meter';
import type { SendOutcome } from '../channels/channel';
import { composeEmail, composeSms, type ComposeTarget } from './compose';
import { UNANSWERED_RETRIES, deliverDue, deliverGroup, type DeliveryContext, type DeliverySummary } from './deliver';
import { settleAcceptedDelivery } from './settle-accepted';
import { planAllowance, type PaceGate, type Provider } from './pace';
import { estimatePace, type PaceEstimate } from '../schedule/pace-estimate';
import { EMAILS_PER_CALL, LEASE_MS, planTick, type Allowance, type DispatchMessage, type Group } from './plan';

/** What the daily send needs from the wiring: the delivery context, the queue and what this invocation spent. */
export interface DispatchServices extends DeliveryContext {
  queue: Queue<DispatchMessage>;
  usage: InvocationUsage;
}

/** What other features may ask of the daily send (the wiring injects it, so none imports dispatch's files). */
export interface DispatchService {
  /** Sends what is due to `ids` at once, through the same path as the daily send (a welcome after confirming). */
  deliverNow(ids: string[], now: number): Promise<DeliverySummary>;
  /** Settles an SMS whose call went unanswered, from Twilio's status callback; true when it settled one. */
  settleAccepted(deliveryKey: string, providerId: string): Promise<boolean>;
  /** The operator's view of the pace at `now`. */
  estimatePace(now: number): Promise<PaceEstimate>;
  /**
   * Runs the tick at `at` and delivers everything it queued, in this invocation and in order (the local try-out's
   * clock buttons): the same planning and delivery code as the cron and the queue, with no wait for a consumer.
   */
  runTickInline(at: number): Promise<DeliverySummary>;
  /** Composes an enrolment's message for `target.day` again and sends it under `key` (the operator's resend). */
  resendStep(channel: 'email' | 'sms', target: ComposeTarget, key: string): Promise<SendOutcome>;
}

/** The dispatch service over one invocation's services. */
export function createDispatchService(services: DispatchServices): DispatchService {
  return {
    deliverNow: (ids, now) => deliverDue(services, ids, now),
    settleAccepted: (deliveryKey, providerId) => settleAcceptedDelivery(services.d1, deliveryKey, providerId),
    estimatePace: (now) => loadPaceEstimate(services, now),
    runTickInline: (at) => runTickInline(services, at),
    resendStep: async (channel, target, key) =>
      channel === 'email'
        ? ((await services.email.sendBatch([await composeEmail(services.config, target)], key))[0] ?? { outcome: 'unanswered', error: 'no answer' })
        : services.sms.send(await composeSms(services.config, target), key),
  };
}

/** A queue that keeps what it is given, for a tick handled inside one invocation. */
function inlineQueue(kept: DispatchMessage[]): Queue<DispatchMessage> {
  return {
    async send(body: DispatchMessage) {
      kept.push(body);
    },
    async sendBatch(batch: Iterable<{ body: DispatchMessage }>) {
      for (const item of batch) kept.push(item.body);
    },
  } as unknown as Queue<DispatchMessage>;
}

async function runTickInline(services: DispatchServices, at: number): Promise<DeliverySummary> {
  const queued: DispatchMessage[] = [];
  const queue = inlineQueue(queued);
  const unlimited: Allowance = { email: Number.MAX_SAFE_INTEGER, sms: Number.MAX_SAFE_INTEGER };
  const totals: DeliverySummary = { sent: 0, retrying: 0, suppressed: 0, waiting: 0, skipped: 0 };
  await planTick(services.d1, queue, { now: at, plannedAt: at, allowance: unlimited });
  for (let body = queued.shift(); body; body = queued.shift()) {
    if (body.type === 'plan') {
      await planTick(services.d1, queue, body);
      continue;
    }
    const { summary } = await deliverGroup(services, idsOf(body), body.now, `inline-${crypto.randomUUID()}`);
    for (const key of Object.keys(totals) as (keyof DeliverySummary)[]) totals[key] += summary[key];
  }
  return totals;
}

/** What a message may cost an invocation: D1 queries and subrequests (the Free plan's 50 each), and CPU ms. */
interface MessageCost extends InvocationUsage {
  cpuMs: number;
}

/** The Free plan's CPU time per invocation. */
const CPU_BUDGET_MS = 10;
/** Pages a `plan` continuation takes inside a queue invocation, and the most that may cost. */
const PAGES_PER_CONTINUATION = 8;
const PLAN_COST: MessageCost = { d1Queries: PAGES_PER_CONTINUATION * 2, subrequests: PAGES_PER_CONTINUATION * 3 + 1, cpuMs: 3 };
/**
 * What one `deliver` message may spend at most. D1: load, claim, record (4 statements), defer; per Resend call its
 * key noted, or the members of the unanswered call it repeats looked up. Subrequests: one per provider call and the
 * group's repeats of unanswered Resend calls, a pace slot and at most one hold per provider. CPU: composing, signing and filling 100 emails, about 1.4 ms in a warm
 * isolate (npm run bench measures it), an SMS far less.
 */
function deliverCost(body: DeliverMessage): MessageCost {
  const group = groupOf(body);
  const calls = Math.ceil(group.email.length / EMAILS_PER_CALL);
  const sms = group.sms.length;
  const providers = (calls > 0 ? 1 : 0) + (sms > 0 ? 1 : 0);
  const repeats = calls > 0 ? UNANSWERED_RETRIES : 0;
  return { d1Queries: 7 + 2 * calls, subrequests: calls + repeats + sms + 2 * providers, cpuMs: calls * CPU_MS_PER_EMAIL_CALL + sms * CPU_MS_PER_SMS };
}
type DeliverMessage = Extract<DispatchMessage, { type: 'deliver' }>;

/**
 * A deliver message's subscribers by channel. Messages queued by the version before (one channel per message, as
 * `channel` and `subscriberIds`) may still be in the queue after a deploy: they are delivered as they are.
 */
function groupOf(body: DeliverMessage): Group {
  const earlier = body as unknown as { channel?: 'email' | 'sms'; subscriberIds?: string[] };
  if (!Array.isArray(earlier.subscriberIds)) return body;
  return earlier.channel === 'sms' ? { email: [], sms: earlier.subscriberIds } : { email: earlier.subscriberIds, sms: [] };
}

function idsOf(body: DeliverMessage): string[] {
  const group = groupOf(body);
  return [...group.email, ...group.sms];
}

/** Measured CPU of composing one Resend call's 100 emails, and one SMS, with a margin (bench/compose-cpu.ts). */
const CPU_MS_PER_EMAIL_CALL = 1.5;
const CPU_MS_PER_SMS = 0.02;
/** Planned work must find its pace slot well inside its lease. */
const PLAN_HORIZON_MS = LEASE_MS - 5 * 60_000;
/** The longest the queue may hold a message back (the platform allows 12 hours). */
const MAX_QUEUE_DELAY_S = 12 * 3600;

/**
 * The time a queue message has waited since it was planned, in whole minutes: a message brought back by the queue
 * acts at its tick's instant plus that wait, while one handled at once acts exactly at its tick's instant.
 */
function wholeMinutesSince(plannedAt: number, wallNow: number): number {
  return Math.floor(Math.max(0, wallNow - plannedAt) / 60_000) * 60_000;
}

export type DispatchTotals = DeliverySummary & { planned: number; postponed: number; deferred: number; later: number };

function withinBudget(usage: MessageCost, cost: MessageCost): boolean {
  return (
    usage.d1Queries + cost.d1Queries <= FREE_PLAN_LIMITS.d1Queries &&
    usage.subrequests + cost.subrequests <= FREE_PLAN_LIMITS.subrequests &&
    usage.cpuMs + cost.cpuMs <= CPU_BUDGET_MS
  );
}

function costOf(body: DispatchMessage): MessageCost {
  return body.type === 'plan' ? PLAN_COST : deliverCost(body);
}

/** How many subscribers each channel may take on this tick, from what its pace has already booked. */
async function allowanceOf(pace: PaceGate): Promise<Allowance> {
  const perChannel = async (provider: Provider, perCall: number): Promise<number> => {
    const rate = pace.rate(provider);
    if (rate === null) return Number.MAX_SAFE_INTEGER;
    return planAllowance(rate, PLAN_HORIZON_MS, await pace.bookedAheadMs(provider)) * perCall;
  };
  const [email, sms] = await Promise.all([perChannel('resend', EMAILS_PER_CALL), perChannel('twilio', 1)]);
  return { email, sms };
}

/** The cron tick: plans what is due at `scheduledTime` (never the wall clock, so a tick can be replayed). */
export async function runDispatchTick(services: DispatchServices, scheduledTime: number) {
  const allowance = await allowanceOf(services.pace);
  return planTick(services.d1, services.queue, { now: scheduledTime, plannedAt: services.wallClock(), allowance });
}

/**
 * One queue invocation: plan continuations and deliver groups. A group is one invocation's work (its emails go
 * while its SMS wait for Twilio's pace); wrangler.toml hands over one message per batch, and should a batch hold
 * more, messages are admitted while their worst-case cost fits the budget, handled side by side, and the rest come
 * back at once in another invocation. A message whose pace slot is later, or whose provider said "wait", comes back
 * through the queue after that long. Time moves on from the tick's instant as the wall clock does, by the minute;
 * within a group, each send is decided at its own pace slot.
 */
export async function runDispatchBatch(services: DispatchServices, batch: MessageBatch<DispatchMessage>): Promise<DispatchTotals> {
  const totals: DispatchTotals = { sent: 0, retrying: 0, suppressed: 0, waiting: 0, skipped: 0, planned: 0, postponed: 0, deferred: 0, later: 0 };
  const committed: MessageCost = { ...services.usage, cpuMs: 0 };
  const admitted: Message<DispatchMessage>[] = [];
  for (const message of batch.messages) {
    const cost = costOf(message.body);
    // The first message always goes: a message must never be too large for any invocation.
    if (admitted.length === 0 || withinBudget(committed, cost)) {
      committed.d1Queries += cost.d1Queries;
      committed.subrequests += cost.subrequests;
      committed.cpuMs += cost.cpuMs;
      admitted.push(message);
    } else {
      message.retry({ delaySeconds: 0 });
      totals.deferred++;
    }
  }
  await Promise.all(admitted.map((message) => handleMessage(services, message, totals)));
  return totals;
}

async function handleMessage(services: DispatchServices, message: Message<DispatchMessage>, totals: DispatchTotals): Promise<void> {
  const body = message.body;
  try {
    if (body.type === 'plan') {
      const summary = await planTick(services.d1, services.queue, body, PAGES_PER_CONTINUATION);
      totals.planned += summary.planned;
      totals.postponed += summary.postponed;
      message.ack();
      return;
    }
    const now = body.now + wholeMinutesSince(body.plannedAt, services.wallClock());
    const { summary, againInMs } = await deliverGroup(services, idsOf(body), now, message.id);
    for (const key of ['sent', 'retrying', 'suppressed', 'waiting', 'skipped'] as const) totals[key] += summary[key];
    if (againInMs === null) message.ack();
    else {
      message.retry({ delaySeconds: Math.min(MAX_QUEUE_DELAY_S, Math.max(1, Math.ceil(againInMs / 1000))) });
      totals.later++;
    }
  } catch (error) {
    // Nothing is lost: unsent steps stay due (their lease expires) and the message is retried.
    services.log.error('queue_message_failed', { type: body.type, error: (error as Error).message });
    message.retry({ delaySeconds: 30 });
  }
}

/** The operator's view of the pace: the backlog, when it clears, and the next day's send hours the limits cannot meet. */
async function loadPaceEstimate(services: DispatchServices, now: number): Promise<PaceEstimate> {
  const loads = await loadSendLoad(services.d1, now + 24 * 3_600_000);
  return estimatePace(loads, { resendPerSecond: services.pace.rate('resend'), twilioPerSecond: services.pace.rate('twilio') }, now);
}
