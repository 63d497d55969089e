// Drives the real worker in workerd from tests: HTTP requests, cron ticks (queue drained in order), and D1 reads.
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index';
import type { DispatchMessage } from '../../src/dispatch/plan';

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
  const messages: DispatchMessage[] = [];
  const queue = {
    async send(body: DispatchMessage) {
      messages.push(body);
    },
    async sendBatch(batch: Iterable<{ body: DispatchMessage }>) {
      for (const item of batch) messages.push(item.body);
    },
  };
  return { messages, queue: queue as unknown as Queue<DispatchMessage> };
}

/** What a tick run did: queue messages handled, and how many came back by retry. */
export interface TickRun {
  handled: number;
  retried: number;
}

/**
 * Runs one cron tick at `scheduledTime` through the worker's `scheduled`, then feeds every queued message to
 * the worker's `queue` handler in batches of `batchSize`, until the queue is empty. A message the consumer retries
 * without a delay (past one invocation's budget) comes back at once, as the queue would bring it. With `requeue`,
 * one retried with a delay comes back too, the same id, after that delay in real time; without it, it is dropped,
 * as if its retries ran out (later ticks pick the steps up again).
 */
export async function runTick(scheduledTime: number, testEnv: Env = env as Env, batchSize = 4, requeue = false): Promise<number> {
  return (await runTickReporting(scheduledTime, testEnv, { batchSize, requeue })).handled;
}

export async function runTickReporting(
  scheduledTime: number,
  testEnv: Env = env as Env,
  options: { batchSize?: number; requeue?: boolean } = {},
): Promise<TickRun> {
  const batchSize = options.batchSize ?? 4;
  const { messages, queue } = recordingQueue();
  const tickEnv = { ...testEnv, DELIVERY_QUEUE: queue } as Env;
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime, cron: '*/15 * * * *' }), tickEnv, ctx);
  await waitOnExecutionContext(ctx);
  let handled = 0;
  let retried = 0;
  const waiting: { id: string; attempts: number; body: DispatchMessage; dueAt: number }[] = [];
  let nextId = 0;
  for (;;) {
    const fresh = messages.splice(0, batchSize).map((body) => ({ id: `m${nextId++}`, attempts: 1, body }));
    const ready = fresh.length > 0 ? fresh : await nextReady(waiting, batchSize);
    if (ready.length === 0) break;
    const batch = createMessageBatch<DispatchMessage>(
      'rebuild-trust-delivery',
      ready.map(({ id, attempts, body }) => ({ id, timestamp: new Date(scheduledTime), attempts, body })),
    );
    const queueCtx = createExecutionContext();
    await worker.queue(batch, tickEnv, queueCtx);
    await waitOnExecutionContext(queueCtx);
    handled += ready.length;
    const result = await getQueueResult(batch, queueCtx);
    for (const retry of result.retryMessages) {
      if (!options.requeue && (retry.delaySeconds ?? 0) > 0) continue;
      const item = ready.find((candidate) => candidate.id === retry.msgId)!;
      waiting.push({ ...item, attempts: item.attempts + 1, dueAt: Date.now() + (retry.delaySeconds ?? 0) * 1000 });
      retried++;
    }
  }
  return { handled, retried };
}

/** The retried messages whose delay has passed, waiting (in real time) for the first of them when none has. */
async function nextReady<T extends { dueAt: number }>(waiting: T[], batchSize: number): Promise<T[]> {
  if (waiting.length === 0) return [];
  waiting.sort((a, b) => a.dueAt - b.dueAt);
  const wait = waiting[0]!.dueAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const now = Date.now();
  const count = waiting.filter((item) => item.dueAt <= now).slice(0, batchSize).length;
  return waiting.splice(0, Math.max(1, count));
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
