// Runs the real worker locally (wrangler's runtime) on a free 127.0.0.1 port with a fresh, migrated D1 and the outbox transport.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
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
  /** Stops the runtime and deletes its source snapshot and database. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  /** Extra plain-text vars (e.g. ADMIN_TOKEN); PUBLIC_URL is always the server's own URL. Provider keys stay absent. */
  vars?: Record<string, string>;
  /** Runs in the snapshot before the worker starts, e.g. to add a course folder and build again. */
  prepare?: (projectDir: string) => Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Left out of the snapshot: large, generated, or the snapshot's own output. */
/** `.dev.vars` and `.env` stay behind: a developer's real provider keys must never reach a test. */
const NOT_COPIED = new Set(['node_modules', '.git', '.wrangler', 'dist', 'test-results', '.dev.vars', '.env']);
const HOST = '127.0.0.1';
/** Bundling and starting workerd take a few seconds; the margin is for a busy CI machine. */
const READY_TIMEOUT_MS = 45_000;
const run = promisify(execFile);

/**
 * Starts the worker from wrangler.toml in this process (wrangler's `unstable_startWorker`) and resolves
 * once it answers. It runs from a snapshot of the project taken now, so edits made during a test run
 * neither reload nor break it; the real migrations are applied to a new local D1 inside that snapshot;
 * no provider keys are set, so every message lands in the outbox (/dev/outbox, /dev/outbox.json).
 * No inspector and no custom build run: the email templates must already be built (the suite's global
 * setup does it). Every call gets its own port, snapshot and database. Rejects when the worker does
 * not become healthy (for instance when the source does not bundle).
 */
export async function startWorker(options: StartWorkerOptions = {}): Promise<LocalWorker> {
  process.env.WRANGLER_SEND_METRICS ??= 'false';
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
  const projectDir = await snapshotProject();
  const persistDir = path.join(projectDir, '.wrangler', 'state');
  try {
    await options.prepare?.(projectDir);
    await applyMigrations(projectDir, persistDir);
    const port = await findFreePort();
    const url = `http://${HOST}:${port}`;
    const vars = { LOG_LEVEL: 'silent', ...options.vars, PUBLIC_URL: url };
    const worker = await unstable_startWorker({
      config: path.join(projectDir, 'wrangler.toml'),
      sendMetrics: false,
      bindings: Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, { type: 'plain_text', value }])),
      build: { custom: { command: '' } },
      dev: { server: { hostname: HOST, port }, inspector: false, persist: persistDir, watch: false, logLevel: 'warn' },
    });
    await worker.ready;
    try {
      await waitUntilHealthy(url);
    } catch (error) {
      await worker.dispose();
      throw error;
    }
    let stopped = false;
    return {
      url,
      async stop() {
        if (stopped) return;
        stopped = true;
        await worker.dispose();
        await rm(projectDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(projectDir, { recursive: true, force: true });
    throw error;
  }
}

/** Copies the project (without node_modules, which is linked) into a new temporary folder. */
async function snapshotProject(): Promise<string> {
  const projectDir = await mkdtemp(path.join(os.tmpdir(), 'rebuild-trust-worker-'));
  const entries = (await readdir(REPO_ROOT)).filter((name) => !NOT_COPIED.has(name));
  await Promise.all(entries.map((name) => cp(path.join(REPO_ROOT, name), path.join(projectDir, name), { recursive: true })));
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(projectDir, 'node_modules'), 'dir');
  return projectDir;
}

/** `wrangler d1 migrations apply DB --local`, as `npm run dev` does, into `persistDir`. */
async function applyMigrations(projectDir: string, persistDir: string): Promise<void> {
  const wranglerCli = path.join(projectDir, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
  try {
    await run(process.execPath, [wranglerCli, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir], {
      cwd: projectDir,
      env: { ...process.env, CI: 'true' },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Applying the D1 migrations failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/**
 * Waits for GET /health to report an applied migration. wrangler holds requests while it bundles and
 * never answers them when the bundle fails, so a timeout here almost always means a build error.
 */
async function waitUntilHealthy(url: string): Promise<void> {
  let answer: Response;
  try {
    answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`The worker did not answer GET /health within ${READY_TIMEOUT_MS} ms; wrangler prints a build error above if there was one.`, { cause: error });
  }
  const body = (await answer.json().catch(() => null)) as { migration?: string | null } | null;
  if (!answer.ok || !body?.migration) throw new Error(`GET /health answered ${answer.status} ${JSON.stringify(body)}; the migrations are not applied.`);
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
