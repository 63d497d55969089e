// Builds the worker exactly as a deploy would (wrangler, minified, no upload) and measures it: gzipped size and any react-dom inside.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

/** The repository root (this file lives in bench/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The most the gzipped worker bundle may weigh: 1 MiB (wrangler's "gzip: … KiB" unit). It was 250 KiB before the
 * full phone-number metadata, the trained safety model and the courses' content came in, 384 KiB with the safety
 * check as a logistic regression (329 KiB measured), and the safety network (50,000 features by hash, 8 hidden units,
 * 8-bit weights: about 550 KiB gzipped) brought it to about 880 KiB. The Free plan allows 3 MiB and Workers Paid
 * 10 MiB, so this guard is about noticing growth, not a platform limit.
 */
export const BUNDLE_LIMIT_BYTES = 1024 * 1024;

/**
 * Strings that only react-dom brings along, even minified: its package name (in its error URLs and
 * version checks) and React 19's shared-internals key, which react-dom reads on load.
 */
export const REACT_DOM_MARKERS = ['react-dom', '__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE'] as const;

/** Environment that keeps wrangler offline: no metrics, no request.cf lookup. */
export const OFFLINE_WRANGLER_ENV = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } as const;

export interface WorkerBundle {
  /** The directory wrangler wrote to. */
  outDir: string;
  /** The built module, ready for Miniflare or inspection. */
  scriptPath: string;
  bytes: number;
  gzipBytes: number;
  /** The react-dom markers found in the bundle; empty when react-dom stayed out. */
  reactDomMarkers: string[];
}

/** The react-dom markers that occur in `code`. */
export function findReactDomMarkers(code: string): string[] {
  return REACT_DOM_MARKERS.filter((marker) => code.includes(marker));
}

/**
 * Runs `wrangler deploy --dry-run --outdir <outDir> --minify` in the repository (which also runs the
 * wrangler.toml build step, rendering the email templates) and measures `index.js`. Rejects when wrangler fails.
 */
export async function buildWorkerBundle(outDir = mkdtempSync(path.join(tmpdir(), 'worker-bundle-'))): Promise<WorkerBundle> {
  const wrangler = path.join(REPO_ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
  await promisify(execFile)(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outDir, '--minify'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
    maxBuffer: 16 * 1024 * 1024,
  });
  const scriptPath = path.join(outDir, 'index.js');
  const code = readFileSync(scriptPath);
  return {
    outDir,
    scriptPath,
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    reactDomMarkers: findReactDomMarkers(code.toString('utf8')),
  };
}

/** Deletes the directory a bundle was built into. */
export function removeWorkerBundle(bundle: WorkerBundle): void {
  rmSync(bundle.outDir, { recursive: true, force: true });
}
