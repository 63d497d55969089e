// A local stand-in for Resend's email API, validating requests against the OpenAPI description in test/fixtures/specs.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { IdempotencyMemory } from './stand-in-idempotency';
import { MessageStore } from './stand-in-message-store';
import { ResendInbox } from './stand-in-resend-inbox';
import { checkResendApiKey, describedEmailIssues, resendError, resendFailure, schemaIssuesToResendError } from './stand-in-resend-rules';
import { isPlainObject, validateAgainstSchema, type FormatCheckers, type Schema } from './stand-in-schema';
import { startStandIn, type ApiAnswer, type ApiRequest, type StandInHandle, type StandInOptions } from './stand-in-server';
import { checkParameters, loadOpenApiSpec, matchSpecRoute, requestBodySchema, type LoadedSpec } from './stand-in-spec';

/** Options of the Resend stand-in, on top of where to listen. */
export interface ResendStandInOptions extends StandInOptions {
  /** When given, only these API keys are accepted; otherwise any `re_…` key is. */
  apiKeys?: string[];
  /** How many of the newest emails keep their html/text (default 10,000); older ones keep metadata only. */
  retainContent?: number;
  /** Clock for timestamps and the 24-hour idempotency window (default `Date.now`). */
  now?: () => number;
}

/** An accepted email as `GET /__control/messages` shows it: the request's fields with addresses as arrays. */
export interface StandInEmail {
  id: string;
  created_at: string;
  endpoint: '/emails' | '/emails/batch';
  idempotency_key: string | null;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  reply_to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  [field: string]: unknown;
}

const SPEC_FILE = new URL('../fixtures/specs/resend-emails.yaml', import.meta.url);
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const BATCH_MODES = ['strict', 'permissive'];
const FORMATS: FormatCheckers = {
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  'date-time': (value) => !Number.isNaN(Date.parse(value)),
};

/**
 * Starts the Resend stand-in. API: `POST /emails`, `POST /emails/batch` (honouring `Idempotency-Key` for 24 hours
 * and `x-batch-validation`), `GET /emails/{id}`, `GET /emails/receiving` and `GET /emails/receiving/{id}`.
 * Control: the shared `/__control/*` endpoints plus `POST /__control/inbound` (register a received email)
 * and `POST /__control/credentials` (`{ apiKeys: string[] | null }`).
 */
