// The operator's session cookie: an expiry and an HMAC keyed by ADMIN_TOKEN, checked in constant time.
import { toBase32 } from './base32';

/** How long a login lasts. Changing ADMIN_TOKEN ends every session at once. */
export const ADMIN_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const LABEL = 'rebuild-trust admin session v1';
const SESSION_SHAPE = /^(\d{1,15})\.([a-z2-7]{52})$/;
const encoder = new TextEncoder();

async function sessionMac(adminToken: string, expiresAt: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(adminToken), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${LABEL}:${expiresAt}`));
  return toBase32(new Uint8Array(mac));
}

/** A session value `<expiresAt ms>.<mac>` valid from `now` for `ttlMs`; only a holder of ADMIN_TOKEN can make one. */
export async function signAdminSession(adminToken: string, now: number, ttlMs: number = ADMIN_SESSION_TTL_MS): Promise<string> {
  const expiresAt = String(now + ttlMs);
  return `${expiresAt}.${await sessionMac(adminToken, expiresAt)}`;
}

/**
 * True when `value` was made by `signAdminSession` with this `adminToken` and has not expired at `now`.
 * False for no token configured, a missing or malformed value, or a wrong MAC; the MAC is compared in constant time.
 */
export async function verifyAdminSession(adminToken: string | null, value: string | undefined, now: number): Promise<boolean> {
  if (!adminToken || !value) return false;
  const match = SESSION_SHAPE.exec(value);
  if (!match) return false;
  const [, expiresAt, givenMac] = match as unknown as [string, string, string];
  if (Number(expiresAt) <= now) return false;
  const expected = encoder.encode(await sessionMac(adminToken, expiresAt));
  const given = encoder.encode(givenMac);
  return expected.byteLength === given.byteLength && crypto.subtle.timingSafeEqual(expected, given);
}
