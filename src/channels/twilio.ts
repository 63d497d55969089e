// SMS through Twilio's Messages REST API with fetch (the twilio package is too large for a worker and has no base URL).
import { retryAfterMs, type OutgoingSms, type SendOutcome, type SmsChannel } from './channel';
import { twilioErrorMeaning } from './twilio-errors';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string | null;
  messagingServiceSid: string | null;
  baseUrl: string;
  /** Where Twilio posts delivery status for each message. */
  statusCallbackUrl: string;
}

/** When Twilio says 429 without a Retry-After, try again after this long. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/** Builds the Twilio transport. */
export function createTwilioSmsChannel(settings: TwilioSettings): SmsChannel {
  const url = `${settings.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${btoa(`${settings.accountSid}:${settings.authToken}`)}`;
  return {
    name: 'twilio',
    async send(sms: OutgoingSms, idempotencyKey: string): Promise<SendOutcome> {
      // The key rides on the callback URL, so a status report can settle a send whose answer never reached us.
      const statusCallback = `${settings.statusCallbackUrl}?delivery=${encodeURIComponent(idempotencyKey)}`;
      const form = new URLSearchParams({ To: sms.to, Body: sms.body, StatusCallback: statusCallback });
      if (settings.messagingServiceSid) form.set('MessagingServiceSid', settings.messagingServiceSid);
      else if (settings.from) form.set('From', settings.from);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form,
        });
      } catch {
        return { outcome: 'unanswered', error: 'twilio: no answer' };
      }
      const body = (await response.json().catch(() => ({}))) as { sid?: string; code?: number };
      if (response.ok && body.sid) return { outcome: 'sent', providerId: body.sid };
      return classifyTwilioAnswer(response.status, body.code, response.headers.get('retry-after'));
    },
  };
}

/** Maps a Twilio refusal by status and error code (see twilio-errors.ts). */
export function classifyTwilioAnswer(status: number, code: number | undefined, retryAfter: string | null): SendOutcome {
  const error = `twilio ${status}${code === undefined ? '' : ` ${code}`}`;
  const meaning = twilioErrorMeaning(code);
  if (meaning === 'suppress') return { outcome: 'refused', error };
  if (status === 429 || meaning === 'rate_limited') return { outcome: 'rate_limited', error, retryAfterMs: retryAfterMs(retryAfter) ?? DEFAULT_RATE_LIMIT_WAIT_MS };
  if (status >= 500) return { outcome: 'server', error, ...optional(retryAfterMs(retryAfter)) };
  if (status >= 200 && status < 300) return { outcome: 'server', error: `${error} without a message sid` };
  return { outcome: 'rejected', error };
}

function optional(ms: number | undefined): { retryAfterMs?: number } {
  return ms === undefined ? {} : { retryAfterMs: ms };
}
