// Security headers on every page: a strict Content-Security-Policy (the one inline script allowed by its hash), no framing, no referrer.
import type { MiddlewareHandler } from 'hono';
import { SIGNUP_SCRIPT } from '../pages/landing-page';

let scriptHash: Promise<string> | undefined;

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

/** The policy for HTML pages: nothing loads from elsewhere, forms post only here, and only our own script runs. */
async function pagePolicy(): Promise<string> {
  scriptHash ??= sha256Base64(SIGNUP_SCRIPT);
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${await scriptHash}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Adds the headers after the route ran; a route that set its own policy (email previews) keeps it. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'no-referrer');
  if (!(headers.get('content-type') ?? '').startsWith('text/html')) return;
  headers.set('X-Frame-Options', 'DENY');
  if (!headers.has('content-security-policy')) headers.set('Content-Security-Policy', await pagePolicy());
};
