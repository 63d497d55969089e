// A local stand-in for Twilio's Messages API, validating requests against the OpenAPI description in test/fixtures/specs.
import type { IncomingHttpHeaders } from 'node:http';
import { MessageStore } from './stand-in-message-store';
import { isPlainObject, validateAgainstSchema, type FormatCheckers, type Schema } from './stand-in-schema';
import { startStandIn, type ApiAnswer, type ApiRequest, type StandInHandle, type StandInOptions } from './stand-in-server';
import { applySmartEncoding, countSmsSegments } from './stand-in-sms-segments';
import { checkParameters, loadOpenApiSpec, matchSpecRoute, requestBodySchema, type LoadedSpec, type OpenApiOperation } from './stand-in-spec';
import {
  MAGIC_FROM_NUMBERS,
  MAGIC_TO_NUMBERS,
  checkTwilioAuth,
  decodeFormParameters,
  newSid,
  parameterIssueToTwilioError,
  twilioDate,
  twilioError,
  twilioFailure,
  twilioStatusError,
} from './stand-in-twilio-rules';

/** Options of the Twilio stand-in, on top of where to listen. */
export interface TwilioStandInOptions extends StandInOptions {
  /** AccountSid → AuthToken; when given, only these pairs are accepted, otherwise any non-empty token is. */
  credentials?: Record<string, string>;
  /** Clock for the resources' dates (default `Date.now`). */
  now?: () => number;
}

/** A created message as `GET /__control/messages` shows it: the Message resource plus what was asked for. */
export interface StandInSms {
  id: string;
  resource: Record<string, unknown>;
  /** The decoded form parameters of the create request. */
  params: Record<string, unknown>;
  status_callback: string | null;
  encoding: 'GSM-7' | 'UCS-2';
}

const SPEC_FILE = new URL('../fixtures/specs/twilio-messages.json', import.meta.url);
const FORM = 'application/x-www-form-urlencoded';
const E164_OR_CHANNEL = /^(\+[1-9]\d{1,14}|[a-z][a-z-]*:\S+)$/;
const FORMATS: FormatCheckers = {
  'phone-number': (value) => E164_OR_CHANNEL.test(value) || /^\d{3,8}$/.test(value) || /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/.test(value),
  uri: isCallbackUrl,
  'date-time': (value) => !Number.isNaN(Date.parse(value)),
};
/** Errors for the spec's `x-twilio.conditional` groups (at least one parameter of each group is needed). */
const CONDITIONAL_ERRORS: Record<string, [number, string]> = {
  from: [21603, "A 'From' phone number is required."],
  body: [21602, 'Message body is required.'],
};

/**
 * Starts the Twilio stand-in. API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (form-encoded; 201 with a
 * Message resource, status `queued`; magic test numbers give their documented errors) and
 * `GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json`. Control: the shared `/__control/*` endpoints plus
 * `POST /__control/credentials` (`{ accounts: { [AccountSid]: AuthToken } | null }`).
 */
