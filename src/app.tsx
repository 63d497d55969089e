// The Hono app: services built once per request, feature routes mounted, one error handler for every failure.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { adminRoutes } from './admin/routes';
import type { AppEnv } from './app-env';
import { confirmRoutes } from './confirm/routes';
import { outboxRoutes } from './dev/outbox-routes';
import { AppError } from './errors';
import { healthRoutes } from './health/routes';
import { securityHeaders } from './http/security-headers';
import { journalRoutes } from './journal/routes';
import { SIGNUP_SCRIPT } from './pages/landing-page';
import { NoticePage } from './pages/notice-page';
import { pageRoutes } from './pages/routes';
import { buildServices, createInvocationLogger } from './services';
import { subscribeRoutes } from './subscribe/routes';
import { unsubscribeRoutes } from './unsubscribe/routes';
import { resendWebhookRoutes } from './inbound/webhooks/resend-routes';
import { twilioWebhookRoutes } from './inbound/webhooks/twilio-routes';

const JSON_PREFIXES = ['/api/', '/webhooks/', '/health', '/admin/api', '/dev/outbox.json'];

function prefersJson(c: Context<AppEnv>): boolean {
  const path = new URL(c.req.url).pathname;
  if (JSON_PREFIXES.some((prefix) => path.startsWith(prefix))) return !(c.req.header('accept') ?? '').includes('text/html') || path.startsWith('/webhooks/');
  return !(c.req.header('accept') ?? '').includes('text/html') && c.req.method !== 'GET';
}

const INTERNAL = 'Something went wrong on our side. Nothing you sent was lost; please try again.';

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) {
    // A 500 (a misconfiguration) is the operator's to read in the log; the client sees the same sentence as any failure.
    return error.status === 500 ? new AppError(error.code, INTERNAL) : error;
  }
  if (error instanceof HTTPException && error.status < 500) return new AppError('invalid_request', error.message || 'The request could not be read.');
  return new AppError('internal_error', INTERNAL);
}

export const app = new Hono<AppEnv>()
  // Outermost: one log line per request, written after every other middleware and the error handler are done.
  .use(async (c, next) => {
    const started = Date.now();
    const log = createInvocationLogger(c.env, c.req.header('cf-ray'));
    c.set('log', log);
    await next();
    c.header('X-Request-Id', log.id);
    log.info('request', { method: c.req.method, path: new URL(c.req.url).pathname, status: c.res.status, ms: Date.now() - started });
  })
  // Next: the security headers, so they are the last word on every answer (a route sets its own policy only to be stricter).
  .use(securityHeaders([SIGNUP_SCRIPT]))
  .use(async (c, next) => {
    const services = buildServices(c.env, undefined, c.var.log);
    c.set('services', services);
    c.set('now', services.wallClock());
    await next();
  })
  .route('/', pageRoutes)
  .route('/', subscribeRoutes)
  .route('/', confirmRoutes)
  .route('/', unsubscribeRoutes)
  .route('/', twilioWebhookRoutes)
  .route('/', resendWebhookRoutes)
  .route('/', journalRoutes)
  .route('/', healthRoutes)
  .route('/', outboxRoutes)
  .route('/', adminRoutes);

app.notFound((c) => {
  const error = new AppError('not_found', 'There is nothing at this address.');
  if (prefersJson(c)) return c.json(error.toBody(), 404);
  return c.html(<NoticePage title="Page not found" message="There is nothing at this address. The course starts on the home page." />, 404);
});

app.onError((raw, c) => {
  const error = toAppError(raw);
  if (error.status >= 500) {
    // Unknown errors are logged once for the operator under the request id, never shown; the logger redacts them.
    (c.var.log ?? createInvocationLogger(c.env)).error('request_failed', {
      path: new URL(c.req.url).pathname,
      code: error.code,
      error: raw instanceof Error ? `${raw.name}: ${raw.message}` : String(raw),
    });
  }
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  if (prefersJson(c)) return c.json(error.toBody(), error.status);
  return c.html(<NoticePage title={error.status === 404 ? 'Not found' : 'Something went wrong'} message={error.message} />, error.status);
});
