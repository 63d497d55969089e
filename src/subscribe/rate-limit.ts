// SIGNUP_RATE_LIMIT: signups accepted per client IP per 10 minutes, counted under a keyed hash so no raw IP is stored.
import type { Database } from '../db/client';
import { countSignup } from '../db/signup-windows';
import { AppError } from '../errors';

export const SIGNUP_WINDOW_MS = 10 * 60_000;

async function clientKey(secret: string, ip: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`signup-ip:${ip}`)));
  return [...mac.slice(0, 12)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Counts this signup against the client's window; throws `rate_limited` (429, Retry-After until the window
 * ends) when the client has already used `limit` signups. A limit of 0 turns the check off.
 */
export async function enforceSignupLimit(db: Database, secret: string, ip: string | null, limit: number, now: number): Promise<void> {
  if (limit === 0 || !ip) return;
  const windowStart = Math.floor(now / SIGNUP_WINDOW_MS) * SIGNUP_WINDOW_MS;
  const count = await countSignup(db, await clientKey(secret, ip), windowStart);
  if (count > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + SIGNUP_WINDOW_MS - now) / 1000));
    throw new AppError('rate_limited', 'Too many signups from this connection. Please wait a few minutes and try again.', null, {
      'Retry-After': String(retryAfter),
    });
  }
}
