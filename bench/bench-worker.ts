// Runs the built worker bundle in Miniflare (workerd) with a fresh local D1, the delivery queue and provider stand-ins, and collects its invocation logs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { REPO_ROOT } from './bundle-size';

/** What the worker logs at the end of each scheduled or queue invocation (src/index.ts). */
export interface InvocationLine {
  event: 'invocation';
  kind: 'tick' | 'queue';
  d1Queries: number;
  subrequests: number;
  sent?: number;
  /** When the line reached this process (performance.now(), ms). */
  receivedAt: number;
  [field: string]: unknown;
}

export interface BenchWorkerOptions {
  scriptPath: string;
  resendUrl: string;
  twilioUrl: string;
  /** What the worker is told the providers allow (RESEND_RATE_LIMIT, TWILIO_RATE_LIMIT). */
  resendRateLimit: number;
  twilioRateLimit: number;
}

export interface BenchWorker {
  mf: Miniflare;
  d1: D1Database;
  /** Every invocation line logged so far, in order. */
  invocations: InvocationLine[];
  /** Other worker output (errors, warnings), kept for the report. */
  otherOutput: string[];
  /** Runs one statement in workerd through the SQL runner worker; resolves to the number of rows changed. */
  runStatement(sql: string, params: unknown[]): Promise<number>;
  /** The workerd process id, when it could be found among this process's children. */
  workerdPid: number | null;
  /** Stops workerd and removes the temporary D1 directory. */
  dispose(): Promise<void>;
}

/** Matches wrangler.toml's queue and consumer settings. */
const QUEUE_NAME = 'rebuild-trust-delivery';
export const CRON = '*/15 * * * *';
const COMPATIBILITY_DATE = '2026-04-26';
const DATABASE_ID = 'bench-db';

/** The worker's configuration in the benchmark; the naive loop uses the same values. */
export const BENCH_SETTINGS = {
  publicUrl: 'https://course.bench.example',
  emailFrom: 'Rebuild Trust <course@bench.example.com>',
  inboundAddress: 'reflections@in.bench.example.com',
  postalAddress: 'Rebuild Trust, 123 Example Street, Suite 100, Springfield, USA',
  resendApiKey: 're_bench',
  tokenSecret: 'bench-token-secret-0123456789abcdefghijklmnop',
} as const;

/**
 * A second worker on the same D1 database that runs one statement per request, so the naive loop's
 * one-row updates reach D1 as a worker's would (Miniflare's D1 proxy in Node blocks on every call).
 */
const SQL_RUNNER_HOST = 'bench-sql.local';
const SQL_RUNNER_SCRIPT = `export default {
  async fetch(request, env) {
    const { sql, params } = await request.json();
    const result = await env.DB.prepare(sql).bind(...params).run();
    return Response.json({ changes: result.meta.changes });
  },
};`;

/** The invocation line in a line of worker output (the logger puts `level` first), or null for any other line. */
function invocationLineOf(line: string): InvocationLine | null {
  const start = line.indexOf('{');
  if (start < 0 || !line.includes('"event":"invocation"')) return null;
  try {
    const parsed = JSON.parse(line.slice(start)) as InvocationLine;
    return parsed.event === 'invocation' ? parsed : null;
  } catch {
    return null;
  }
}

function collectLines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

