// Server-side admin sessions: recorded at sign-in by the hash of the cookie, revoked at sign-out.
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Database } from './client';
import { adminSessions } from './schema';

/** Records a new session (by its hash) and forgets those that expired before `now`. */
export async function recordAdminSession(db: Database, id: string, now: number, expiresAt: number): Promise<void> {
  await db.batch([
    db.delete(adminSessions).where(lt(adminSessions.expires_at, now)),
    db.insert(adminSessions).values({ id, created_at: now, expires_at: expiresAt }).onConflictDoNothing(),
  ]);
}

/** True when the session with this hash was recorded, is not revoked, and has not expired at `now`. */
export async function isLiveAdminSession(db: Database, id: string, now: number): Promise<boolean> {
  const [row] = await db
    .select({ id: adminSessions.id })
    .from(adminSessions)
    .where(and(eq(adminSessions.id, id), isNull(adminSessions.revoked_at), gt(adminSessions.expires_at, now)));
  return row !== undefined;
}

/** Ends the session with this hash for good. */
export async function revokeAdminSession(db: Database, id: string, now: number): Promise<void> {
  await db.update(adminSessions).set({ revoked_at: now }).where(eq(adminSessions.id, id));
}
