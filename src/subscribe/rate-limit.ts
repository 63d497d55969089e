// SIGNUP_RATE_LIMIT per client network (an IPv4 address or an IPv6 /64), and the caps on confirmation texts per number and per number block.
import type { Database } from '../db/client';
import { AppError } from '../errors';
import { clientNetwork } from '../http/request-meta';
import { ONE_DAY_MS, TEN_MINUTES_MS, countInWindow } from '../db/rate-windows';

export const SIGNUP_WINDOW_MS = TEN_MINUTES_MS;

/** Confirmation texts one number may receive per UTC day, however many signups name it. */
export const CONFIRMATION_TEXTS_PER_NUMBER = 5;
/** Confirmation texts per day to one block of numbers (the number without its last three digits): pumping walks a block. */
export const CONFIRMATION_TEXTS_PER_BLOCK = 100;

/**
 * Counts this signup against the client's window; throws `rate_limited` (429, Retry-After until the window
 * ends) when the client has already used `limit` signups. A limit of 0 turns the check off.
 */
export async function enforceSignupLimit(db: Database, secret: string, ip: string | null, limit: number, now: number): Promise<void> {
  if (limit === 0 || !ip) return;
  const { count, retryAfter } = await countInWindow(db, { secret, label: 'signup-ip', value: clientNetwork(ip), windowMs: SIGNUP_WINDOW_MS, now });
  if (count > limit) {
    throw new AppError('rate_limited', 'Too many signups from this connection. Please wait a few minutes and try again.', null, {
      'Retry-After': String(retryAfter),
    });
  }
}

/**
 * Counts one confirmation text to `number` (E.164) and says whether it may go: at most
 * CONFIRMATION_TEXTS_PER_NUMBER a day to the number and CONFIRMATION_TEXTS_PER_BLOCK to its block.
 */
export async function mayTextConfirmation(db: Database, secret: string, number: string, now: number): Promise<boolean> {
  const perNumber = await countInWindow(db, { secret, label: 'sms-number', value: number, windowMs: ONE_DAY_MS, now });
  if (perNumber.count > CONFIRMATION_TEXTS_PER_NUMBER) return false;
  const perBlock = await countInWindow(db, { secret, label: 'sms-block', value: number.slice(0, -3), windowMs: ONE_DAY_MS, now });
  return perBlock.count <= CONFIRMATION_TEXTS_PER_BLOCK;
}
