// Resend's error shape and the request checks the Resend stand-in applies on top of the OpenAPI schemas.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiAnswer } from './stand-in-server';
import type { SchemaIssue } from './stand-in-schema';

/** Resend's error names by status, for answers that have no more specific name. */
const NAME_BY_STATUS: Record<number, string> = {
  400: 'validation_error',
  401: 'missing_api_key',
  403: 'invalid_api_key',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'concurrent_idempotent_requests',
  422: 'validation_error',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
};

/** Builds a refusal in Resend's `{ statusCode, name, message }` shape. */
export function resendError(status: number, name: string, message: string, headers?: Record<string, string>): ApiAnswer {
  return { status, accepted: false, body: { statusCode: status, name, message }, ...(headers ? { headers } : {}) };
}

/** The error Resend would send for an injected failure status; 429 carries `Retry-After`. */
export function resendFailure(status: number, retryAfterSeconds: number): { body: unknown; headers?: Record<string, string> } {
  const name = NAME_BY_STATUS[status] ?? 'application_error';
  const message =
    status === 429
      ? 'Too many requests. Please limit the number of requests per second.'
      : status >= 500
        ? 'An unexpected error occurred, please try again later.'
        : 'The request was refused.';
  return {
    body: { statusCode: status, name, message },
    ...(status === 429 ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {}),
  };
}

/**
 * Checks `Authorization: Bearer re_…`: a missing header is 401 `missing_api_key`, anything else malformed or
 * not among `allowedKeys` (when given) is 403 `invalid_api_key`. Returns the key on success.
 */
export function checkResendApiKey(headers: IncomingHttpHeaders, allowedKeys: ReadonlySet<string> | undefined): { key: string } | ApiAnswer {
  const header = headers.authorization;
  if (!header) return resendError(401, 'missing_api_key', 'Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY');
  const match = /^Bearer (re_\S+)$/.exec(header);
  if (!match?.[1] || (allowedKeys && !allowedKeys.has(match[1]))) return resendError(403, 'invalid_api_key', 'API key is invalid');
  return { key: match[1] };
}

/** Turns schema issues into Resend's 422 answer: `missing_required_field` when a field is absent, else `validation_error`. */
export function schemaIssuesToResendError(issues: SchemaIssue[], prefix = ''): ApiAnswer {
  const first = issues[0];
  const where = `${prefix}${first?.path || 'body'}`;
  if (first?.problem === 'missing') return resendError(422, 'missing_required_field', `The \`${where}\` field is missing.`);
  return resendError(422, 'validation_error', `Invalid \`${where}\` field: ${first?.message ?? 'invalid value'}.`);
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const NAMED_ADDRESS = /^[^<>]*<([^<>]+)>$/;
const TAG_TEXT = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Rules Resend states in the field descriptions rather than in the schema: addresses are `email@example.com`
 * or `Name <email@example.com>`, and tag names and values use ASCII letters, digits, `_` and `-` (max 256).
 */
export function describedEmailIssues(email: Record<string, unknown>): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const field of ['from', 'to', 'cc', 'bcc', 'reply_to']) {
    const value = email[field];
    const addresses = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    addresses.forEach((address, index) => {
      if (typeof address === 'string' && !isEmailAddress(address)) {
        issues.push({ path: Array.isArray(value) ? `${field}.${index}` : field, problem: 'format', message: `${JSON.stringify(address)} is not a valid email address; use \`email@example.com\` or \`Name <email@example.com>\`` });
      }
    });
  }
  const tags = Array.isArray(email.tags) ? email.tags : [];
  tags.forEach((tag: unknown, index) => {
    if (typeof tag !== 'object' || tag === null) return;
    for (const part of ['name', 'value'] as const) {
      const text = (tag as Record<string, unknown>)[part];
      if (typeof text === 'string' && !TAG_TEXT.test(text)) {
        issues.push({ path: `tags.${index}.${part}`, problem: 'pattern', message: 'may only contain ASCII letters, numbers, underscores or dashes (max 256 characters)' });
      }
    }
  });
  return issues;
}

function isEmailAddress(text: string): boolean {
  const named = NAMED_ADDRESS.exec(text.trim());
  return ADDRESS.test(named?.[1]?.trim() ?? text.trim());
}
