// Drives the real worker in workerd from tests: HTTP requests, cron ticks (queue drained in order), and D1 reads.
import { createExecutionContext, createMessageBatch, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index';
import type { DeliveryQueueMessage } from '../../src/delivery/queue-messages';

export type TestEnv = Env;

/** The test env with some variables replaced (e.g. provider keys pointing at a stand-in). */
export function envWith(overrides: Partial<Env> = {}): Env {
  return { ...env, ...overrides } as Env;
}

/** Sends a request to the worker's fetch handler, as if to http://localhost:8787. */
export async function call(path: string, init: RequestInit = {}, testEnv: Env = env as Env): Promise<Response> {
  const ctx = createExecutionContext();
  const url = path.startsWith('http') ? path : `http://localhost:8787${path}`;
  const response = await worker.fetch(new Request(url, init), testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** POSTs JSON to the worker. */
export function postJson(path: string, body: unknown, testEnv?: Env, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }, testEnv);
}

/** A queue that keeps what the tick sends, so the test can hand it to the consumer. */
export function recordingQueue() {
  const messages: DeliveryQueueMessage[] = [];
  const queue = {
    async send(body: DeliveryQueueMessage) {
      messages.push(body);
    },
    async sendBatch(batch: Iterable<{ body: DeliveryQueueMessage }>) {
      for (const item of batch) messages.push(item.body);
    },
  };
  return { messages, queue: queue as unknown as Queue<DeliveryQueueMessage> };
}

/**
 * Runs one cron tick at `scheduledTime` through the worker's `scheduled`, then feeds every queued message to
 * the worker's `queue` handler in batches of `batchSize`, until the queue is empty. Returns the message count.
 */
export async function runTick(scheduledTime: number, testEnv: Env = env as Env, batchSize = 4): Promise<number> {
  const { messages, queue } = recordingQueue();
  const tickEnv = { ...testEnv, DELIVERY_QUEUE: queue } as Env;
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime, cron: '*/15 * * * *' }), tickEnv, ctx);
  await waitOnExecutionContext(ctx);
  let handled = 0;
  while (messages.length > 0) {
    const bodies = messages.splice(0, batchSize);
    const batch = createMessageBatch<DeliveryQueueMessage>(
      'rebuild-trust-delivery',
      bodies.map((body, index) => ({ id: `m${handled + index}`, timestamp: new Date(scheduledTime), attempts: 1, body })),
    );
    const queueCtx = createExecutionContext();
    await worker.queue(batch, tickEnv, queueCtx);
    await waitOnExecutionContext(queueCtx);
    handled += bodies.length;
  }
  return handled;
}

/** Rows of a SQL query against the test D1 database. */
export async function rows<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]> {
  const { results } = await env.DB.prepare(query).bind(...params).all<T>();
  return results;
}

/** Empties every table between tests that need a clean slate. */
export async function clearDatabase(): Promise<void> {
  await env.DB.batch(
    ['deliveries', 'reflections', 'consents', 'outbox', 'signup_windows', 'subscribers'].map((table) => env.DB.prepare(`DELETE FROM ${table}`)),
  );
}
