#!/usr/bin/env node
// `npm run dev`: local D1 migrations without a question, then `wrangler dev` offline and quiet, with PUBLIC_URL following the port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = path.join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
// Offline: no usage metrics, no lookup of Cloudflare's request.cf data (its failure prints a stack trace).
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

/** `--port N` / `--port=N` from the arguments, else PORT, else 8787. */
function portFrom(args) {
  for (const [index, arg] of args.entries()) {
    if (arg === '--port') return args[index + 1];
    if (arg.startsWith('--port=')) return arg.slice('--port='.length);
  }
  return process.env.PORT || '8787';
}

/** True when PUBLIC_URL is set in the shell or in .dev.vars: then it is left exactly as given. */
function publicUrlIsSet() {
  if (process.env.PUBLIC_URL) return true;
  const devVars = path.join(root, '.dev.vars');
  return existsSync(devVars) && /^\s*PUBLIC_URL\s*=/m.test(readFileSync(devVars, 'utf8'));
}

const args = process.argv.slice(2);
const port = portFrom(args);
if (!/^\d{2,5}$/.test(port)) {
  console.error(`The port must be a number, got "${port}".`);
  process.exit(2);
}

// CI=true makes wrangler apply without asking "continue?" in a real terminal; its long tables are kept for errors only.
const migrate = spawnSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local'], { cwd: root, env: { ...env, CI: 'true' }, encoding: 'utf8' });
if (migrate.status !== 0) {
  process.stderr.write(`${migrate.stdout}\n${migrate.stderr}\nApplying the local D1 migrations failed.\n`);
  process.exit(migrate.status ?? 1);
}
const applied = (migrate.stdout.match(/✅/g) ?? []).length;
console.log(applied > 0 ? `Local D1: migrations applied.` : 'Local D1: migrations up to date.');

const devArgs = [wrangler, 'dev', ...args.filter((arg, index) => !(arg === '--port' || arg.startsWith('--port=') || args[index - 1] === '--port')), '--port', port];
if (!publicUrlIsSet()) devArgs.push('--var', `PUBLIC_URL:http://localhost:${port}`);
console.log(`Outbox, answers and clock buttons: http://localhost:${port}/dev/outbox`);
const child = spawn(process.execPath, devArgs, { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
