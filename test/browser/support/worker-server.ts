// Runs the real worker locally (wrangler's runtime) on a free 127.0.0.1 port with a fresh, migrated D1 and the outbox transport.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unstable_startWorker } from 'wrangler';

/** A running local worker. */
export interface LocalWorker {
  /** `http://127.0.0.1:<port>`, no trailing slash; also the worker's PUBLIC_URL, so links in messages point here. */
  url: string;
  /** Stops the runtime and deletes the database. Safe to call once. */
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  /** Extra plain-text vars (e.g. ADMIN_TOKEN); PUBLIC_URL is always the server's own URL. Provider keys stay absent. */
  vars?: Record<string, string>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRANGLER_CONFIG = path.join(REPO_ROOT, 'wrangler.toml');
const WRANGLER_CLI = path.join(REPO_ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const HOST = '127.0.0.1';
const run = promisify(execFile);

/**
 * Starts the worker from wrangler.toml in this process (wrangler's `unstable_startWorker`): the real
 * migrations are applied to a new local D1 in a temporary folder, no provider keys are set (so every
 * message lands in the outbox at /dev/outbox), and no inspector, file watching or custom build runs
 * (the email templates must already be built, as the test suite's global setup does).
 * Resolves once the worker answers; each call gets its own port and database.
 */
export async function startWorker(options: StartWorkerOptions = {}): Promise<LocalWorker> {
  process.env.WRANGLER_SEND_METRICS ??= 'false';
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  const persistDir = await mkdtemp(path.join(os.tmpdir(), 'rebuild-trust-worker-'));
  try {
    await applyMigrations(persistDir);
    const port = await findFreePort();
    const url = `http://${HOST}:${port}`;
    const vars = { ...options.vars, PUBLIC_URL: url };
    const worker = await unstable_startWorker({
      config: WRANGLER_CONFIG,
      sendMetrics: false,
      bindings: Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: 'plain_text', value }])),
      build: { custom: { command: '' } },
      dev: { server: { hostname: HOST, port }, inspector: false, persist: persistDir, watch: false, logLevel: 'warn' },
    });
    await worker.ready;
    let stopped = false;
    return {
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        await worker.dispose();
        await rm(persistDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(persistDir, { recursive: true, force: true });
    throw error;
  }
}

/** `wrangler d1 migrations apply DB --local` into `persistDir`, exactly as `npm run dev` does into .wrangler/state. */
async function applyMigrations(persistDir: string): Promise<void> {
  try {
    await run(process.execPath, [WRANGLER_CLI, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, CI: 'true' },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Applying the D1 migrations failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** A port nobody listens on right now, found by letting the OS pick one and releasing it. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('No free port was found.'))));
    });
  });
}
