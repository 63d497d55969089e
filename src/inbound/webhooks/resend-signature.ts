// Checks a Resend webhook's Svix / Standard Webhooks signature with the resend SDK: HMAC-SHA256, 5-minute window, constant time.
import { Resend } from 'resend';
import { AppError } from '../../errors';

export interface SvixHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type ResendWebhookCheck = { outcome: 'verified'; event: unknown } | { outcome: 'invalid_signature'; reason: string } | { outcome: 'invalid_json' };

/** The SDK's constructor insists on an API key; checking a signature never uses it. */
const UNUSED_API_KEY = 're_signature_check_only';

/**
 * Verifies `rawBody` (the exact bytes received, as text) against the svix-id, svix-timestamp and svix-signature
 * headers with the `whsec_…` secret: the timestamp must be within 5 minutes of now, either way, and one of the
 * space-separated `v1,<base64>` signatures must match, compared in constant time. Only a verified body is parsed.
 * Throws AppError `misconfigured` when the secret itself is unusable.
 */
export function verifyResendWebhook(secret: string, rawBody: string, headers: SvixHeaders): ResendWebhookCheck {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { outcome: 'invalid_signature', reason: 'missing svix headers' };
  try {
    const event: unknown = new Resend(UNUSED_API_KEY).webhooks.verify({ payload: rawBody, headers: { id, timestamp, signature }, webhookSecret: secret });
    return { outcome: 'verified', event };
  } catch (error) {
    // The SDK parses the body only after the signature matched, so a SyntaxError means signed but unreadable.
    if (error instanceof SyntaxError) return { outcome: 'invalid_json' };
    if (error instanceof Error && error.name === 'WebhookVerificationError') return { outcome: 'invalid_signature', reason: error.message };
    throw new AppError('misconfigured', 'RESEND_WEBHOOK_SECRET is not a usable whsec_ signing secret.');
  }
}
