// Reading and writing the local outbox for /dev/outbox, and the few subscriber facts its try-out buttons need.
import { and, desc, eq, inArray, isNotNull, max, min, sql } from 'drizzle-orm';
import type { Database } from './client';
import { outbox, subscribers, type Channel, type OutboxMessage } from './schema';

export interface OutboxFilter {
  channel?: Channel;
  /** Exact recipient address (lower-cased email or E.164 number). */
  address?: string;
}

/** The newest `limit` outbox messages matching `filter`, newest first. */
export async function listOutbox(db: Database, filter: OutboxFilter = {}, limit = 200): Promise<OutboxMessage[]> {
  const conditions = [];
  if (filter.channel) conditions.push(eq(outbox.channel, filter.channel));
  if (filter.address) conditions.push(eq(outbox.to_address, filter.address));
  return db
    .select()
    .from(outbox)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
}

/** One outbox message by id. */
export async function findOutboxMessage(db: Database, id: number): Promise<OutboxMessage | undefined> {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

/** The time zone each of `addresses` chose at signup (any of their enrolments); addresses nobody signed up with are absent. */
export async function recipientTimezones(db: Database, addresses: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(addresses)].slice(0, 500);
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ address: subscribers.address, timezone: subscribers.timezone })
    .from(subscribers)
    .where(inArray(subscribers.address, unique))
    .all();
  return new Map(rows.map((row) => [row.address, row.timezone]));
}

/** Stores a message the provider itself would have sent (a TwiML reply to a text), as the SMS outbox does. */
export async function storeOutboxSms(db: Database, sms: { to: string; from: string; text: string; key: string; now: number }): Promise<void> {
  await db
    .insert(outbox)
    .values({ channel: 'sms', to_address: sms.to, from_address: sms.from, text: sms.text, idempotency_key: sms.key, created_at: sms.now })
    .onConflictDoNothing();
}

/** The earliest instant a step is due to anyone still on a course after `after`, or null when nothing is due. */
export async function nextDueInstant(db: Database, after: number, address?: string): Promise<number | null> {
  const conditions = [eq(subscribers.status, 'active'), isNotNull(subscribers.next_due_at), sql`${subscribers.next_due_at} > ${after}`];
  if (address) conditions.push(eq(subscribers.address, address));
  const row = await db
    .select({ due: min(subscribers.next_due_at) })
    .from(subscribers)
    .where(and(...conditions))
    .get();
  return row?.due ?? null;
}

/** The latest instant anything of the course was sent: where the simulated clock of /dev/outbox stands. */
export async function latestSendInstant(db: Database): Promise<number | null> {
  const row = await db.select({ latest: max(subscribers.last_sent_at) }).from(subscribers).get();
  return row?.latest ?? null;
}