/** The D1 statements of every migration in migrations/, in file order (drizzle's statement breakpoints split them). */
export function readMigrationStatements(): string[] {
  const dir = path.join(REPO_ROOT, 'migrations');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .flatMap((file) => readFileSync(path.join(dir, file), 'utf8').split('--> statement-breakpoint'))
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** The id of the workerd process this Node process started, read from /proc (Linux only). */
function findWorkerdChild(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const name = /^Name:\s*(\S+)/m.exec(status)?.[1];
      const parent = Number(/^PPid:\s*(\d+)/m.exec(status)?.[1]);
      if (name === 'workerd' && parent === process.pid) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

/** Peak resident memory (VmHWM) of a process in bytes, or null when /proc cannot tell. */
export function peakMemoryOf(pid: number): number | null {
  try {
    const kilobytes = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes ? Number(kilobytes) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Starts the bundle at `scriptPath` in Miniflare as wrangler.toml describes it (D1 `DB` persisted in a fresh
 * temporary directory, the delivery queue with its consumer) with Resend and Twilio pointing at the stand-ins,
 * applies the real migrations, and records the worker's invocation log lines.
 */
export async function startBenchWorker(options: BenchWorkerOptions): Promise<BenchWorker> {
  const persistRoot = mkdtempSync(path.join(tmpdir(), 'bench-d1-'));
  const invocations: InvocationLine[] = [];
  const otherOutput: string[] = [];
  const onLine = (line: string) => {
    const invocation = invocationLineOf(line);
    if (invocation) invocations.push({ ...invocation, receivedAt: performance.now() });
    else if (line.trim()) otherOutput.push(line);
  };
  const mf = new Miniflare({
    d1Persist: path.join(persistRoot, 'd1'),
    workers: [
      {
        name: 'rebuild-trust',
        modules: true,
        scriptPath: options.scriptPath,
        modulesRoot: path.dirname(options.scriptPath),
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: ['nodejs_compat'],
        d1Databases: { DB: DATABASE_ID },
        queueProducers: { DELIVERY_QUEUE: QUEUE_NAME },
        queueConsumers: { [QUEUE_NAME]: { maxBatchSize: 1, maxBatchTimeout: 1, maxRetries: 100 } },
        durableObjects: { SEND_PACE: 'SendPace' },
        bindings: {
          PUBLIC_URL: BENCH_SETTINGS.publicUrl,
          EMAIL_FROM: BENCH_SETTINGS.emailFrom,
          EMAIL_REPLY_TO: BENCH_SETTINGS.inboundAddress,
          POSTAL_ADDRESS: BENCH_SETTINGS.postalAddress,
          RESEND_API_KEY: BENCH_SETTINGS.resendApiKey,
          RESEND_BASE_URL: options.resendUrl,
          TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000001',
          TWILIO_AUTH_TOKEN: 'bench-auth-token',
          TWILIO_FROM: '+12025550100',
          TWILIO_BASE_URL: options.twilioUrl,
          TOKEN_SECRET: BENCH_SETTINGS.tokenSecret,
          SMS_ALLOWED_COUNTRIES: 'US,CA,GB,IE,AU,NZ',
          RESEND_RATE_LIMIT: String(options.resendRateLimit),
          TWILIO_RATE_LIMIT: String(options.twilioRateLimit),
        },
      },
      {
        name: 'bench-sql',
        modules: true,
        script: SQL_RUNNER_SCRIPT,
        compatibilityDate: COMPATIBILITY_DATE,
        d1Databases: { DB: DATABASE_ID },
        routes: [`${SQL_RUNNER_HOST}/*`],
      },
    ],
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      collectLines(stdout, onLine);
      collectLines(stderr, onLine);
    },
  });
  try {
    await mf.ready;
  } catch (error) {
    rmSync(persistRoot, { recursive: true, force: true });
    throw new Error(`workerd did not start: ${(error as Error).message}\n${otherOutput.join('\n')}`);
  }
  const d1 = await mf.getD1Database('DB');
  await d1.batch(readMigrationStatements().map((statement) => d1.prepare(statement)));
  return {
    mf,
    d1,
    invocations,
    otherOutput,
    workerdPid: findWorkerdChild(),
    async runStatement(sql, params) {
      const response = await mf.dispatchFetch(`http://${SQL_RUNNER_HOST}/`, { method: 'POST', body: JSON.stringify({ sql, params }) });
      if (!response.ok) throw new Error(`The SQL runner failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { changes: number }).changes;
    },
    async dispose() {
      await mf.dispose();
      rmSync(persistRoot, { recursive: true, force: true });
    },
  };
}
