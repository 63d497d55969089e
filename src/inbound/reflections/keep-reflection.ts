// The one pipeline every reply goes through (SMS, Resend inbound, Email Routing): flag if it speaks of danger, store once.
import type { Channel } from '../../db/schema';
import { storeReflection, type ReflectionStore } from '../../db/reflections';
import type { Logger } from '../../platform/log';
import { speaksOfDanger } from './safety';

export interface IncomingReply {
  subscriberId: string;
  channel: Channel;
  /** The person's own words, already stripped of quoted history and signatures. */
  text: string;
  /** The whole message as text, for email (kept beside the reflection); absent for SMS, whose text is all of it. */
  rawText?: string | null;
  /** The extractor that produced `text`; 0 when the text was kept whole. */
  extractorVersion?: number;
  sourceId: string;
  now: number;
  day?: number;
}

export type KeptReflection =
  | { kept: false; reason: 'empty' | 'duplicate' | 'unknown_subscriber' }
  | { kept: true; day: number; flagged: boolean; sendSupportLine: boolean };

/**
 * Keeps a reply as a reflection, encrypted with the whole message. `sendSupportLine` is true the first time a
 * subscriber's reflection speaks of violence or danger, so the caller answers with the support line once.
 */
export async function keepReflection(store: ReflectionStore & { log: Logger }, reply: IncomingReply): Promise<KeptReflection> {
  const text = reply.text.trim();
  if (!text) return { kept: false, reason: 'empty' };
  const flagged = speaksOfDanger(text);
  const result = await storeReflection(store, {
    subscriberId: reply.subscriberId,
    channel: reply.channel,
    body: text,
    rawText: reply.rawText ?? null,
    extractorVersion: reply.extractorVersion ?? 0,
    sourceId: reply.sourceId,
    flagged,
    now: reply.now,
    day: reply.day,
  });
  if (!result.stored) return { kept: false, reason: result.known ? 'duplicate' : 'unknown_subscriber' };
  if (flagged) store.log.warn('reflection_flagged', { subscriber: reply.subscriberId, day: result.day });
  return { kept: true, day: result.day, flagged, sendSupportLine: result.firstFlag };
}
