// Twilio's error shape, Basic auth, form decoding and the documented test numbers, for the Twilio stand-in.
import type { IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ApiAnswer } from './stand-in-server';
import type { RefResolver, Schema, SchemaIssue } from './stand-in-schema';
import { coerceFromText } from './stand-in-spec';

/** Twilio's error codes for statuses that have no more specific one. */
const CODE_BY_STATUS: Record<number, [number, string]> = {
  400: [20001, 'Bad Request'],
  401: [20003, 'Authenticate'],
  403: [20403, 'Forbidden'],
  404: [20404, 'The requested resource was not found'],
  405: [20004, 'Method not allowed'],
  429: [20429, 'Too Many Requests'],
  500: [20500, 'Internal Server Error'],
  503: [20503, 'Service Unavailable'],
};

/** Outcomes of Twilio's magic test numbers as a recipient (`To`). */
export const MAGIC_TO_NUMBERS: Record<string, [number, string]> = {
  '+15005550001': [21211, "The 'To' number +15005550001 is not a valid phone number."],
  '+15005550002': [21612, "The 'To' phone number is not currently reachable via SMS."],
  '+15005550003': [21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number."],
  '+15005550004': [21610, 'Attempt to send to unsubscribed recipient'],
  '+15005550009': [21614, "'To' number is not a valid mobile number"],
};

/** Outcomes of Twilio's magic test numbers as a sender (`From`). */
export const MAGIC_FROM_NUMBERS: Record<string, [number, string]> = {
  '+15005550001': [21212, "The 'From' number +15005550001 is not a valid phone number, shortcode, or alphanumeric sender ID."],
  '+15005550007': [21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination."],
  '+15005550008': [21611, "This 'From' number has exceeded the maximum number of queued messages."],
};

/** Builds a refusal in Twilio's `{ code, message, more_info, status }` shape. */
export function twilioError(status: number, code: number, message: string, headers?: Record<string, string>): ApiAnswer {
  return {
    status,
    accepted: false,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    ...(headers ? { headers } : {}),
  };
}

/** The error Twilio would send for an injected failure status; 429 carries `Retry-After`. */
export function twilioFailure(status: number, retryAfterSeconds: number): { body: unknown; headers?: Record<string, string> } {
  const [code, message] = CODE_BY_STATUS[status] ?? [status >= 500 ? 20500 : 20001, 'Injected failure'];
  const answer = twilioError(status, code, message, status === 429 ? { 'retry-after': String(retryAfterSeconds) } : undefined);
  return { body: answer.body, ...(answer.headers ? { headers: answer.headers } : {}) };
}

/** Twilio's generic error for a status (404 not found, 405 method not allowed, …). */
export function twilioStatusError(status: number, message?: string): ApiAnswer {
  const [code, text] = CODE_BY_STATUS[status] ?? [20001, 'Bad Request'];
  return twilioError(status, code, message ?? text);
}

/**
 * Checks HTTP Basic auth: the user must be the path's AccountSid and the password a non-empty token,
 * equal to `credentials[AccountSid]` when credentials are configured. Failures are 401 code 20003.
 */
export function checkTwilioAuth(headers: IncomingHttpHeaders, accountSid: string, credentials: ReadonlyMap<string, string> | undefined): ApiAnswer | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(headers.authorization ?? '');
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const user = decoded.slice(0, Math.max(separator, 0));
  const token = separator >= 0 ? decoded.slice(separator + 1) : '';
  const known = credentials?.get(user);
  if (separator < 0 || user !== accountSid || token === '' || (credentials && known !== token)) {
    return twilioError(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
  }
  return undefined;
}

/**
 * Decodes a form body into typed parameters using the request schema: array properties collect repeated
 * keys, numbers and booleans are converted, empty values count as absent (as Twilio treats them).
 */
export function decodeFormParameters(rawBody: string, schema: Schema, resolve: RefResolver): Record<string, unknown> {
  const form = new URLSearchParams(rawBody);
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const decoded: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name).filter((value) => value !== '');
    if (values.length === 0) continue;
    const property = properties[name];
    if (property?.type === 'array') {
      const items = (property.items ?? {}) as Schema;
      decoded[name] = values.map((value) => coerceFromText(value, items, resolve));
    } else {
      decoded[name] = property ? coerceFromText(values[0] as string, property, resolve) : values[0];
    }
  }
  return decoded;
}

/** Maps the first schema issue of a create-message request to the error Twilio gives for that parameter. */
export function parameterIssueToTwilioError(issue: SchemaIssue, parameters: Record<string, unknown>): ApiAnswer {
  const value = String(parameters[issue.path.split('.')[0] ?? ''] ?? '');
  switch (issue.path.split('.')[0]) {
    case 'To':
      return issue.problem === 'missing'
        ? twilioError(400, 21604, "A 'To' phone number is required.")
        : twilioError(400, 21211, `The 'To' number ${value} is not a valid phone number.`);
    case 'From':
      return twilioError(400, 21212, `The 'From' number ${value} is not a valid phone number, shortcode, or alphanumeric sender ID.`);
    case 'StatusCallback':
      return twilioError(400, 21609, `The StatusCallback URL ${value} is not a valid URL.`);
    case 'MessagingServiceSid':
      return twilioError(400, 21701, `The Messaging Service Sid ${value} is invalid.`);
    case 'Body':
      return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    default:
      return twilioError(400, 20001, `Invalid parameter ${issue.path}: ${issue.message}.`);
  }
}

/** Formats a time the way Twilio's resources do: `Thu, 24 Aug 2023 05:01:45 +0000`. */
export function twilioDate(epochMs: number): string {
  return new Date(epochMs).toUTCString().replace('GMT', '+0000');
}

/** A new resource sid: two-letter prefix and 32 hex digits. */
export function newSid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}
