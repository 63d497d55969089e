// The worker's entry points: fetch (the Hono app), scheduled (the daily send plans), queue (the daily send delivers), email (replies): wiring only.
import { app } from './app';
import { runDispatchBatch, runDispatchTick } from './dispatch/dispatch';
import type { DispatchMessage } from './dispatch/plan';
import { FREE_PLAN_LIMITS, type InvocationUsage } from './platform/invocation-meter';
import type { Logger } from './platform/log';
import { receiveRoutedEmail } from './inbound/email/email-routing';
import { forgetSignupWindows } from './db/signup-windows';
import { buildServices } from './services';
import { SIGNUP_WINDOW_MS } from './subscribe/rate-limit';

export { SendPace } from './dispatch/pace-object';

/** One log line per invocation with what it spent; a warning if it went past the Free plan's limits. */
function logUsage(log: Logger, kind: 'tick' | 'queue' | 'email', usage: InvocationUsage, details: Record<string, unknown>): void {
  const over = usage.d1Queries > FREE_PLAN_LIMITS.d1Queries || usage.subrequests > FREE_PLAN_LIMITS.subrequests;
  (over ? log.warn : log.info)('invocation', { kind, ...usage, ...details });
}

export default {
  fetch: app.fetch,

  async scheduled(controller, env, _ctx) {
    const services = buildServices(env);
    const summary = await runDispatchTick(services, controller.scheduledTime);
    await forgetSignupWindows(services.db, controller.scheduledTime - SIGNUP_WINDOW_MS);
    logUsage(services.log, 'tick', services.usage, { now: new Date(controller.scheduledTime).toISOString(), ...summary });
  },

  async queue(batch, env, _ctx) {
    const services = buildServices(env);
    const startedAt = services.wallClock();
    const totals = await runDispatchBatch(services, batch);
    // Wall ms, not CPU: how long the batch held the consumer (mostly waiting for pace slots).
    logUsage(services.log, 'queue', services.usage, { messages: batch.messages.length, ...totals, ms: services.wallClock() - startedAt });
  },

  async email(message, env, _ctx) {
    const services = buildServices(env);
    await receiveRoutedEmail(services, message, services.wallClock());
    logUsage(services.log, 'email', services.usage, {});
  },
} satisfies ExportedHandler<Env, DispatchMessage>;