export async function startTwilioStandIn(options: TwilioStandInOptions = {}): Promise<StandInHandle> {
  const spec = loadOpenApiSpec(SPEC_FILE);
  const now = options.now ?? Date.now;
  const create = findOperation(spec, 'post', '/2010-04-01/Accounts/{AccountSid}/Messages.json');
  const createSchema = requestBodySchema(create, FORM);
  if (!createSchema) throw new Error('The Twilio spec declares no form body for creating a message');
  const bodyLimit = readBodyLimit(createSchema);
  const conditionalGroups = readConditionalGroups(create, createSchema);
  const resourceKeys = Object.keys(spec.resolve('#/components/schemas/api.v2010.account.message').properties as object);
  const messages = new MessageStore<StandInSms>(Number.POSITIVE_INFINITY, () => undefined);
  let credentials = options.credentials ? new Map(Object.entries(options.credentials)) : undefined;

  function handle(request: ApiRequest): ApiAnswer {
    const match = matchSpecRoute(spec, request.method, request.path);
    if (match.kind === 'not-found') return twilioStatusError(404, `The requested resource ${request.path} was not found`);
    if (match.kind === 'method-not-allowed') return twilioStatusError(405);
    if (checkParameters(spec, match, request.query, request.headers, FORMATS).some((issue) => issue.in === 'path')) {
      return twilioStatusError(404, `The requested resource ${request.path} was not found`);
    }
    const accountSid = match.params.AccountSid ?? '';
    const refusal = checkTwilioAuth(request.headers, accountSid, credentials);
    if (refusal) return refusal;
    if (match.method === 'get') {
      const stored = messages.get(match.params.Sid ?? '');
      if (!stored || stored.resource.account_sid !== accountSid) return twilioStatusError(404, `The requested resource ${request.path} was not found`);
      return { status: 200, accepted: true, body: stored.resource };
    }
    return createMessage(accountSid, isPlainObject(request.body) ? request.body : {});
  }

  function createMessage(accountSid: string, params: Record<string, unknown>): ApiAnswer {
    const issues = validateAgainstSchema(params, createSchema as Schema, spec.resolve, FORMATS);
    if (issues[0]) return parameterIssueToTwilioError(issues[0], params);
    for (const group of conditionalGroups) {
      if (group.parameters.some((name) => params[name] !== undefined)) continue;
      const [code, message] = CONDITIONAL_ERRORS[group.first] ?? [20001, `One of ${group.parameters.join(', ')} is required.`];
      return twilioError(400, code, message);
    }
    const to = params.To as string;
    const from = typeof params.From === 'string' ? params.From : null;
    const body = typeof params.Body === 'string' ? params.Body : '';
    if (!E164_OR_CHANNEL.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (body.length > bodyLimit) return twilioError(400, 21617, `The concatenated message body exceeds the ${bodyLimit} character limit.`);
    const magic = MAGIC_TO_NUMBERS[to] ?? (from ? MAGIC_FROM_NUMBERS[from] : undefined);
    if (magic) return twilioError(400, magic[0], magic[1]);
    const stored = buildMessage(accountSid, params, to, from, body);
    messages.add(stored);
    return { status: 201, accepted: true, body: stored.resource, headers: { 'twilio-request-id': newSid('RQ') } };
  }

  function buildMessage(accountSid: string, params: Record<string, unknown>, to: string, from: string | null, body: string): StandInSms {
    const media = Array.isArray(params.MediaUrl) ? params.MediaUrl.length : 0;
    const sid = newSid(media > 0 ? 'MM' : 'SM');
    const created = twilioDate(now());
    const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`;
    const segmentation = countSmsSegments(params.SmartEncoded === true ? applySmartEncoding(body) : body);
    const values: Record<string, unknown> = {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body,
      date_created: created,
      date_sent: null,
      date_updated: created,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: typeof params.MessagingServiceSid === 'string' ? params.MessagingServiceSid : null,
      num_media: String(media),
      num_segments: String(segmentation.segments),
      price: null,
      price_unit: 'USD',
      sid,
      status: params.ScheduleType === 'fixed' ? 'scheduled' : 'queued',
      subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
      to,
      uri,
    };
    const resource = Object.fromEntries(resourceKeys.map((key) => [key, values[key] ?? null]));
    return {
      id: sid,
      resource,
      params,
      status_callback: typeof params.StatusCallback === 'string' ? params.StatusCallback : null,
      encoding: segmentation.encoding,
    };
  }

  return startStandIn(
    {
      parseBody: (headers, rawBody) => (isForm(headers) ? decodeFormParameters(rawBody, createSchema, spec.resolve) : rawBody || undefined),
      routeOf(method, path) {
        const match = matchSpecRoute(spec, method, path);
        return match.kind === 'operation' ? `${method} ${match.route.template}` : undefined;
      },
      handle,
      injectedFailure: twilioFailure,
      // Twilio answers a burst over the account's limit with 429 and its error 20429, without rate-limit headers.
      rateLimited: () => twilioFailure(429, 1),
      listMessages: (query) => listMessages(messages.all(), query),
      countMessages: () => messages.size,
      reset() {
        messages.clear();
        credentials = options.credentials ? new Map(Object.entries(options.credentials)) : undefined;
      },
      control: {
        'POST /__control/credentials': (body) => {
          const accounts = isPlainObject(body) ? body.accounts : undefined;
          if (accounts !== null && !(isPlainObject(accounts) && Object.values(accounts).every((token) => typeof token === 'string'))) {
            return { status: 400, body: { error: 'accounts must map AccountSid to AuthToken, or be null to accept any token' } };
          }
          credentials = accounts ? new Map(Object.entries(accounts as Record<string, string>)) : undefined;
          return { status: 200, body: { accounts: accounts ? Object.keys(accounts) : null } };
        },
      },
    },
    options,
  );
}

/** Filters for `GET /__control/messages`: `to`, `since` (skip the first n), `limit`. */
function listMessages(all: readonly StandInSms[], query: URLSearchParams): StandInSms[] {
  const to = query.get('to');
  const since = Number(query.get('since') ?? 0);
  const limit = query.has('limit') ? Number(query.get('limit')) : Infinity;
  const result: StandInSms[] = [];
  for (let index = Number.isInteger(since) && since > 0 ? since : 0; index < all.length && result.length < limit; index += 1) {
    const message = all[index] as StandInSms;
    if (to === null || message.resource.to === to) result.push(message);
  }
  return result;
}

function findOperation(spec: LoadedSpec, method: string, template: string): OpenApiOperation {
  const operation = spec.routes.find((route) => route.template === template)?.operations.get(method);
  if (!operation) throw new Error(`The Twilio spec has no ${method.toUpperCase()} ${template}`);
  return operation;
}

/** The Body limit stated in its description ("Can be up to 1,600 characters"). */
function readBodyLimit(schema: Schema): number {
  const description = String(((schema.properties as Record<string, Schema>).Body ?? {}).description ?? '');
  const limit = /up to ([\d,]+) characters/.exec(description)?.[1];
  if (!limit) throw new Error('The Twilio spec states no Body length limit');
  return Number(limit.replace(/,/g, ''));
}

/** The spec's `x-twilio.conditional` groups (snake_case) mapped to the form parameter names of the request schema. */
function readConditionalGroups(operation: OpenApiOperation, schema: Schema): Array<{ first: string; parameters: string[] }> {
  const extension = operation['x-twilio'];
  const groups = isPlainObject(extension) && Array.isArray(extension.conditional) ? (extension.conditional as string[][]) : [];
  const formNames = Object.keys(schema.properties as object);
  const byFlatName = new Map(formNames.map((name) => [name.toLowerCase(), name]));
  return groups.map((group) => ({
    first: group[0] ?? '',
    parameters: group.map((name) => byFlatName.get(name.replace(/_/g, '')) ?? name),
  }));
}

function isForm(headers: IncomingHttpHeaders): boolean {
  return (headers['content-type'] ?? '').toLowerCase().startsWith(FORM);
}

/** A status callback must be an absolute http(s) URL whose host has no underscores (per the parameter's description). */
function isCallbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.hostname.includes('_');
  } catch {
    return false;
  }
}
