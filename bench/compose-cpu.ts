// CPU of the worker's own work in one full queue invocation (compose, sign and fill one message's emails and SMS), measured in Node, D1 excluded.
import { readConfig } from '../src/config';
import { composeEmail, composeSms, type ComposeTarget } from '../src/dispatch/compose';
import { EMAILS_PER_CALL, MESSAGE_CAPACITY } from '../src/dispatch/plan';
import { BENCH_SETTINGS } from './bench-worker';
import { benchSubscriberId } from './seed';

/** A warm isolate has composed this many invocations' worth before the samples are taken. */
const WARM_UP_RUNS = 10;
const RUNS = 9;

export interface ComposeCpu {
  /** Median CPU ms of one full invocation (one queue message at capacity: 400 emails, 40 SMS) in a warm isolate. */
  invocationMs: number;
  /** The same per Resend call's 100 emails. */
  groupMs: number;
  /** The first invocation of a fresh isolate (code not yet optimised, templates not yet read). */
  coldInvocationMs: number;
}

async function cpuMsOf(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Composes full invocations after a warm-up and reports the median CPU time, and the first one's. */
export async function measureComposeCpu(): Promise<ComposeCpu> {
  const config = readConfig({
    PUBLIC_URL: BENCH_SETTINGS.publicUrl,
    EMAIL_FROM: BENCH_SETTINGS.emailFrom,
    EMAIL_REPLY_TO: BENCH_SETTINGS.inboundAddress,
    POSTAL_ADDRESS: BENCH_SETTINGS.postalAddress,
    TOKEN_SECRET: BENCH_SETTINGS.tokenSecret,
  } as Env);
  const perInvocation = MESSAGE_CAPACITY.email + MESSAGE_CAPACITY.sms;
  const targets = (offset: number, count: number, sms: boolean): ComposeTarget[] =>
    Array.from({ length: count }, (_, index) => ({
      id: benchSubscriberId(offset + index),
      address: sms ? `+1202555${String((offset + index) % 10_000).padStart(4, '0')}` : `cpu${offset + index}@example.com`,
      timezone: 'America/New_York',
      sendHour: 8,
      role: 'was_hurt' as const,
      day: 1 + ((offset + index) % 30),
      courseId: 'rebuild-trust',
      dueAt: Date.UTC(2026, 10, 25, 13, 0),
    }));
  const invocation = (run: number) => () => {
    const offset = run * perInvocation;
    return Promise.all([
      ...targets(offset, MESSAGE_CAPACITY.email, false).map((target) => composeEmail(config, target)),
      ...targets(offset + MESSAGE_CAPACITY.email, MESSAGE_CAPACITY.sms, true).map((target) => composeSms(config, target)),
    ]);
  };
  const coldInvocationMs = await cpuMsOf(invocation(0));
  for (let run = 1; run <= WARM_UP_RUNS; run++) await invocation(run)();
  const samples: number[] = [];
  for (let run = 1; run <= RUNS; run++) samples.push(await cpuMsOf(invocation(WARM_UP_RUNS + run)));
  samples.sort((a, b) => a - b);
  const invocationMs = samples[Math.floor(samples.length / 2)]!;
  return { invocationMs, groupMs: invocationMs / (MESSAGE_CAPACITY.email / EMAILS_PER_CALL), coldInvocationMs };
}
