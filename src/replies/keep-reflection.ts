// The one pipeline every reply goes through (SMS, Resend inbound, Email Routing): flag if it speaks of danger, store once.
import type { Channel } from '../db/schema';
import type { Database } from '../db/client';
import { storeReflection } from '../db/reflections';
import { speaksOfDanger } from './safety';

export interface IncomingReply {
  subscriberId: string;
  channel: Channel;
  /** The person's own words, already stripped of quoted history and signatures. */
  text: string;
  sourceId: string;
  now: number;
  day?: number;
}

export type KeptReflection =
  | { kept: false; reason: 'empty' | 'duplicate' | 'unknown_subscriber' }
  | { kept: true; day: number; flagged: boolean; sendSupportLine: boolean };

/**
 * Keeps a reply as a reflection. `sendSupportLine` is true the first time a subscriber's reflection speaks of
 * violence or danger, so the caller answers with the support line once.
 */
export async function keepReflection(db: Database, reply: IncomingReply): Promise<KeptReflection> {
  const text = reply.text.trim();
  if (!text) return { kept: false, reason: 'empty' };
  const flagged = speaksOfDanger(text);
  const result = await storeReflection(db, { ...reply, body: text, flagged });
  if (!result.stored) return { kept: false, reason: result.known ? 'duplicate' : 'unknown_subscriber' };
  if (flagged) console.warn(JSON.stringify({ event: 'reflection_flagged', subscriber: reply.subscriberId, day: result.day }));
  return { kept: true, day: result.day, flagged, sendSupportLine: result.firstFlag };
}
