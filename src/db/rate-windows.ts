// Fixed-window rate limits over the D1 counters, each key stored as a keyed hash so no raw IP or number is kept.
import type { Database } from './client';
import { countSignup, peekWindow } from './signup-windows';

export const TEN_MINUTES_MS = 10 * 60_000;
export const ONE_DAY_MS = 24 * 60 * 60_000;

const keys = new Map<string, Promise<CryptoKey>>();

async function hashedKey(secret: string, label: string, value: string, windowMs: number): Promise<string> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`${label}:${value}`)));
  const hex = [...mac.slice(0, 12)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  // Day-long windows are kept a day by the cleanup; the others ten minutes.
  return windowMs > TEN_MINUTES_MS ? `day:${label}:${hex}` : `${label}:${hex}`;
}

export interface RateWindow {
  secret: string;
  /** What is counted, e.g. "signup-ip"; part of the key. */
  label: string;
  /** The counted value (an IP network, a number); stored only as a keyed hash. */
  value: string;
  windowMs: number;
  now: number;
}

export interface WindowCount {
  count: number;
  /** Seconds until the window ends, for a Retry-After header. */
  retryAfter: number;
}

function windowOf(window: RateWindow): { start: number; retryAfter: number } {
  const start = Math.floor(window.now / window.windowMs) * window.windowMs;
  return { start, retryAfter: Math.max(1, Math.ceil((start + window.windowMs - window.now) / 1000)) };
}

/** Counts one event in the window and returns the count including it. */
export async function countInWindow(db: Database, window: RateWindow): Promise<WindowCount> {
  const { start, retryAfter } = windowOf(window);
  return { count: await countSignup(db, await hashedKey(window.secret, window.label, window.value, window.windowMs), start), retryAfter };
}

/** The window's count so far, without counting anything. */
export async function peekInWindow(db: Database, window: RateWindow): Promise<WindowCount> {
  const { start, retryAfter } = windowOf(window);
  return { count: await peekWindow(db, await hashedKey(window.secret, window.label, window.value, window.windowMs), start), retryAfter };
}
