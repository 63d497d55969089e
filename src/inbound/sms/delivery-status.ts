// Twilio status callbacks: record each message's final status, and stop texting numbers that can never receive.
import { findSubscriberByAddress, endSubscription } from '../../db/subscribers';
import { recordDeliveryEvent } from '../../db/delivery-events';
import type { Services } from '../../services';
import { twilioErrorMeaning } from '../../channels/twilio-errors';

export interface SmsStatusCallback {
  messageSid: string;
  /** Twilio's MessageStatus: queued, sent, delivered, undelivered, failed, ... */
  messageStatus: string;
  errorCode: number | null;
  /** The recipient, used when the message was not a course delivery (a confirmation or help text). */
  to: string | null;
  now: number;
}

export type StatusOutcome = 'recorded' | 'suppressed' | 'ignored';

/**
 * Records a status callback. `delivered` marks the delivery delivered; `failed` / `undelivered` mark it failed with
 * the error code; interim statuses (queued, sending, sent, ...) change nothing. A suppressing error code ends the
 * subscription as `suppressed`, so no further attempt is made. Safe to receive twice.
 */
export async function recordSmsStatus(services: Services, callback: SmsStatusCallback): Promise<StatusOutcome> {
  const { db } = services;
  const status = callback.messageStatus.toLowerCase();
  if (status !== 'delivered' && status !== 'failed' && status !== 'undelivered') return 'ignored';
  const error = status === 'delivered' ? null : `twilio ${callback.errorCode ?? 'unknown'} ${status}`;
  const recorded = await recordDeliveryEvent(db, callback.messageSid, status === 'delivered' ? 'delivered' : 'failed', error, callback.now);
  if (status === 'delivered' || twilioErrorMeaning(callback.errorCode) !== 'suppress') {
    return recorded ? 'recorded' : 'ignored';
  }
  const subscriberId = recorded?.subscriberId ?? (callback.to ? (await findSubscriberByAddress(db, 'sms', callback.to))?.id : undefined);
  if (subscriberId) await endSubscription(db, subscriberId, 'suppressed', error!, callback.now);
  return subscriberId ? 'suppressed' : 'ignored';
}
