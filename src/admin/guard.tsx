// Who may see /admin: the ADMIN_TOKEN as a bearer header or a signed session cookie; without ADMIN_TOKEN there is no admin.
/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import type { Config } from '../config';
import { AppError } from '../errors';
import { AdminLoginPage } from '../pages/admin-login-page';
import { isLiveAdminSession } from '../db/admin-sessions';
import { clientIp, clientNetwork } from '../http/request-meta';
import { TEN_MINUTES_MS, countInWindow, peekInWindow, type RateWindow } from '../db/rate-windows';
import { hasAdminToken } from '../security/admin-token';
import { adminSessionId, verifyAdminSession } from '../security/admin-session';

/** Failed sign-ins (form or bearer) one client may make in 10 minutes; the next attempt answers 429. */
export const ADMIN_FAILURES_ALLOWED = 10;

let refusedTokenLogged = false;

const ADMIN_PATH = /^\/admin(\/[A-Za-z0-9._-]+)*$/;

/** The session cookie's name; `__Secure-` where PUBLIC_URL is https, since browsers then insist on the Secure flag. */
export function adminCookieName(config: Config): string {
  return isHttps(config) ? '__Secure-rt_admin' : 'rt_admin';
}

/** True when PUBLIC_URL is https: the session cookie is then marked Secure. */
export function isHttps(config: Config): boolean {
  return config.publicUrl.startsWith('https://');
}

/** `candidate` when it is a plain /admin path (no query, no other host), else "/admin". */
export function safeAdminPath(candidate: unknown): string {
  return typeof candidate === 'string' && ADMIN_PATH.test(candidate) ? candidate : '/admin';
}

/** ADMIN_TOKEN, or a 404 AppError when none is configured or it is too short (the admin then does not exist). */
export function configuredAdminToken(c: Context<AppEnv>): string {
  const { config, log } = c.var.services;
  if (config.adminTokenTooShort && !refusedTokenLogged) {
    refusedTokenLogged = true;
    log.warn('admin_disabled', { reason: 'ADMIN_TOKEN is shorter than 32 characters' });
  }
  const token = config.adminToken;
  if (!token) throw new AppError('not_found', 'There is nothing at this address.');
  return token;
}

function failureWindow(c: Context<AppEnv>): RateWindow {
  const ip = clientIp(c);
  return { secret: c.var.services.config.tokenSecret, label: 'admin-fail', value: ip ? clientNetwork(ip) : 'unknown', windowMs: TEN_MINUTES_MS, now: c.var.now };
}

/** Throws `rate_limited` (429 with Retry-After) once this client has failed ADMIN_FAILURES_ALLOWED times in 10 minutes. */
export async function refuseThrottledClient(c: Context<AppEnv>): Promise<void> {
  const { count, retryAfter } = await peekInWindow(c.var.services.db, failureWindow(c));
  if (count >= ADMIN_FAILURES_ALLOWED) {
    throw new AppError('rate_limited', 'Too many failed sign-ins from this connection. Please wait a few minutes.', null, { 'Retry-After': String(retryAfter) });
  }
}

/** Counts one failed sign-in (a wrong token typed in or sent as a bearer) against this client. */
export async function countFailedSignIn(c: Context<AppEnv>): Promise<void> {
  await countInWindow(c.var.services.db, failureWindow(c));
  c.var.services.log.warn('admin_sign_in_failed');
}

/** True when the client asked for JSON rather than a page. */
export function wantsJson(c: Context<AppEnv>): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

async function isAdminRequest(c: Context<AppEnv>, adminToken: string): Promise<boolean> {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    await refuseThrottledClient(c);
    if (await hasAdminToken(authorization, adminToken)) return true;
    await countFailedSignIn(c);
    return false;
  }
  const cookie = getCookie(c, adminCookieName(c.var.services.config));
  const now = c.var.now;
  if (!cookie || !(await verifyAdminSession(adminToken, cookie, now))) return false;
  return isLiveAdminSession(c.var.services.db, await adminSessionId(cookie), now);
}

const UNAUTHORIZED = new AppError('unauthorized', 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>", or sign in at /admin.', null, {
  'WWW-Authenticate': 'Bearer',
});

/**
 * 401 for a client without the token: the JSON error shape when it asked for JSON, else the sign-in
 * form returning to `form.next` (default: the requested path) with `form.error` shown. Both carry
 * `WWW-Authenticate: Bearer`.
 */
export function refuseAdmin(c: Context<AppEnv>, form: { next?: string; error?: string } = {}) {
  c.header('WWW-Authenticate', 'Bearer');
  if (wantsJson(c)) return c.json(UNAUTHORIZED.toBody(), 401);
  const next = safeAdminPath(form.next ?? new URL(c.req.url).pathname);
  return c.html(<AdminLoginPage next={next} error={form.error} />, 401);
}

/** Lets the request through only with the admin token (bearer header or session cookie); 404 when no ADMIN_TOKEN is set. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  if (!(await isAdminRequest(c, configuredAdminToken(c)))) return refuseAdmin(c);
  await next();
});
