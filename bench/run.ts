// `npm run bench -- --subscribers N`: one due tick for N subscribers through the real worker, against a naive loop; writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { startResendStandIn } from '../test/support/resend-stand-in';
import { startTwilioStandIn } from '../test/support/twilio-stand-in';
import { parseBenchOptions } from './bench-options';
import { peakMemoryOf, startBenchWorker, type BenchWorker } from './bench-worker';
import { REPO_ROOT, buildWorkerBundle, removeWorkerBundle } from './bundle-size';
import { invocationTimeline, runDueTick, summarizeInvocations } from './fast-run';
import { runNaiveLoop } from './naive-loop';
import { measureComposeCpu } from './compose-cpu';
import { PaceRecorder, type ProviderTimeline } from './pace-timeline';
import { checkTargets, formatRows, formatTargets, mebibytes, type BenchFigures } from './report';
import { seedDueSubscribers } from './seed';

/** A Wednesday, 15:00 UTC: mid-morning in North America and afternoon in Britain and Ireland, so SMS may go. */
const TICK_TIME = Date.UTC(2026, 10, 25, 15, 0);
/** The unlimited run and the run at the providers' pace keep their figures apart. */
const resultsFile = (limited: boolean) => path.join(REPO_ROOT, 'bench', limited ? 'results-paced.json' : 'results.json');

interface StandInStats {
  byRoute: Record<string, Record<string, number>>;
  messages: number;
  rateLimited: number;
}

/**
 * Without a limit the worker is told the highest rate its configuration accepts (1,000/s, src/config.ts; above it
 * every invocation fails as misconfigured and the run sends nothing), so its pace hardly waits.
 */
const UNLIMITED_RATE = 1_000;

async function standInStats(url: string): Promise<StandInStats> {
  return (await (await fetch(`${url}/__control/stats`)).json()) as StandInStats;
}

function requestsTo(stats: StandInStats, route: string, status?: number): number {
  const byStatus = stats.byRoute[route] ?? {};
  if (status !== undefined) return byStatus[status] ?? 0;
  return Object.values(byStatus).reduce((sum, count) => sum + count, 0);
}

async function sentDeliveries(worker: BenchWorker): Promise<{ email: number; sms: number }> {
  const { results } = await worker.d1
    .prepare(`SELECT channel, COUNT(*) AS count FROM deliveries WHERE status = 'sent' GROUP BY channel`)
    .all<{ channel: 'email' | 'sms'; count: number }>();
  const counts = { email: 0, sms: 0 };
  for (const row of results) counts[row.channel] = row.count;
  return counts;
}

