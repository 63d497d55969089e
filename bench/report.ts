// The benchmark's figures checked against issue 5's targets, and printed as a table.
import { BUNDLE_LIMIT_BYTES } from './bundle-size';
import { FREE_PLAN } from './fast-run';

/** 100,000 due subscribers within 60 seconds. */
export const TARGET_SUBSCRIBERS = 100_000;
export const TARGET_SECONDS = 60;
export const TARGET_SPEEDUP = 20;
export const TARGET_RESEND_CALLS_PER_100_EMAILS = 1;
export const TARGET_D1_STATEMENTS_PER_STEP = 0.1;

export interface BenchFigures {
  subscribers: number;
  wallSeconds: number;
  stepsSent: number;
  stepsPerSecond: number;
  emailsSent: number;
  resendBatchCalls: number;
  providerRequestsPer100Emails: number;
  d1StatementsPerStep: number;
  maxSubrequestsPerInvocation: number;
  maxD1QueriesPerInvocation: number;
  naiveStepsPerSecond: number;
  speedup: number;
  bundleGzipBytes: number;
  bundleReactDomMarkers: string[];
  /** CPU ms of composing one full invocation's message (400 emails, 40 SMS) in a warm isolate, in Node. */
  composeCpuMsPerInvocation: number;
  /** The same in a fresh isolate (the first invocation after a deploy or an eviction). */
  composeCpuMsColdInvocation: number;
  /** With enforced rate limits: the floor (accepted calls ÷ limit), wall ÷ floor, 429s and calls. */
  pace?: { floorSeconds: number; ratio: number; refused: number; calls: number };
}

/** Issue 11's targets at the providers' pace. */
export const TARGET_PACE_RATIO = 1.1;
export const TARGET_REFUSED_SHARE = 0.01;
export const TARGET_CPU_MS_PER_INVOCATION = 10;

export interface TargetCheck {
  name: string;
  target: string;
  actual: string;
  pass: boolean;
}

/**
 * Checks each target. The time target is "100,000 in 60 s": at that size the wall time is compared; at any
 * other size the rate it implies (about 1,667 steps/s) is, and the check says it was scaled. The Resend target
 * allows the one partly filled call any count of emails needs.
 */
export function checkTargets(figures: BenchFigures): TargetCheck[] {
  const requiredRate = TARGET_SUBSCRIBERS / TARGET_SECONDS;
  const atTargetSize = figures.subscribers === TARGET_SUBSCRIBERS;
  const fewestCalls = Math.ceil(figures.emailsSent / 100);
  const cpu: TargetCheck = {
    name: 'worker CPU per full queue invocation (400 emails, 40 SMS; warm)',
    target: `≤ ${TARGET_CPU_MS_PER_INVOCATION} ms`,
    actual: `${figures.composeCpuMsPerInvocation.toFixed(1)} ms (cold isolate: ${figures.composeCpuMsColdInvocation.toFixed(1)} ms)`,
    pass: figures.composeCpuMsPerInvocation <= TARGET_CPU_MS_PER_INVOCATION,
  };
  const timing: TargetCheck[] = figures.pace
    ? [
        { name: 'wall seconds ÷ floor (calls ÷ limit)', target: `≤ ${TARGET_PACE_RATIO}`, actual: figures.pace.ratio.toFixed(3), pass: figures.pace.ratio <= TARGET_PACE_RATIO },
        {
          name: '429s received',
          target: `≤ ${TARGET_REFUSED_SHARE * 100} % of calls`,
          actual: `${figures.pace.refused} (${((figures.pace.refused / Math.max(1, figures.pace.calls)) * 100).toFixed(2)} %)`,
          pass: figures.pace.refused <= TARGET_REFUSED_SHARE * figures.pace.calls,
        },
      ]
    : [];
  return [
    ...timing,
    cpu,
    ...(figures.pace ? [] : [atTargetSize
      ? { name: 'time for 100,000 due subscribers', target: `≤ ${TARGET_SECONDS} s`, actual: `${figures.wallSeconds.toFixed(1)} s`, pass: figures.wallSeconds <= TARGET_SECONDS }
      : {
          name: `rate (scaled: ${figures.subscribers.toLocaleString('en-US')} subscribers, not 100,000)`,
          target: `≥ ${requiredRate.toFixed(0)} steps/s`,
          actual: `${figures.stepsPerSecond.toFixed(0)} steps/s`,
          pass: figures.stepsPerSecond >= requiredRate,
        },
    { name: 'speed-up over the naive loop', target: `≥ ${TARGET_SPEEDUP}×`, actual: `${figures.speedup.toFixed(1)}×`, pass: figures.speedup >= TARGET_SPEEDUP }]),
    {
      name: 'Resend requests per 100 emails',
      target: `${TARGET_RESEND_CALLS_PER_100_EMAILS} (≤ ${fewestCalls} calls)`,
      actual: `${figures.providerRequestsPer100Emails.toFixed(3)} (${figures.resendBatchCalls} calls)`,
      pass: figures.resendBatchCalls <= fewestCalls,
    },
    {
      name: 'D1 statements per step',
      target: `≤ ${TARGET_D1_STATEMENTS_PER_STEP}`,
      actual: figures.d1StatementsPerStep.toFixed(4),
      pass: figures.d1StatementsPerStep <= TARGET_D1_STATEMENTS_PER_STEP,
    },
    {
      name: 'most subrequests in one invocation',
      target: `≤ ${FREE_PLAN.subrequests}`,
      actual: String(figures.maxSubrequestsPerInvocation),
      pass: figures.maxSubrequestsPerInvocation <= FREE_PLAN.subrequests,
    },
    {
      name: 'most D1 queries in one invocation',
      target: `≤ ${FREE_PLAN.d1Queries}`,
      actual: String(figures.maxD1QueriesPerInvocation),
      pass: figures.maxD1QueriesPerInvocation <= FREE_PLAN.d1Queries,
    },
    {
      name: 'worker bundle, gzipped',
      target: `≤ ${BUNDLE_LIMIT_BYTES / 1024} KiB`,
      actual: `${(figures.bundleGzipBytes / 1024).toFixed(1)} KiB`,
      pass: figures.bundleGzipBytes <= BUNDLE_LIMIT_BYTES,
    },
    {
      name: 'react-dom in the bundle',
      target: 'none',
      actual: figures.bundleReactDomMarkers.length === 0 ? 'none' : figures.bundleReactDomMarkers.join(', '),
      pass: figures.bundleReactDomMarkers.length === 0,
    },
  ];
}

/** Rows of label and value, aligned into two columns. */
export function formatRows(title: string, rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return [title, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)].join('\n');
}

/** The target checks as an aligned table with PASS / MISS in the first column. */
export function formatTargets(checks: TargetCheck[]): string {
  const nameWidth = Math.max(...checks.map((check) => check.name.length));
  const targetWidth = Math.max(...checks.map((check) => check.target.length));
  return [
    'Targets',
    ...checks.map((check) => `  ${check.pass ? 'PASS' : 'MISS'}  ${check.name.padEnd(nameWidth)}  target ${check.target.padEnd(targetWidth)}  actual ${check.actual}`),
  ].join('\n');
}

/** Bytes as MiB with one decimal, or "n/a". */
export function mebibytes(bytes: number | null): string {
  return bytes === null ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
