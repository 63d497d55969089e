// `npm run deploy:check`: reads wrangler.toml and a secrets file (or --var flags) and names every problem before a deploy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { experimental_readRawConfig } from 'wrangler';
import { checkDeployConfig, parseDotenv } from './deploy-check/checks';

const USAGE = `Usage: npm run deploy:check -- [--config wrangler.toml] [--secrets .prod.vars] [--var NAME=value ...]
Checks the [vars] of wrangler.toml, then the secrets file (KEY=VALUE lines, the same file "wrangler secret bulk" takes;
default .prod.vars, else .dev.vars), then each --var. Exits 1 when any error is found.`;

const { values } = parseArgs({
  options: {
    config: { type: 'string', default: 'wrangler.toml' },
    secrets: { type: 'string' },
    var: { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const { rawConfig } = experimental_readRawConfig({ config: values.config });
const secretsFile = values.secrets ?? ['.prod.vars', '.dev.vars'].find((file) => existsSync(file));
const secrets = secretsFile ? parseDotenv(readFileSync(secretsFile, 'utf8')) : {};
const flags = Object.fromEntries(values.var.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const vars = { ...(rawConfig.vars as Record<string, string> | undefined), ...secrets, ...flags };
const database = rawConfig.d1_databases?.find((db: { binding?: string; database_id?: string }) => db.binding === 'DB');
const producer = rawConfig.queues?.producers?.find((queue: { binding?: string; queue?: string }) => queue.binding === 'DELIVERY_QUEUE');

const problems = checkDeployConfig({
  vars,
  wrangler: { databaseId: database?.database_id, queueProducer: producer?.queue, queueConsumer: rawConfig.queues?.consumers?.[0]?.queue, crons: rawConfig.triggers?.crons },
});

console.log(`Checked ${path.basename(values.config)}${secretsFile ? ` and ${secretsFile}` : ' (no secrets file found)'}${values.var.length ? ` and ${values.var.length} --var` : ''}.`);
for (const problem of problems) console.log(`${problem.severity === 'error' ? 'ERROR  ' : 'warning'}  ${problem.name}: ${problem.message}`);
const errors = problems.filter((problem) => problem.severity === 'error').length;
console.log(errors === 0 ? `Ready to deploy (${problems.length} warning${problems.length === 1 ? '' : 's'}).` : `${errors} error${errors === 1 ? '' : 's'}: fix them before "npx wrangler deploy".`);
process.exit(errors === 0 ? 0 : 1);
