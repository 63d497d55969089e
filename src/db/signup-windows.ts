// Fixed-window counters in D1 (signups per client, confirmation texts per number, failed admin sign-ins); keys starting `day:` last a day.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { signupWindows } from './schema';

const DAY_MS = 24 * 60 * 60_000;

/** Adds one to the key's window and returns the window's count including it. */
export async function countSignup(db: Database, clientKey: string, windowStart: number): Promise<number> {
  const [row] = await db
    .insert(signupWindows)
    .values({ client_key: clientKey, window_start: windowStart, count: 1 })
    .onConflictDoUpdate({ target: [signupWindows.client_key, signupWindows.window_start], set: { count: sql`${signupWindows.count} + 1` } })
    .returning({ count: signupWindows.count });
  return row?.count ?? 1;
}

/** The key's count in its window so far, without adding to it. */
export async function peekWindow(db: Database, clientKey: string, windowStart: number): Promise<number> {
  const [row] = await db
    .select({ count: signupWindows.count })
    .from(signupWindows)
    .where(and(eq(signupWindows.client_key, clientKey), eq(signupWindows.window_start, windowStart)));
  return row?.count ?? 0;
}

/** Forgets 10-minute windows that started before `before`, and day-long (`day:`) ones a day before that. */
export async function forgetSignupWindows(db: Database, before: number): Promise<void> {
  await db
    .delete(signupWindows)
    .where(
      sql`(${signupWindows.window_start} < ${before} AND ${signupWindows.client_key} NOT LIKE 'day:%') OR ${signupWindows.window_start} < ${before - DAY_MS}`,
    );
}
