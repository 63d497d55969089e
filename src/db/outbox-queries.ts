// Reading the local outbox for /dev/outbox.
import { desc, eq } from 'drizzle-orm';
import type { Database } from './client';
import { outbox, type OutboxMessage } from './schema';

/** The newest `limit` outbox messages, newest first. */
export async function listOutbox(db: Database, limit = 200): Promise<OutboxMessage[]> {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
}

/** One outbox message by id. */
export async function findOutboxMessage(db: Database, id: number): Promise<OutboxMessage | undefined> {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}
