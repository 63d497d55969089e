// Running the current extractor again over stored whole messages, and re-encrypting under the current key; edits are kept.
import { openReflection, reflectionsAfter, rewriteReflection, type ReflectionStore } from '../../db/reflections';
import { EXTRACTOR_VERSION, stripReply } from '../email/strip-reply';

export interface ReextractResult {
  /** Rows looked at in this page. */
  scanned: number;
  /** Email reflections whose text was extracted again by the current extractor. */
  reextracted: number;
  /** Rows only re-encrypted under the current key (SMS, or already current). */
  reencrypted: number;
  /** Rows the subscriber edited: never rewritten. */
  keptEdits: number;
  /** Pass as `after` to continue; null when every row has been seen. */
  next: number | null;
}

/** Rows handled per call, so one request stays within the platform's limits. */
export const REEXTRACT_PAGE = 100;

/**
 * Re-runs the current extractor over one page of stored reflections (ids after `after`): an email reflection from
 * an older extractor, whose whole message is kept, gets a new body and EXTRACTOR_VERSION, unless the subscriber
 * edited it (edited_at set), which is never overwritten. A row still in plaintext or under a previous key is
 * re-encrypted under the current one. An extraction that comes out empty keeps the old text.
 */
export async function reextractReflections(store: ReflectionStore, after = 0, limit = REEXTRACT_PAGE): Promise<ReextractResult> {
  const rows = await reflectionsAfter(store.db, after, limit);
  const result: ReextractResult = { scanned: rows.length, reextracted: 0, reencrypted: 0, keptEdits: 0, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
  const cipher = store.reflectionCipher;
  for (const row of rows) {
    if (row.edited_at !== null) {
      result.keptEdits += 1;
      continue;
    }
    const open = await openReflection(cipher, row);
    if (!open.readable) continue;
    const fresh = row.channel === 'email' && open.raw_text !== null && row.extractor_version < EXTRACTOR_VERSION ? stripReply({ text: open.raw_text }) : '';
    const stale = (await cipher.isStale(row.body)) || (row.raw_text !== null && (await cipher.isStale(row.raw_text)));
    if (!fresh && !stale) continue;
    const written = await rewriteReflection(store.db, row.id, {
      body: await cipher.encrypt(fresh || open.body, 'body'),
      raw_text: open.raw_text === null ? null : await cipher.encrypt(open.raw_text, 'raw_text'),
      extractor_version: fresh ? EXTRACTOR_VERSION : row.extractor_version,
    });
    if (!written) result.keptEdits += 1;
    else if (fresh) result.reextracted += 1;
    else result.reencrypted += 1;
  }
  return result;
}
