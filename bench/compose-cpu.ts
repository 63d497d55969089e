// CPU of the worker's own work in one queue invocation (compose, sign and fill 4 groups of 100 emails), measured in Node, D1 excluded.
import { readConfig } from '../src/config';
import { composeEmail, type ComposeTarget } from '../src/dispatch/compose';
import { SUBSCRIBERS_PER_MESSAGE } from '../src/dispatch/plan';
import { BENCH_SETTINGS } from './bench-worker';
import { benchSubscriberId } from './seed';

/** Queue messages per invocation (wrangler.toml's max_batch_size). */
const MESSAGES_PER_INVOCATION = 4;
const RUNS = 7;

export interface ComposeCpu {
  /** Median CPU ms of one full invocation's composing (4 × 100 emails). */
  invocationMs: number;
  /** The same per group of 100. */
  groupMs: number;
}

/** Composes a full invocation's emails RUNS times after a warm-up and reports the median CPU time. */
export async function measureComposeCpu(): Promise<ComposeCpu> {
  const config = readConfig({
    PUBLIC_URL: BENCH_SETTINGS.publicUrl,
    EMAIL_FROM: BENCH_SETTINGS.emailFrom,
    EMAIL_REPLY_TO: BENCH_SETTINGS.inboundAddress,
    POSTAL_ADDRESS: BENCH_SETTINGS.postalAddress,
    TOKEN_SECRET: BENCH_SETTINGS.tokenSecret,
  } as Env);
  const perInvocation = SUBSCRIBERS_PER_MESSAGE.email * MESSAGES_PER_INVOCATION;
  const targets = (offset: number): ComposeTarget[] =>
    Array.from({ length: perInvocation }, (_, index) => ({
      id: benchSubscriberId(offset + index),
      address: `cpu${offset + index}@example.com`,
      timezone: 'America/New_York',
      sendHour: 8,
      role: 'was_hurt' as const,
      day: 1 + ((offset + index) % 30),
      courseId: 'rebuild-trust',
      dueAt: Date.UTC(2026, 10, 25, 13, 0),
    }));
  const compose = (list: ComposeTarget[]) => Promise.all(list.map((target) => composeEmail(config, target)));
  await compose(targets(0));
  const samples: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const list = targets(run * perInvocation);
    const before = process.cpuUsage();
    await compose(list);
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  const invocationMs = samples[Math.floor(samples.length / 2)]!;
  return { invocationMs, groupMs: invocationMs / MESSAGES_PER_INVOCATION };
}
