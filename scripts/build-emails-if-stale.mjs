#!/usr/bin/env node
// wrangler's [build] step: renders the email templates only when a source is newer than the output (wrangler dev runs it twice at start).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'src', 'generated', 'email-templates.ts');
/** What the build reads: the templates, the course content, and the filling code they are checked with. */
const SOURCES = ['emails', 'content', path.join('src', 'messages'), path.join('src', 'course'), 'package-lock.json'];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

const stale = !existsSync(output) || Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source)))) > statSync(output).mtimeMs;
if (!stale) {
  console.log('Email templates are up to date.');
  process.exit(0);
}
const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'emails', 'build.ts')], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
