// The HTTP plumbing shared by the provider stand-ins: body reading, faults, the request log and the /__control endpoints.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, parseFaultSettings } from './stand-in-faults';
import { RateWindow, parseRateLimit, type RateDecision } from './stand-in-rate-limit';
import { RequestLog, type RequestLogFilter } from './stand-in-log';

/** A running stand-in: its base URL (no trailing slash) and a way to stop it. */
export interface StandInHandle {
  url: string;
  close(): Promise<void>;
}

/** Where to listen and how much request history to keep. */
export interface StandInOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Most API requests kept for `GET /__control/requests` (default 5,000). */
  maxLoggedRequests?: number;
  /** Rough cap on body and response text kept in that log (default 64 MB). */
  maxLoggedBytes?: number;
  /** API requests allowed per second (the provider's rate limit); none by default. Also set by `POST /__control/rate-limit`. */
  rateLimit?: number | null;
  /** Hears every API request as it is answered (its route, status and the wall-clock instant), for timelines. */
  observe?: (route: string, status: number, at: number) => void;
}

/** An API request after its body was read and parsed by the provider. */
export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body bytes as received (cheaper than `rawBody` to hash). */
  rawBytes: Buffer;
  body: unknown;
}

/** The provider's answer to an API request. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  accepted: boolean;
  replay?: boolean;
}

/** The answer to a provider-specific control request. */
export interface ControlAnswer {
  status: number;
  body: unknown;
}

/** What a provider plugs into the shared server. */
export interface StandInProvider {
  /** Parses the raw body for processing and for the log (JSON, form fields, or the text itself). */
  parseBody(headers: IncomingHttpHeaders, rawBody: string): unknown;
  /** The spec route (`POST /emails/batch`) a request targets, or undefined when the spec has none; faults apply only to those. */
  routeOf(method: string, path: string): string | undefined;
  /** Validates and answers an API request; runs synchronously so a request is remembered before any answer leaves. */
  handle(request: ApiRequest): ApiAnswer;
  /** The provider's refusal of a request over its rate limit (status 429, its body and headers). */
  rateLimited(decision: RateDecision): { body: unknown; headers?: Record<string, string> };
  /** Rate-limit headers the provider adds to every answer, when it sends any. */
  rateHeaders?(decision: RateDecision): Record<string, string>;
  /** The provider's own error shape for an injected failure status. */
  injectedFailure(status: number, retryAfterSeconds: number): { body: unknown; headers?: Record<string, string> };
  /** Accepted messages for `GET /__control/messages`. */
  listMessages(query: URLSearchParams): unknown[];
  countMessages(): number;
  /** Forgets messages, idempotency memory and any provider-specific state. */
  reset(): void;
  /** Extra control endpoints keyed by `METHOD /__control/name`. */
  control?: Record<string, (body: unknown, query: URLSearchParams) => ControlAnswer>;
}

const CONTROL_PREFIX = '/__control/';
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * Starts an HTTP server for `provider` on 127.0.0.1 (port 0 unless given) and resolves once it listens.
 * API requests get faults, are handled by the provider and logged; `/__control/*` requests never see faults.
 */
