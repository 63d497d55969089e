// Taking a signup: record it as pending with its consent, and send the one confirmation (double opt-in).
import { isAccepted, type SendOutcome } from '../channels/channel';
import type { Subscriber } from '../db/schema';
import { endSubscription, findSubscriberByAddress, insertPendingSubscriber, markConfirmationSent, renewPendingSubscriber } from '../db/subscribers';
import { courseOf } from '../course/course';
import { messagesFor } from '../i18n/messages';
import { buildConfirmationEmail, emailSenderFrom } from '../messages/email';
import { confirmUrl } from '../messages/links';
import { PROGRAM_NAME, composeConfirmationSms } from '../messages/sms';
import { randomId } from '../security/base32';
import { signToken } from '../security/tokens';
import type { Services } from '../services';
import { CONSENT_TEXTS } from '../messages/consent-text';
import { mayTextConfirmation } from './rate-limit';
import type { SignupRequest } from './signup-input';

/** A pending signup gets at most one confirmation per this interval, however often the form is sent. */
export const CONFIRMATION_INTERVAL_MS = 10 * 60_000;

export type SignupOutcome = 'confirmation_sent' | 'confirmation_recent' | 'confirmation_capped' | 'confirmation_failed' | 'already_subscribed';

/**
 * Records the signup and sends the confirmation. The caller answers before this runs (out of the request path)
 * and the same way whatever the outcome, so nobody can learn from the answer or its timing whether an address is
 * known. A confirmation text goes only within the per-number and per-block daily caps.
 */
export async function requestSubscription(
  services: Services,
  signup: SignupRequest,
  meta: { sourceIp: string | null; method: 'form' | 'api'; now: number },
): Promise<SignupOutcome> {
  const { db } = services;
  const consent = { sourceIp: meta.sourceIp, textVersion: CONSENT_TEXTS[signup.channel].version, method: meta.method };
  const newSignup = { channel: signup.channel, address: signup.address, courseId: signup.course, timezone: signup.timezone, sendHour: signup.sendHour, role: signup.role, now: meta.now, consent };
  const existing = await findSubscriberByAddress(db, signup.channel, signup.address, signup.course);
  let subscriber: Pick<Subscriber, 'id' | 'confirmation_sent_at'>;
  if (!existing) {
    const id = randomId();
    await insertPendingSubscriber(db, { ...newSignup, id });
    subscriber = { id, confirmation_sent_at: null };
  } else if (existing.status === 'active' || existing.status === 'paused' || existing.status === 'completed') {
    return 'already_subscribed';
  } else {
    await renewPendingSubscriber(db, existing, { ...newSignup, id: existing.id });
    // Someone who left and signs up again gets a confirmation at once; only repeated pending signups wait.
    subscriber = existing.status === 'pending' ? existing : { id: existing.id, confirmation_sent_at: null };
  }
  if (subscriber.confirmation_sent_at !== null && meta.now - subscriber.confirmation_sent_at < CONFIRMATION_INTERVAL_MS) {
    return 'confirmation_recent';
  }
  if (signup.channel === 'sms' && !(await mayTextConfirmation(db, services.config.tokenSecret, signup.address, meta.now))) {
    services.log.warn('confirmation_capped', { subscriber: subscriber.id });
    return 'confirmation_capped';
  }
  const returning = existing !== undefined && existing.status !== 'pending';
  const outcome = await sendConfirmation(services, subscriber.id, signup, meta.now, returning);
  if (outcome.outcome === 'refused') {
    // The provider says this address can never receive (e.g. Twilio 21610, 21211): no further attempts.
    await endSubscription(db, subscriber.id, 'suppressed', outcome.error, meta.now);
    return 'confirmation_failed';
  }
  if (!isAccepted(outcome)) {
    // The signup is kept; sending the form again retries the confirmation.
    services.log.warn('confirmation_not_sent', { subscriber: subscriber.id, outcome: outcome.outcome, error: outcome.error });
    return 'confirmation_failed';
  }
  await markConfirmationSent(db, subscriber.id, meta.now);
  return 'confirmation_sent';
}

async function sendConfirmation(services: Services, id: string, signup: SignupRequest, now: number, returning: boolean): Promise<SendOutcome> {
  const course = courseOf(signup.course);
  // A returning subscriber's confirmation is a new message, not a retry of the first one within the same interval.
  const key = `rt-confirm-${id}-${returning ? 'return-' : ''}${Math.floor(now / CONFIRMATION_INTERVAL_MS)}`;
  if (signup.channel === 'sms') {
    return services.sms.send({ to: signup.address, body: composeConfirmationSms(PROGRAM_NAME, { title: course.title, length: course.days.length }, messagesFor(course.language).sms) }, key);
  }
  const token = await signToken(services.config.tokenSecret, 'confirm', id);
  const email = buildConfirmationEmail(emailSenderFrom(services.config), course, signup.address, confirmUrl(services.config.publicUrl, token));
  const [outcome] = await services.email.sendBatch([email], key);
  return outcome!;
}
