// The worker's entry points: fetch (the Hono app), scheduled (the cron tick plans), queue (delivery), email (replies), wiring only.
import { app } from './app';
import { deliverDue } from './delivery/deliver';
import { planTick } from './delivery/plan-tick';
import { MESSAGE_COST, type DeliveryQueueMessage } from './delivery/queue-messages';
import { FREE_PLAN_LIMITS, type InvocationUsage } from './platform/invocation-meter';
import type { Logger } from './platform/log';
import { receiveRoutedEmail } from './replies/email-routing';
import { forgetSignupWindows } from './db/signup-windows';
import { buildServices } from './services';
import { SIGNUP_WINDOW_MS } from './subscribe/rate-limit';

/** Pages a `plan` continuation takes inside a queue invocation, and what that may cost. */
const PAGES_PER_CONTINUATION = 8;
const PLAN_COST = { d1Queries: PAGES_PER_CONTINUATION, subrequests: PAGES_PER_CONTINUATION * 3 + 1 };

function withinBudget(usage: InvocationUsage, cost: InvocationUsage): boolean {
  return usage.d1Queries + cost.d1Queries <= FREE_PLAN_LIMITS.d1Queries && usage.subrequests + cost.subrequests <= FREE_PLAN_LIMITS.subrequests;
}

/** One log line per invocation with what it spent; a warning if it went past the Free plan's limits. */
function logUsage(log: Logger, kind: 'tick' | 'queue' | 'email', usage: InvocationUsage, details: Record<string, unknown>): void {
  const over = usage.d1Queries > FREE_PLAN_LIMITS.d1Queries || usage.subrequests > FREE_PLAN_LIMITS.subrequests;
  (over ? log.warn : log.info)('invocation', { kind, ...usage, ...details });
}

export default {
  fetch: app.fetch,

  async scheduled(controller, env, _ctx) {
    // "Now" is the tick's scheduled time, never the wall clock, so any tick can be replayed.
    const services = buildServices(env);
    const summary = await planTick(services.d1, services.queue, controller.scheduledTime);
    await forgetSignupWindows(services.db, controller.scheduledTime - SIGNUP_WINDOW_MS);
    logUsage(services.log, 'tick', services.usage, { now: new Date(controller.scheduledTime).toISOString(), ...summary });
  },

  async queue(batch, env, _ctx) {
    const services = buildServices(env);
    const totals = { sent: 0, retrying: 0, suppressed: 0, waiting: 0, skipped: 0, planned: 0, deferred: 0 };
    for (const message of batch.messages) {
      if (!withinBudget(services.usage, message.body.type === 'plan' ? PLAN_COST : MESSAGE_COST)) {
        // Out of this invocation's budget: the message comes back in another invocation.
        message.retry({ delaySeconds: 1 });
        totals.deferred++;
        continue;
      }
      try {
        const body = message.body;
        if (body.type === 'plan') {
          totals.planned += (await planTick(services.d1, services.queue, body.now, PAGES_PER_CONTINUATION, body.carried)).planned;
        } else {
          const summary = await deliverDue(services, body.subscriberIds, body.now);
          for (const key of ['sent', 'retrying', 'suppressed', 'waiting', 'skipped'] as const) totals[key] += summary[key];
        }
        message.ack();
      } catch (error) {
        // Nothing is lost: unsent steps stay due (their lease expires) and the message is retried.
        services.log.error('queue_message_failed', { type: message.body.type, error });
        message.retry({ delaySeconds: 30 });
      }
    }
    logUsage(services.log, 'queue', services.usage, { messages: batch.messages.length, ...totals });
  },

  async email(message, env, _ctx) {
    const services = buildServices(env);
    await receiveRoutedEmail(services, message, Date.now());
    logUsage(services.log, 'email', services.usage, {});
  },
} satisfies ExportedHandler<Env, DeliveryQueueMessage>;