export async function startStandIn(provider: StandInProvider, options: StandInOptions = {}): Promise<StandInHandle> {
  const log = new RequestLog({ maxEntries: options.maxLoggedRequests ?? 5_000, maxBytes: options.maxLoggedBytes ?? 64 * 1024 * 1024 });
  const faults = new FaultPlan();
  const rate = new RateWindow(options.rateLimit ?? null, Date.now);
  const controlRoutes = {
    ...createControlRoutes(provider, log, faults),
    'POST /__control/rate-limit': (body: unknown): ControlAnswer => {
      const parsed = parseRateLimit(body);
      if ('error' in parsed) return { status: 400, body: parsed };
      rate.perSecond = parsed.perSecond;
      rate.reset();
      return { status: 200, body: { perSecond: rate.perSecond } };
    },
    'GET /__control/rate-limit': (): ControlAnswer => ({ status: 200, body: { perSecond: rate.perSecond, refused: rate.refused } }),
  };

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBytes = await readBody(req);
    if (rawBytes === undefined) {
      writeJson(res, 413, { error: `request body over ${MAX_BODY_BYTES} bytes` });
      return;
    }
    const rawBody = rawBytes.toString('utf8');
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      const answer = answerControl(controlRoutes, method, url, rawBody);
      writeJson(res, answer.status, answer.body);
      return;
    }
    const route = provider.routeOf(method, url.pathname);
    const request: ApiRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      rawBytes,
      body: provider.parseBody(req.headers, rawBody),
    };
    if (route !== undefined && faults.delayMs > 0) await sleep(faults.delayMs);
    const decision = route !== undefined ? rate.take() : null;
    const failure = route !== undefined && decision?.allowed !== false ? faults.nextFailure() : undefined;
    const handled: ApiAnswer =
      decision?.allowed === false
        ? { status: 429, accepted: false, ...provider.rateLimited(decision) }
        : failure !== undefined
          ? { status: failure, accepted: false, ...provider.injectedFailure(failure, faults.retryAfterSeconds) }
          : provider.handle(request);
    const answer: ApiAnswer = decision && provider.rateHeaders ? { ...handled, headers: { ...provider.rateHeaders(decision), ...handled.headers } } : handled;
    const drop = failure === undefined && route !== undefined && answer.accepted && faults.nextDrop();
    if (route !== undefined) options.observe?.(route, answer.status, Date.now());
    const text = JSON.stringify(answer.body) ?? '';
    log.add(
      {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: redactHeaders(req.headers),
        body: request.body,
        accepted: answer.accepted,
        status: answer.status,
        response: answer.body,
        ...(decision?.allowed === false ? { fault: 'rate_limited' as const } : failure !== undefined ? { fault: 'fail' as const } : drop ? { fault: 'drop' as const } : {}),
        ...(answer.replay ? { replay: true } : {}),
      },
      route ?? 'unmatched',
      rawBody.length + text.length,
    );
    if (drop) {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(text);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type ControlHandler = (body: unknown, query: URLSearchParams) => ControlAnswer;

function createControlRoutes(provider: StandInProvider, log: RequestLog, faults: FaultPlan): Record<string, ControlHandler> {
  return {
    'GET /__control/requests': (_body, query) => ({ status: 200, body: log.list(readLogFilter(query)) }),
    'GET /__control/stats': () => ({
      status: 200,
      body: { ...log.stats(), messages: provider.countMessages(), faults: faults.current() },
    }),
    'GET /__control/messages': (_body, query) => ({ status: 200, body: provider.listMessages(query) }),
    'GET /__control/faults': () => ({ status: 200, body: faults.current() }),
    'POST /__control/faults': (body) => {
      const parsed = parseFaultSettings(body ?? {});
      if ('error' in parsed) return { status: 400, body: { error: parsed.error } };
      faults.configure(parsed.settings);
      return { status: 200, body: faults.current() };
    },
    'POST /__control/reset': () => {
      log.clear();
      faults.clear();
      provider.reset();
      return { status: 200, body: { reset: true } };
    },
    ...provider.control,
  };
}

function answerControl(routes: Record<string, ControlHandler>, method: string, url: URL, rawBody: string): ControlAnswer {
  const handler = routes[`${method} ${url.pathname}`];
  if (!handler) return { status: 404, body: { error: `no control endpoint ${method} ${url.pathname}` } };
  let body: unknown;
  try {
    body = rawBody ? JSON.parse(rawBody) : undefined;
  } catch {
    return { status: 400, body: { error: 'control request bodies must be JSON' } };
  }
  return handler(body, url.searchParams);
}

function readLogFilter(query: URLSearchParams): RequestLogFilter {
  const filter: RequestLogFilter = {};
  const since = Number(query.get('since'));
  if (query.has('since') && Number.isFinite(since)) filter.since = since;
  const limit = Number(query.get('limit'));
  if (query.has('limit') && Number.isInteger(limit) && limit >= 0) filter.limit = limit;
  if (query.has('path')) filter.path = query.get('path') ?? '';
  if (query.has('method')) filter.method = query.get('method') ?? '';
  if (query.has('accepted')) filter.accepted = query.get('accepted') === 'true';
  return filter;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    redacted[name.toLowerCase()] = name.toLowerCase() === 'authorization' ? (text.split(' ')[0] ?? '') : text;
  }
  return redacted;
}

function writeJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
