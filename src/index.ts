// The worker's entry points: fetch (the Hono app), scheduled (the cron tick plans), queue (delivery), wiring only.
import { app } from './app';
import { deliverDue } from './delivery/deliver';
import { planTick } from './delivery/plan-tick';
import type { DeliveryQueueMessage } from './delivery/queue-messages';
import { buildServices } from './services';

export default {
  fetch: app.fetch,

  async scheduled(controller, env, _ctx) {
    // "Now" is the tick's scheduled time, never the wall clock, so any tick can be replayed.
    const now = controller.scheduledTime;
    const summary = await planTick(env.DB, env.DELIVERY_QUEUE, now);
    console.log(JSON.stringify({ event: 'tick_planned', now: new Date(now).toISOString(), ...summary }));
  },

  async queue(batch, env, _ctx) {
    const services = buildServices(env);
    for (const message of batch.messages) {
      const body = message.body;
      if (body.type === 'plan') {
        await planTick(env.DB, env.DELIVERY_QUEUE, body.now);
      } else {
        const summary = await deliverDue(services, body.subscriberIds, body.now);
        console.log(JSON.stringify({ event: 'delivered', now: new Date(body.now).toISOString(), ...summary }));
      }
      message.ack();
    }
  },
} satisfies ExportedHandler<Env, DeliveryQueueMessage>;
