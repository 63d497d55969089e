// Storing reflections encrypted (once per inbound message id, under the latest step sent), reading them back, re-extracting.
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { ReflectionCipher } from '../security/reflection-cipher';
import type { Database } from './client';
import { reflections, subscribers, type Channel, type Reflection } from './schema';

export interface NewReflection {
  subscriberId: string;
  channel: Channel;
  /** The reflection as extracted (plaintext here; encrypted before it is written). */
  body: string;
  /** The whole message as text, kept so nothing is lost to extraction; null for SMS (the body is the whole message). */
  rawText: string | null;
  /** Which extractor produced body (0: kept whole, as for SMS). */
  extractorVersion: number;
  /** The provider's id for the inbound message: a second delivery of the same id stores nothing. */
  sourceId: string;
  flagged: boolean;
  now: number;
  /** The day it answers; default: the latest step sent to this subscriber (0 before Day 1). */
  day?: number;
}

/** Where reflections are kept, and the cipher they are kept under. */
export interface ReflectionStore {
  db: Database;
  reflectionCipher: ReflectionCipher;
}

/**
 * Stores a reflection once, body and whole message encrypted. Returns `stored: false` when this source id was
 * stored before (a webhook retried), and `firstFlag: true` when it is flagged and no earlier reflection of this
 * subscriber was (the support line is sent once).
 */
export async function storeReflection(
  store: ReflectionStore,
  reflection: NewReflection,
): Promise<{ stored: boolean; known: boolean; day: number; firstFlag: boolean }> {
  const { db, reflectionCipher: cipher } = store;
  const subscriber = await db
    .select({ cycle: subscribers.cycle, lastDaySent: subscribers.last_day_sent })
    .from(subscribers)
    .where(eq(subscribers.id, reflection.subscriberId))
    .get();
  if (!subscriber) return { stored: false, known: false, day: 0, firstFlag: false };
  const day = reflection.day ?? subscriber.lastDaySent;
  const earlierFlag = reflection.flagged
    ? await db
        .select({ id: reflections.id })
        .from(reflections)
        .where(and(eq(reflections.subscriber_id, reflection.subscriberId), eq(reflections.flagged, true)))
        .get()
    : undefined;
  const inserted = await db
    .insert(reflections)
    .values({
      subscriber_id: reflection.subscriberId,
      cycle: subscriber.cycle,
      day,
      channel: reflection.channel,
      body: await cipher.encrypt(reflection.body, 'body'),
      raw_text: reflection.rawText === null ? null : await cipher.encrypt(reflection.rawText, 'raw_text'),
      extractor_version: reflection.extractorVersion,
      source_id: reflection.sourceId,
      flagged: reflection.flagged,
      received_at: reflection.now,
    })
    .onConflictDoNothing({ target: reflections.source_id })
    .returning({ id: reflections.id });
  const stored = inserted.length > 0;
  return { stored, known: true, day, firstFlag: stored && reflection.flagged && !earlierFlag };
}

/** Shown in place of a text written under a key this worker no longer has (a rotation finished too early). */
export const UNREADABLE_REFLECTION = '(This reflection was stored under an encryption key this server no longer has.)';

/** A stored reflection with its texts decrypted (legacy plaintext rows read as they are); `readable: false` when a
 * text is under an unknown key, so one bad row never takes a whole page down. */
export async function openReflection<Row extends Pick<Reflection, 'body' | 'raw_text'>>(
  cipher: ReflectionCipher,
  row: Row,
): Promise<Row & { readable: boolean }> {
  try {
    return {
      ...row,
      body: await cipher.decrypt(row.body, 'body'),
      raw_text: row.raw_text === null ? null : await cipher.decrypt(row.raw_text, 'raw_text'),
      readable: true,
    };
  } catch {
    console.error(JSON.stringify({ event: 'reflection_unreadable' }));
    return { ...row, body: UNREADABLE_REFLECTION, raw_text: null, readable: false };
  }
}

/**
 * Replaces a reflection's text with the subscriber's own edit (encrypted) and sets edited_at, so re-extraction
 * never overwrites it. Only a reflection of this subscriber; returns false when there is none.
 */
export async function editReflection(store: ReflectionStore, subscriberId: string, reflectionId: number, body: string, now: number): Promise<boolean> {
  const updated = await store.db
    .update(reflections)
    .set({ body: await store.reflectionCipher.encrypt(body, 'body'), edited_at: now })
    .where(and(eq(reflections.id, reflectionId), eq(reflections.subscriber_id, subscriberId)))
    .returning({ id: reflections.id });
  return updated.length > 0;
}

/** A page of reflections after `afterId` (by id), for re-extraction and re-encryption. */
export async function reflectionsAfter(db: Database, afterId: number, limit: number): Promise<Reflection[]> {
  return db.select().from(reflections).where(gt(reflections.id, afterId)).orderBy(asc(reflections.id)).limit(limit).all();
}

/**
 * Rewrites a reflection's stored texts (already encrypted by the caller) and extractor version, only while the
 * subscriber has not edited it. Returns false when the row was edited (or gone) meanwhile.
 */
export async function rewriteReflection(
  db: Database,
  id: number,
  values: { body: string; raw_text: string | null; extractor_version: number },
): Promise<boolean> {
  const updated = await db
    .update(reflections)
    .set(values)
    .where(and(eq(reflections.id, id), isNull(reflections.edited_at)))
    .returning({ id: reflections.id });
  return updated.length > 0;
}
