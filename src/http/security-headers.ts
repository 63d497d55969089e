// Security headers on every page: a strict Content-Security-Policy (the one inline script allowed by its hash), no framing, no referrer.
import type { MiddlewareHandler } from 'hono';

async function sha256Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

/** The policy for HTML pages: nothing loads from elsewhere, forms post only here, and only our own scripts run. */
async function pagePolicy(scripts: readonly string[]): Promise<string> {
  const hashes = await Promise.all(scripts.map(sha256Base64));
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${hashes.map((hash) => `'sha256-${hash}'`).join(' ')}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Adds the headers after the route ran, allowing exactly the given inline `scripts` (by hash); a route that set its
 * own, stricter policy (email previews) keeps it. Mounted before every other middleware, so nothing can weaken it.
 */
export function securityHeaders(scripts: readonly string[]): MiddlewareHandler {
  let policy: Promise<string> | undefined;
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    if (!(headers.get('content-type') ?? '').startsWith('text/html')) return;
    headers.set('X-Frame-Options', 'DENY');
    policy ??= pagePolicy(scripts);
    if (!headers.has('content-security-policy')) headers.set('Content-Security-Policy', await policy);
  };
}
