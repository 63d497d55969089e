// Drives one due tick through the real worker (cron, then the queue consumer) and sums what its invocations logged.
import { readFileSync } from 'node:fs';
import { FREE_PLAN_LIMITS } from '../src/platform/invocation-meter';
import { CRON, type BenchWorker, type InvocationLine } from './bench-worker';

/** The Workers Free plan's per-invocation limits, as the worker itself enforces them. */
export const FREE_PLAN = FREE_PLAN_LIMITS;
/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ). */
const CLOCK_TICKS_PER_SECOND = 100;
const POLL_MS = 20;
/** A silence this long between invocations means the queue had drained and the consumer waited to fill a batch. */
const PAUSE_MS = 500;

export interface TickRun {
  /** performance.now() when the cron call was made. */
  startedAt: number;
  /** From the cron call to the invocation log line that brought the sent total to `expected`. */
  wallSeconds: number;
  sent: number;
  timedOut: boolean;
  /** CPU seconds spent meanwhile by workerd (worker, D1, queue broker) and by this process (stand-ins, driver). */
  cpuSeconds: { workerd: number | null; node: number };
}

export interface InvocationSummary {
  total: number;
  ticks: number;
  queueBatches: number;
  d1Statements: number;
  subrequests: number;
  maxSubrequests: number;
  maxD1Queries: number;
  /** The invocation that spent the most subrequests and the one that ran the most D1 statements. */
  heaviest: { bySubrequests: InvocationLine | null; byD1Queries: InvocationLine | null };
  overLimits: number;
  deferredMessages: number;
  retryingSteps: number;
  /** Silences of at least 0.5 s between consecutive invocations, and how many ended with a `plan` continuation. */
  pauses: { count: number; seconds: number; beforePlanContinuations: number };
}

function cpuSecondsOf(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function sentSoFar(invocations: InvocationLine[]): { sent: number; at: number } {
  let sent = 0;
  let at = 0;
  for (const line of invocations) {
    sent += line.sent ?? 0;
    at = line.receivedAt;
  }
  return { sent, at };
}

/**
 * Calls the worker's `scheduled` handler at `scheduledTime` and waits, without touching D1, until the queue
 * invocations have logged `expected` sent steps or `timeoutMs` passed. Counting from the logs keeps the
 * measurement from competing with the worker for the database.
 */
export async function runDueTick(worker: BenchWorker, scheduledTime: number, expected: number, timeoutMs: number): Promise<TickRun> {
  const cpuBefore = { workerd: cpuSecondsOf(worker.workerdPid), node: process.cpuUsage() };
  const started = performance.now();
  const fetcher = await worker.mf.getWorker();
  await fetcher.scheduled({ scheduledTime: new Date(scheduledTime), cron: CRON });
  let progress = sentSoFar(worker.invocations);
  while (progress.sent < expected && performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    progress = sentSoFar(worker.invocations);
  }
  const finished = progress.sent >= expected ? progress.at : performance.now();
  const workerdAfter = cpuSecondsOf(worker.workerdPid);
  const nodeUsed = process.cpuUsage(cpuBefore.node);
  return {
    startedAt: started,
    wallSeconds: (finished - started) / 1000,
    sent: progress.sent,
    timedOut: progress.sent < expected,
    cpuSeconds: {
      workerd: workerdAfter !== null && cpuBefore.workerd !== null ? workerdAfter - cpuBefore.workerd : null,
      node: (nodeUsed.user + nodeUsed.system) / 1e6,
    },
  };
}

/**
 * Totals and maxima over the invocation log lines, how many went past the Free plan's limits, and the pauses
 * between invocations (measured from `startedAt`, a performance.now() time, for the first one).
 */
export function summarizeInvocations(invocations: InvocationLine[], startedAt: number): InvocationSummary {
  const summary: InvocationSummary = {
    total: invocations.length,
    ticks: 0,
    queueBatches: 0,
    d1Statements: 0,
    subrequests: 0,
    maxSubrequests: 0,
    maxD1Queries: 0,
    heaviest: { bySubrequests: null, byD1Queries: null },
    overLimits: 0,
    deferredMessages: 0,
    retryingSteps: 0,
    pauses: { count: 0, seconds: 0, beforePlanContinuations: 0 },
  };
  let previousAt = startedAt;
  for (const line of invocations) {
    const gap = line.receivedAt - previousAt;
    previousAt = line.receivedAt;
    if (gap >= PAUSE_MS) {
      summary.pauses.count++;
      summary.pauses.seconds += gap / 1000;
      if (line.kind === 'queue' && Number(line.planned ?? 0) > 0) summary.pauses.beforePlanContinuations++;
    }
    if (line.kind === 'tick') summary.ticks++;
    else summary.queueBatches++;
    summary.d1Statements += line.d1Queries;
    summary.subrequests += line.subrequests;
    if (line.subrequests > summary.maxSubrequests) {
      summary.maxSubrequests = line.subrequests;
      summary.heaviest.bySubrequests = line;
    }
    if (line.d1Queries > summary.maxD1Queries) {
      summary.maxD1Queries = line.d1Queries;
      summary.heaviest.byD1Queries = line;
    }
    if (line.subrequests > FREE_PLAN.subrequests || line.d1Queries > FREE_PLAN.d1Queries) summary.overLimits++;
    summary.deferredMessages += Number(line.deferred ?? 0);
    summary.retryingSteps += Number(line.retrying ?? 0);
  }
  return summary;
}

/** One row per invocation for results.json: seconds since `startedAt`, kind, messages, sent, D1 queries, subrequests. */
export function invocationTimeline(invocations: InvocationLine[], startedAt: number): [number, string, number, number, number, number][] {
  return invocations.map((line) => [
    Number(((line.receivedAt - startedAt) / 1000).toFixed(3)),
    line.kind,
    Number(line.messages ?? 0),
    line.sent ?? 0,
    line.d1Queries,
    line.subrequests,
  ]);
}
