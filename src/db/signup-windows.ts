// Counting signups per client and 10-minute window in D1, for SIGNUP_RATE_LIMIT.
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { signupWindows } from './schema';

/** Adds one signup to the client's window and returns the window's count including it. */
export async function countSignup(db: Database, clientKey: string, windowStart: number): Promise<number> {
  const [row] = await db
    .insert(signupWindows)
    .values({ client_key: clientKey, window_start: windowStart, count: 1 })
    .onConflictDoUpdate({ target: [signupWindows.client_key, signupWindows.window_start], set: { count: sql`${signupWindows.count} + 1` } })
    .returning({ count: signupWindows.count });
  return row?.count ?? 1;
}

/** Forgets windows that ended before `before`. */
export async function forgetSignupWindows(db: Database, before: number): Promise<void> {
  await db.delete(signupWindows).where(sql`${signupWindows.window_start} < ${before}`);
}
