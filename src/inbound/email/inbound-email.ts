// An inbound email, from Resend or Email Routing, end to end: whose it is, which day it answers, their words kept once.
import type { Subscriber } from '../../db/schema';
import { endSubscription, findSubscriber, findSubscriberByAddress } from '../../db/subscribers';
import { isAccepted } from '../../channels/channel';
import { verifyToken } from '../../security/tokens';
import type { Services } from '../../services';
import { keepReflection } from '../reflections/keep-reflection';
import { addressOf, isAutomaticReply, plusTags, replyDay } from './inbound-match';
import { composeSupportLineEmail } from '../reflections/support-line-email';
import { EXTRACTOR_VERSION, stripReply, wholeMessageText } from './strip-reply';

/** A received email as both inbound paths see it, before anything is decided. */
export interface InboundEmail {
  /** The From header (`Name <address>` or a bare address). */
  from: string;
  /** Every address it was delivered to: To, Cc and the envelope recipients. */
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  /** The text part was format=flowed and is given with its soft line breaks (Email Routing). */
  flowed?: boolean;
  /** The inbound path's verdict on the sender: DMARC (or aligned DKIM) passed for the From domain. */
  authenticated: boolean;
  /** Header names in lower case; used to recognise automatic replies. */
  headers: Record<string, string>;
  /** The Message-ID header, when there is one. */
  messageId: string | null;
  /** The inbound path's id for this email (Resend email_id, or Message-ID): a reflection is stored once per id. */
  sourceId: string;
}

export type InboundEmailOutcome =
  | { outcome: 'stored'; subscriberId: string; day: number; flagged: boolean; supportLineSent: boolean }
  | { outcome: 'unsubscribed'; subscriberId: string }
  | { outcome: 'duplicate' | 'empty' | 'automatic' | 'unmatched' | 'not_confirmed' | 'unauthenticated' | 'unreadable' };

/** Longest reflection kept from one email; a letter longer than this is cut, not refused. */
export const MAX_REFLECTION_CHARS = 50_000;

type Match =
  | { kind: 'reply' | 'unsubscribe'; subscriberId: string }
  | { kind: 'sender'; subscriber: Subscriber }
  | { kind: 'unauthenticated' }
  | null;

/**
 * The subscriber an email belongs to (SPEC §5): a signed plus-address token first. By the From address only when no
 * EMAIL_REPLY_TO is configured (so replies cannot carry a token) and the inbound path says the sender's domain
 * authenticated it (DMARC, or aligned DKIM); a From header alone is anyone's to write.
 */
async function matchSubscriber(services: Services, email: InboundEmail): Promise<Match> {
  const { config, db } = services;
  for (const tag of plusTags(email.to)) {
    const replyFor = await verifyToken(config.tokenSecret, 'reply', tag);
    if (replyFor) return { kind: 'reply', subscriberId: replyFor };
    const unsubscribeFor = await verifyToken(config.tokenSecret, 'unsubscribe', tag);
    if (unsubscribeFor) return { kind: 'unsubscribe', subscriberId: unsubscribeFor };
  }
  if (config.emailReplyTo) return null;
  const sender = addressOf(email.from);
  const subscriber = sender ? await findSubscriberByAddress(db, 'email', sender) : undefined;
  if (!subscriber) return null;
  return email.authenticated ? { kind: 'sender', subscriber } : { kind: 'unauthenticated' };
}

/**
 * Handles one received email. A message to the List-Unsubscribe plus-address unsubscribes at once. A reply to a
 * course email (its Reply-To plus-address token, or failing that the sender's address) is stripped of quoted
 * history and signatures and kept through keepReflection, under the day its subject names ("Day 3 of 30") when
 * that step was sent, else under the latest step sent. The first reflection that speaks of danger is answered
 * once by email with the support line. Automatic replies (out-of-office, delivery reports) are never kept.
 * Logs the outcome without addresses or words.
 */
export async function receiveInboundEmail(services: Services, email: InboundEmail, now: number): Promise<InboundEmailOutcome> {
  const result = await decide(services, email, now);
  services.log.info('inbound_email', {
    outcome: result.outcome,
    ...('subscriberId' in result ? { subscriber: result.subscriberId } : {}),
    ...('day' in result ? { day: result.day, flagged: result.flagged } : {}),
  });
  return result;
}

async function decide(services: Services, email: InboundEmail, now: number): Promise<InboundEmailOutcome> {
  const { db } = services;
  const match = await matchSubscriber(services, email);
  if (!match) return { outcome: 'unmatched' };
  if (match.kind === 'unauthenticated') return { outcome: 'unauthenticated' };
  if (match.kind === 'unsubscribe') {
    await endSubscription(db, match.subscriberId, 'unsubscribed', 'email unsubscribe (mailto)', now);
    return { outcome: 'unsubscribed', subscriberId: match.subscriberId };
  }
  if (isAutomaticReply(email.headers, email.from)) return { outcome: 'automatic' };
  const subscriber = match.kind === 'sender' ? match.subscriber : await findSubscriber(db, match.subscriberId);
  if (!subscriber) return { outcome: 'unmatched' };
  // A sender still pending has received no course email: a reply to the confirmation email is not a reflection.
  if (match.kind === 'sender' && subscriber.status === 'pending') return { outcome: 'not_confirmed' };

  const body = { text: email.text, html: email.html, flowed: email.flowed };
  const text = stripReply(body).slice(0, MAX_REFLECTION_CHARS);
  const kept = await keepReflection(services, {
    subscriberId: subscriber.id,
    channel: 'email',
    text,
    rawText: wholeMessageText(body),
    extractorVersion: EXTRACTOR_VERSION,
    sourceId: email.sourceId,
    now,
    day: replyDay(email.subject, subscriber.last_day_sent),
  });
  if (!kept.kept) return { outcome: kept.reason === 'unknown_subscriber' ? 'unmatched' : kept.reason };
  const supportLineSent = kept.sendSupportLine ? await sendSupportLine(services, subscriber) : false;
  return { outcome: 'stored', subscriberId: subscriber.id, day: kept.day, flagged: kept.flagged, supportLineSent };
}

/**
 * Answers a reflection that speaks of danger with the support line, once; a refused send is logged, not retried.
 * Nothing of the inbound message (its subject, its Message-ID) goes into the answer's headers.
 */
async function sendSupportLine(services: Services, subscriber: Subscriber): Promise<boolean> {
  const message = await composeSupportLineEmail(services.config, subscriber);
  const [outcome] = await services.email.sendBatch([message], `support-line-${subscriber.id}`);
  if (outcome && isAccepted(outcome)) return true;
  services.log.error('support_line_not_sent', { subscriber: subscriber.id, error: outcome && 'error' in outcome ? outcome.error : 'no outcome' });
  return false;
}
