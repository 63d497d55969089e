// SMS through Twilio's Messages REST API with fetch (the twilio package is too large for a worker and has no base URL).
import type { OutgoingSms, SendOutcome, SmsChannel } from './channel';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string | null;
  messagingServiceSid: string | null;
  baseUrl: string;
  /** Where Twilio posts delivery status for each message. */
  statusCallbackUrl: string;
}

/** Twilio error codes that mean this number must not be texted again (unsubscribed, invalid, not mobile). */
export const PERMANENT_TWILIO_CODES = new Set([21610, 21211, 21614, 21612, 21408]);

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
      } catch (error) {
        return { outcome: 'retryable', error: `twilio network: ${(error as Error).message}`.slice(0, 500) };
      }
      const body = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
      if (response.ok && body.sid) return { outcome: 'ok', providerId: body.sid };
      return classifyTwilioError(response.status, body.code, body.message, response.headers.get('retry-after'));
    },
  };
}

/** Maps a Twilio refusal: 429/5xx retry later; the codes that name the number suppress it; other 4xx retry, bounded. */
export function classifyTwilioError(status: number, code: number | undefined, message: string | undefined, retryAfter: string | null): SendOutcome {
  const error = `twilio ${status} ${code ?? ''}: ${message ?? ''}`.trim().slice(0, 500);
  if (code !== undefined && PERMANENT_TWILIO_CODES.has(code)) return { outcome: 'permanent', error };
  const seconds = Number(retryAfter);
  return { outcome: 'retryable', error, ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
}