function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(2)).join(' ');
}

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  const loadAtStart = loadAverage();
  console.log(`Benchmark: ${options.subscribers.toLocaleString('en-US')} due subscribers, ${cpus().length} CPUs, load average ${loadAtStart}`);

  const bundle = await buildWorkerBundle();
  console.log(`Built the worker: ${(bundle.bytes / 1024).toFixed(1)} KiB minified, ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzipped`);

  const logLimits = { maxLoggedRequests: 50, maxLoggedBytes: 8 * 1024 * 1024 };
  const limited = options.resendRateLimit > 0 || options.twilioRateLimit > 0;
  const resendCalls = new PaceRecorder(200);
  const twilioCalls = new PaceRecorder(201);
  const resend = await startResendStandIn({ retainContent: 200, ...logLimits, rateLimit: options.resendRateLimit || null, observe: resendCalls.observe });
  const twilio = await startTwilioStandIn({ ...logLimits, rateLimit: options.twilioRateLimit || null, observe: twilioCalls.observe });
  const worker = await startBenchWorker({
    scriptPath: bundle.scriptPath,
    resendUrl: resend.url,
    twilioUrl: twilio.url,
    resendRateLimit: options.resendRateLimit || UNLIMITED_RATE,
    twilioRateLimit: options.twilioRateLimit || UNLIMITED_RATE,
  });
  const composeCpu = await measureComposeCpu();
  if (limited) {
    console.log(`Rate limits enforced by the stand-ins and told to the worker: Resend ${options.resendRateLimit || 'none'} req/s, Twilio ${options.twilioRateLimit || 'none'} msg/s`);
  }
  try {
    const seed = await seedDueSubscribers(worker.d1, { count: options.subscribers, now: TICK_TIME, smsShare: options.smsShare });
    console.log(
      `Seeded ${seed.subscribers} (${seed.email} email, ${seed.sms} SMS) over ${seed.timezones} time zones in ${seed.seconds.toFixed(1)} s; tick at ${new Date(TICK_TIME).toISOString()}`,
    );

    const tickWallStart = Date.now();
    const tick = await runDueTick(worker, TICK_TIME, options.subscribers, options.timeoutSeconds * 1000);
    const nodePeakRss = process.resourceUsage().maxRSS * 1024;
    const workerdPeakRss = worker.workerdPid === null ? null : peakMemoryOf(worker.workerdPid);
    const loadAfterTick = loadAverage();
    const invocations = summarizeInvocations(worker.invocations, tick.startedAt);
    const delivered = await sentDeliveries(worker);
    const resendStats = await standInStats(resend.url);
    const twilioStats = await standInStats(twilio.url);
    const resendBatchCalls = requestsTo(resendStats, 'POST /emails/batch');
    const twilioCallCount = requestsTo(twilioStats, 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json');
    const timelines: Record<'resend' | 'twilio', ProviderTimeline> | undefined = limited
      ? {
          resend: resendCalls.summarize(tickWallStart, options.resendRateLimit || UNLIMITED_RATE),
          twilio: twilioCalls.summarize(tickWallStart, options.twilioRateLimit || UNLIMITED_RATE),
        }
      : undefined;

    const resendAccepted = requestsTo(resendStats, 'POST /emails/batch', 200);
    const twilioAccepted = requestsTo(twilioStats, 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json', 201);
    const floorSeconds = Math.max(
      options.resendRateLimit > 0 ? resendAccepted / options.resendRateLimit : 0,
      options.twilioRateLimit > 0 ? twilioAccepted / options.twilioRateLimit : 0,
    );
    const refused = resendStats.rateLimited + twilioStats.rateLimited;
    const pace = limited
      ? { floorSeconds, ratio: tick.wallSeconds / Math.max(floorSeconds, 1e-9), refused, calls: resendBatchCalls + twilioCallCount }
      : undefined;

    // The naive loop sends one email per call: against a rate-limited stand-in it would measure the limit, not the loop.
    const naiveSample = limited ? 0 : Math.min(options.naiveSample, delivered.email);
    console.log(`Fast path done in ${tick.wallSeconds.toFixed(1)} s; naive loop on ${naiveSample} email subscribers...`);
    const naive = naiveSample === 0 ? { steps: 0, seconds: 0, stepsPerSecond: NaN, phases: {} as Record<string, number> } : await runNaiveLoop({
      d1: worker.d1,
      runStatement: worker.runStatement,
      resendUrl: resend.url,
      sample: naiveSample,
      now: TICK_TIME,
    });

    const stepsPerSecond = tick.sent / tick.wallSeconds;
    const figures: BenchFigures = {
      subscribers: options.subscribers,
      wallSeconds: tick.wallSeconds,
      stepsSent: tick.sent,
      stepsPerSecond,
      emailsSent: resendStats.messages,
      resendBatchCalls,
      providerRequestsPer100Emails: (resendBatchCalls / Math.max(1, resendStats.messages)) * 100,
      d1StatementsPerStep: invocations.d1Statements / Math.max(1, tick.sent),
      maxSubrequestsPerInvocation: invocations.maxSubrequests,
      maxD1QueriesPerInvocation: invocations.maxD1Queries,
      naiveStepsPerSecond: naive.stepsPerSecond,
      speedup: stepsPerSecond / naive.stepsPerSecond,
      bundleGzipBytes: bundle.gzipBytes,
      bundleReactDomMarkers: bundle.reactDomMarkers,
      composeCpuMsPerInvocation: composeCpu.invocationMs,
      composeCpuMsColdInvocation: composeCpu.coldInvocationMs,
      ...(pace ? { pace } : {}),
    };
    const checks = checkTargets(figures);
    const complete = !tick.timedOut && delivered.email + delivered.sms === options.subscribers;

    console.log('');
    console.log(
      formatRows('Fast path (cron tick + queue consumer in workerd, D1, provider stand-ins on 127.0.0.1)', [
        ['subscribers due', `${options.subscribers} (${seed.email} email, ${seed.sms} SMS, ${seed.timezones} time zones)`],
        ['steps sent (logged / in D1)', `${tick.sent} / ${delivered.email + delivered.sms} (${delivered.email} email, ${delivered.sms} SMS)`],
        ['wall seconds, tick to last sent', tick.wallSeconds.toFixed(2)],
        ['steps per second', stepsPerSecond.toFixed(0)],
        ['Resend calls (POST /emails/batch)', `${resendBatchCalls} for ${resendStats.messages} emails = ${figures.providerRequestsPer100Emails.toFixed(3)} per 100 emails`],
        ['Twilio calls', `${twilioCallCount} for ${delivered.sms} SMS`],
        ['D1 statements', `${invocations.d1Statements} = ${figures.d1StatementsPerStep.toFixed(4)} per step`],
        ['invocations', `${invocations.total} (${invocations.ticks} cron, ${invocations.queueBatches} queue batches), ${invocations.overLimits} over the Free plan limits`],
        ['most subrequests in one invocation', `${invocations.maxSubrequests} (${JSON.stringify(invocations.heaviest.bySubrequests?.kind)}, ${invocations.heaviest.bySubrequests?.messages ?? '-'} messages)`],
        ['most D1 queries in one invocation', `${invocations.maxD1Queries} (${JSON.stringify(invocations.heaviest.byD1Queries?.kind)}, ${invocations.heaviest.byD1Queries?.messages ?? '-'} messages)`],
        ['queue messages deferred / steps retrying', `${invocations.deferredMessages} / ${invocations.retryingSteps}`],
        [
          'pauses ≥ 0.5 s between invocations',
          `${invocations.pauses.count}, ${invocations.pauses.seconds.toFixed(1)} s in all (${invocations.pauses.beforePlanContinuations} ended by a plan continuation)`,
        ],
        ...(pace
          ? ([
              ['floor: accepted calls ÷ limit', `${pace.floorSeconds.toFixed(1)} s (${resendAccepted} Resend calls ÷ ${options.resendRateLimit || '∞'}/s, ${twilioAccepted} Twilio calls ÷ ${options.twilioRateLimit || '∞'}/s)`],
              ['wall ÷ floor', pace.ratio.toFixed(3)],
              ['429s received', `${pace.refused} of ${pace.calls} calls (${((pace.refused / Math.max(1, pace.calls)) * 100).toFixed(2)} %)`],
              ...(Object.entries(timelines ?? {}).map(([provider, line]) => [
                `${provider}: accepted from / to (s), achieved per s, gaps`,
                `${line.firstAcceptedS} / ${line.lastAcceptedS}, ${line.achievedPerSecond}/s (1% of spacings under ${line.spacingP1Ms} ms), ${line.gaps.count} gaps = ${line.gaps.seconds} s (longest ${line.gaps.longestS} s); 429s at ${line.refusedAtS.slice(0, 12).join(' ') || '-'}`,
              ]) as [string, string][]),
            ] as [string, string][])
          : []),
        [
          'worker CPU per queue invocation (compose + sign + fill, Node, D1 excluded)',
          `${composeCpu.invocationMs.toFixed(1)} ms for a full message (400 emails, 40 SMS) in a warm isolate, ${composeCpu.groupMs.toFixed(2)} ms per 100 emails; the first in a fresh isolate ${composeCpu.coldInvocationMs.toFixed(1)} ms`,
        ],
        ['CPU seconds: workerd / this process', `${tick.cpuSeconds.workerd?.toFixed(1) ?? 'n/a'} / ${tick.cpuSeconds.node.toFixed(1)}`],
        ['peak memory: workerd VmHWM / this process maxRSS', `${mebibytes(workerdPeakRss)} / ${mebibytes(nodePeakRss)} (this process holds the stand-ins)`],
        ['load average before / after', `${loadAtStart} / ${loadAfterTick}`],
      ]),
    );
    console.log('');
    console.log(
      formatRows('Naive loop (this process: React render, POST /emails alone, one-row UPDATE run by a worker on the same D1)', [
        ['sample', `${naive.steps} email subscribers, sequential`],
        ['seconds', `${naive.seconds.toFixed(2)} (${Object.entries(naive.phases).map(([phase, seconds]) => `${phase} ${seconds.toFixed(2)}`).join(', ')})`],
        ['steps per second', naive.stepsPerSecond.toFixed(1)],
        ['extrapolated to all subscribers', `${(options.subscribers / naive.stepsPerSecond).toFixed(0)} s (rate of the sample, not a full run)`],
        ['fast path speed-up', `${figures.speedup.toFixed(1)}×`],
        ['speed-up if its D1 updates cost nothing', `${(stepsPerSecond / (naive.steps / (naive.seconds - naive.phases.update))).toFixed(1)}× (a lower bound)`],
      ]),
    );
    console.log('');
    console.log(formatRows('Worker bundle (wrangler deploy --dry-run --minify)', [
      ['minified / gzipped', `${(bundle.bytes / 1024).toFixed(1)} KiB / ${(bundle.gzipBytes / 1024).toFixed(1)} KiB`],
      ['react-dom markers', bundle.reactDomMarkers.join(', ') || 'none'],
    ]));
    console.log('');
    console.log(formatTargets(checks));
    if (worker.otherOutput.length > 0) {
      console.log(`\nWorker output other than invocation lines (${worker.otherOutput.length} lines), first ones:`);
      for (const line of worker.otherOutput.slice(0, 5)) console.log(`  ${line.slice(0, 300)}`);
    }

    const results = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, loadAverageBefore: loadAtStart, loadAverageAfterTick: loadAfterTick },
      options,
      figures,
      seed: { ...seed, tickTime: new Date(TICK_TIME).toISOString() },
      fast: {
        complete,
        wallSeconds: tick.wallSeconds,
        stepsSent: tick.sent,
        deliveriesSentInD1: delivered,
        stepsPerSecond,
        resendBatchCalls,
        emailsAccepted: resendStats.messages,
        providerRequestsPer100Emails: figures.providerRequestsPer100Emails,
        twilioCalls: twilioCallCount,
        paceTimelines: timelines,
        d1StatementsPerStep: figures.d1StatementsPerStep,
        invocations: { ...invocations, heaviest: undefined },
        heaviestInvocations: invocations.heaviest,
        cpuSeconds: tick.cpuSeconds,
        timelineColumns: ['seconds since the tick', 'kind', 'messages', 'sent', 'd1Queries', 'subrequests'],
        timeline: invocationTimeline(worker.invocations, tick.startedAt),
      },
      memory: { workerdPeakRssBytes: workerdPeakRss, nodePeakRssBytes: nodePeakRss, note: 'workerd: VmHWM from /proc; node: maxRSS of the bench process, which also runs the provider stand-ins' },
      naive: { ...naive, sampleOf: options.subscribers, extrapolated: naive.steps < options.subscribers, speedup: figures.speedup },
      bundle: { bytes: bundle.bytes, gzipBytes: bundle.gzipBytes, reactDomMarkers: bundle.reactDomMarkers },
      targets: checks,
      workerOutput: worker.otherOutput.slice(0, 50),
    };
    writeFileSync(resultsFile(limited), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), resultsFile(limited))}`);
    if (!complete) {
      console.error(`The run did not complete: ${tick.sent} steps logged, ${delivered.email + delivered.sms} sent in D1, ${options.subscribers} due.`);
      return 1;
    }
    return 0;
  } finally {
    await worker.dispose();
    await Promise.all([resend.close(), twilio.close()]);
    removeWorkerBundle(bundle);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
