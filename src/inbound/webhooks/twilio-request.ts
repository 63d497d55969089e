// Reads a Twilio webhook once and checks its X-Twilio-Signature against PUBLIC_URL + path; refuses before anything is stored.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../errors';
import { readBodyText } from '../../http/read-body';
import { decodeTwilioForm, verifyTwilioSignature, type TwilioParams } from '../../security/twilio-signature';

/** The largest webhook body read: an SMS body is at most 1,600 characters, the other parameters a few hundred. */
export const MAX_TWILIO_WEBHOOK_BYTES = 64 * 1024;

/** The first value of a parameter, or null when it was not sent or is empty. */
export function paramOf(params: TwilioParams, name: string): string | null {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

/**
 * The form parameters of a Twilio webhook, once its signature is proven: HMAC-SHA1 with TWILIO_AUTH_TOKEN over
 * PUBLIC_URL + this path (+ query) and the sorted parameters. Throws `not_configured` (503) when no auth token is
 * set, since nothing can be verified, and `invalid_signature` (403) when the header is missing or wrong.
 */
export async function readSignedTwilioForm(c: Context<AppEnv>): Promise<TwilioParams> {
  const { config } = c.var.services;
  if (!config.twilioAuthToken) {
    throw new AppError('not_configured', 'Twilio webhooks are not set up here: TWILIO_AUTH_TOKEN is not configured.');
  }
  const rawBody = await readBodyText(c, MAX_TWILIO_WEBHOOK_BYTES);
  const isForm = (c.req.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
  const params = isForm ? decodeTwilioForm(rawBody) : (Object.create(null) as TwilioParams);
  const requested = new URL(c.req.url);
  const url = `${config.publicUrl}${requested.pathname}${requested.search}`;
  const signature = c.req.header('x-twilio-signature') ?? null;
  if (!(await verifyTwilioSignature({ authToken: config.twilioAuthToken, url, params, signature, rawBody }))) {
    // Logged without the body: a mismatch after a deploy usually means PUBLIC_URL differs from the URL set in Twilio.
    c.var.services.log.warn('twilio_signature_rejected', { path: requested.pathname, signed: signature !== null });
    throw new AppError('invalid_signature', 'The X-Twilio-Signature header does not match this request.');
  }
  return params;
}