export async function startResendStandIn(options: ResendStandInOptions = {}): Promise<StandInHandle> {
  const spec = loadOpenApiSpec(SPEC_FILE);
  const now = options.now ?? Date.now;
  const sendSchema = operationBodySchema(spec, '/emails');
  const batchSchema = operationBodySchema(spec, '/emails/batch');
  const batchLimit = readBatchLimit(spec, batchSchema);
  const emailViewKeys = Object.keys(spec.resolve('#/components/schemas/Email').properties as object);
  const emails = new MessageStore<StandInEmail>(options.retainContent ?? 10_000, (email) => {
    email.html = undefined;
    email.text = undefined;
    email.attachments = undefined;
  });
  const idempotency = new IdempotencyMemory<ApiAnswer>(IDEMPOTENCY_WINDOW_MS, now);
  const inbox = new ResendInbox(spec, FORMATS, now);
  let allowedKeys = options.apiKeys ? new Set(options.apiKeys) : undefined;

  function handle(request: ApiRequest): ApiAnswer {
    const match = matchSpecRoute(spec, request.method, request.path);
    if (match.kind === 'not-found') return resendError(404, 'not_found', 'The requested endpoint does not exist.');
    if (match.kind === 'method-not-allowed') return resendError(405, 'method_not_allowed', 'Method is not allowed for the requested path.');
    const auth = checkResendApiKey(request.headers, allowedKeys);
    if ('status' in auth) return auth;
    const parameterIssue = checkParameters(spec, match, request.query, request.headers, FORMATS)[0];
    if (parameterIssue?.name === 'Idempotency-Key') return resendError(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
    if (parameterIssue) return resendError(422, parameterIssue.in === 'path' ? 'invalid_parameter' : 'validation_error', `The \`${parameterIssue.name}\` ${parameterIssue.message}.`);
    switch (`${match.method} ${match.route.template}`) {
      case 'post /emails':
      case 'post /emails/batch':
        return send(request, auth.key, match.route.template === '/emails/batch');
      case 'get /emails/{email_id}':
        return showEmail(match.params.email_id ?? '');
      case 'get /emails/receiving':
        return inbox.list(request.query);
      case 'get /emails/receiving/{email_id}':
        return inbox.get(match.params.email_id ?? '');
      default:
        return resendError(405, 'method_not_allowed', 'Method is not allowed for the requested path.');
    }
  }

  function send(request: ApiRequest, apiKey: string, batch: boolean): ApiAnswer {
    const key = headerText(request.headers, 'idempotency-key');
    if (key === '') return resendError(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
    if (!/^application\/json\b/i.test(headerText(request.headers, 'content-type') ?? '')) {
      return resendError(400, 'validation_error', 'Content-Type must be application/json.');
    }
    if (request.body === undefined || typeof request.body === 'string') return resendError(400, 'validation_error', 'The request body is not valid JSON.');
    if (key === undefined) return batch ? acceptBatch(request, null) : acceptOne(request.body, null);
    const fingerprint = IdempotencyMemory.fingerprint(request.method, request.path, request.rawBytes);
    const seen = idempotency.lookup(apiKey, key, fingerprint);
    if (seen.kind === 'replay') return { ...seen.answer, replay: true };
    if (seen.kind === 'conflict') return resendError(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.');
    const answer = batch ? acceptBatch(request, key) : acceptOne(request.body, key);
    if (answer.accepted) idempotency.remember(apiKey, key, fingerprint, answer);
    return answer;
  }

  function acceptOne(body: unknown, key: string | null): ApiAnswer {
    const issues = emailIssues(body, sendSchema);
    if (issues) return issues;
    return { status: 200, accepted: true, body: { id: store(body as Record<string, unknown>, '/emails', key) } };
  }

  function acceptBatch(request: ApiRequest, key: string | null): ApiAnswer {
    const mode = headerText(request.headers, 'x-batch-validation') ?? 'strict';
    if (!BATCH_MODES.includes(mode)) return resendError(422, 'validation_error', `The \`x-batch-validation\` header must be one of ${BATCH_MODES.join(', ')}.`);
    const items = request.body;
    if (!Array.isArray(items)) return resendError(422, 'validation_error', 'The batch body must be an array of emails.');
    if (items.length > batchLimit) return resendError(422, 'validation_error', `Too many emails in the batch: ${items.length}, the maximum is ${batchLimit}.`);
    const itemSchema = batchSchema.items as Schema;
    const refusals = items.map((item) => emailIssues(item, itemSchema));
    const firstRefusal = refusals.findIndex((refusal) => refusal !== undefined);
    if (mode === 'strict' && firstRefusal >= 0) {
      const refusal = refusals[firstRefusal] as ApiAnswer;
      const { name, message } = refusal.body as { name: string; message: string };
      return resendError(422, name, `emails[${firstRefusal}]: ${message}`);
    }
    const data: Array<{ id: string }> = [];
    const errors: Array<{ index: number; message: string }> = [];
    items.forEach((item, index) => {
      const refusal = refusals[index];
      if (refusal) errors.push({ index, message: (refusal.body as { message: string }).message });
      else data.push({ id: store(item as Record<string, unknown>, '/emails/batch', key) });
    });
    return { status: 200, accepted: true, body: mode === 'permissive' ? { data, errors } : { data } };
  }

  function emailIssues(email: unknown, schema: Schema): ApiAnswer | undefined {
    const issues = validateAgainstSchema(email, schema, spec.resolve, FORMATS);
    if (issues.length === 0 && isPlainObject(email)) issues.push(...describedEmailIssues(email));
    return issues.length > 0 ? schemaIssuesToResendError(issues) : undefined;
  }

  function store(email: Record<string, unknown>, endpoint: StandInEmail['endpoint'], key: string | null): string {
    const id = randomUUID();
    emails.add({
      ...email,
      id,
      created_at: new Date(now()).toISOString(),
      endpoint,
      idempotency_key: key,
      from: email.from as string,
      subject: email.subject as string,
      to: asList(email.to),
      cc: asList(email.cc),
      bcc: asList(email.bcc),
      reply_to: asList(email.reply_to),
    });
    return id;
  }

  function showEmail(id: string): ApiAnswer {
    const email = emails.get(id);
    if (!email) return resendError(404, 'not_found', 'Email not found');
    const view: Record<string, unknown> = {
      ...email,
      object: 'email',
      message_id: `<${email.id}@stand-in.resend.test>`,
      created_at: postgresTimestamp(email.created_at),
      last_event: typeof email.scheduled_at === 'string' ? 'scheduled' : 'sent',
    };
    const body = Object.fromEntries(emailViewKeys.filter((key) => view[key] !== undefined).map((key) => [key, view[key]]));
    return { status: 200, accepted: true, body };
  }

  return startStandIn(
    {
      parseBody: parseJsonBody,
      routeOf(method, path) {
        const match = matchSpecRoute(spec, method, path);
        return match.kind === 'operation' ? `${method} ${match.route.template}` : undefined;
      },
      handle,
      injectedFailure: resendFailure,
      rateLimited: (decision) => ({
        body: {
          statusCode: 429,
          name: 'rate_limit_exceeded',
          message: `Too many requests. You can only make ${decision.limit} requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.`,
        },
        headers: { 'retry-after': String(decision.resetSeconds) },
      }),
      rateHeaders: (decision) => ({
        'ratelimit-limit': String(decision.limit),
        'ratelimit-remaining': String(decision.remaining),
        'ratelimit-reset': String(decision.resetSeconds),
      }),
      listMessages: (query) => listEmails(emails.all(), query),
      countMessages: () => emails.size,
      reset() {
        emails.clear();
        idempotency.clear();
        inbox.clear();
        allowedKeys = options.apiKeys ? new Set(options.apiKeys) : undefined;
      },
      control: {
        'POST /__control/inbound': (body) => inbox.register(body),
        'POST /__control/credentials': (body) => {
          const keys = isPlainObject(body) ? body.apiKeys : undefined;
          if (keys !== null && !(Array.isArray(keys) && keys.every((key) => typeof key === 'string'))) {
            return { status: 400, body: { error: 'apiKeys must be an array of strings, or null to accept any re_ key' } };
          }
          allowedKeys = keys ? new Set(keys) : undefined;
          return { status: 200, body: { apiKeys: keys } };
        },
      },
    },
    options,
  );
}

/**
 * Filters for `GET /__control/messages`: `to` (one recipient), `idempotency_key`, `since` (skip the first n),
 * `limit`, and `content=false` to leave out html/text (for large runs).
 */
function listEmails(all: readonly StandInEmail[], query: URLSearchParams): StandInEmail[] {
  const to = query.get('to');
  const key = query.get('idempotency_key');
  const since = Number(query.get('since') ?? 0);
  const limit = query.has('limit') ? Number(query.get('limit')) : Infinity;
  const withContent = query.get('content') !== 'false';
  const result: StandInEmail[] = [];
  for (let index = Number.isInteger(since) && since > 0 ? since : 0; index < all.length && result.length < limit; index += 1) {
    const email = all[index] as StandInEmail;
    if (to !== null && !email.to.includes(to)) continue;
    if (key !== null && email.idempotency_key !== key) continue;
    if (withContent) result.push(email);
    else {
      const { html: _html, text: _text, attachments: _attachments, ...rest } = email;
      result.push(rest);
    }
  }
  return result;
}

function operationBodySchema(spec: LoadedSpec, path: string): Schema {
  const operation = spec.routes.find((candidate) => candidate.template === path)?.operations.get('post');
  const schema = operation ? requestBodySchema(operation, 'application/json') : undefined;
  if (!schema) throw new Error(`The Resend spec declares no JSON body for POST ${path}`);
  return schema;
}

/** The batch size limit: `maxItems` when the schema has it, else the "up to N" of the operation summary. */
function readBatchLimit(spec: LoadedSpec, batchSchema: Schema): number {
  if (typeof batchSchema.maxItems === 'number') return batchSchema.maxItems;
  const summary = spec.routes.find((route) => route.template === '/emails/batch')?.operations.get('post')?.summary ?? '';
  const limit = /up to (\d+)/i.exec(summary)?.[1];
  if (!limit) throw new Error('The Resend spec states no batch size limit');
  return Number(limit);
}

function parseJsonBody(_headers: IncomingHttpHeaders, rawBody: string): unknown {
  if (rawBody === '') return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}

function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? (value as string[]) : [];
}

/** Resend shows `created_at` as `2023-04-03 22:13:42.674981+00`. */
function postgresTimestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000+00`;
}
