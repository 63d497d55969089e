// The operator's session cookie: an expiry, a random nonce and an HMAC keyed by ADMIN_TOKEN, checked in constant time; the server keeps its hash.
import { randomId, toBase32 } from './base32';

/** How long a login lasts. Changing ADMIN_TOKEN ends every session at once; signing out ends one. */
export const ADMIN_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const LABEL = 'rebuild-trust admin session v2';
const SESSION_SHAPE = /^(\d{1,15})\.([a-z2-7]{26})\.([a-z2-7]{52})$/;
const encoder = new TextEncoder();

async function sessionMac(adminToken: string, expiresAt: string, nonce: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(adminToken), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${LABEL}:${expiresAt}:${nonce}`));
  return toBase32(new Uint8Array(mac));
}

/**
 * A new session value `<expiresAt ms>.<nonce>.<mac>` valid from `now` for `ttlMs`; only a holder of ADMIN_TOKEN can
 * make one, and no two are alike. The server must also record it (see adminSessionId) for it to open anything.
 */
export async function signAdminSession(adminToken: string, now: number, ttlMs: number = ADMIN_SESSION_TTL_MS): Promise<string> {
  const expiresAt = String(now + ttlMs);
  const nonce = randomId(16);
  return `${expiresAt}.${nonce}.${await sessionMac(adminToken, expiresAt, nonce)}`;
}

/** The expiry written in a well-formed session value, or null. */
export function adminSessionExpiry(value: string): number | null {
  const match = SESSION_SHAPE.exec(value);
  return match ? Number(match[1]) : null;
}

/** The id the server stores a session under: the SHA-256 (hex) of its cookie value, so the table holds no usable cookie. */
export async function adminSessionId(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * True when `value` was made by `signAdminSession` with this `adminToken` and has not expired at `now`.
 * False for no token configured, a missing or malformed value, or a wrong MAC; the MAC is compared in constant time.
 */
export async function verifyAdminSession(adminToken: string | null, value: string | undefined, now: number): Promise<boolean> {
  if (!adminToken || !value) return false;
  const match = SESSION_SHAPE.exec(value);
  if (!match) return false;
  const [, expiresAt, nonce, givenMac] = match as unknown as [string, string, string, string];
  if (Number(expiresAt) <= now) return false;
  const expected = encoder.encode(await sessionMac(adminToken, expiresAt, nonce));
  const given = encoder.encode(givenMac);
  return expected.byteLength === given.byteLength && crypto.subtle.timingSafeEqual(expected, given);
}
