// Email through Resend's batch endpoint with the official SDK; each answer becomes a typed outcome, and its rate-limit headers a pace hint.
import { Resend } from 'resend';
import { retryAfterMs, type EmailChannel, type OutgoingEmail, type PaceHint, type SendOutcome } from './channel';

/** When Resend says 429 without a Retry-After, try again after this long (its window is one second). */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000;

/**
 * Builds the Resend transport; `baseUrl` lets tests and benchmarks point it at a local stand-in. `onPace` hears
 * the `ratelimit-remaining` / `ratelimit-reset` headers of every answer, so the sender can slow down before a 429.
 */
export function createResendEmailChannel(apiKey: string, baseUrl: string, onPace?: (hint: PaceHint) => void): EmailChannel {
  const resend = new Resend(apiKey, { baseUrl });
  return {
    name: 'resend',
    maxBatch: 100,
    async sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<SendOutcome[]> {
      if (emails.length === 0) return [];
      const payload = emails.map((email) => ({
        from: email.from,
        to: [email.to],
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      }));
      const { data, error, headers } = await resend.batch.send(payload, { idempotencyKey });
      const hint = paceHintOf(headers);
      if (hint && onPace) onPace(hint);
      if (error) {
        const outcome = classifyResendError(error.statusCode, error.name, headers?.['retry-after']);
        return emails.map(() => outcome);
      }
      const ids = data?.data ?? [];
      return emails.map((_, index): SendOutcome => {
        const id = ids[index]?.id;
        return id ? { outcome: 'sent', providerId: id } : { outcome: 'server', error: 'resend 200 without an id for this email' };
      });
    },
  };
}

/**
 * Maps a Resend error. No batch-level error is permanent for a subscriber: addresses were validated at signup, and
 * hard bounces and complaints arrive by webhook and suppress there. A 409 `invalid_idempotent_request` means Resend
 * accepted an earlier call under this key (our payload differs since): those emails went out, never send them again.
 */
export function classifyResendError(status: number | null, name: string, retryAfter?: string | null): SendOutcome {
  const error = `resend ${status ?? 'no answer'} ${name}`.slice(0, 200);
  if (status === null) return { outcome: 'unanswered', error };
  if (status === 409 && name === 'invalid_idempotent_request') return { outcome: 'duplicate', providerId: null };
  if (status === 429 && name === 'rate_limit_exceeded') {
    return { outcome: 'rate_limited', error, retryAfterMs: retryAfterMs(retryAfter) ?? DEFAULT_RATE_LIMIT_WAIT_MS };
  }
  if (status >= 500) {
    const wait = retryAfterMs(retryAfter);
    return { outcome: 'server', error, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  // 429 daily_quota_exceeded / monthly_quota_exceeded, 401/403 keys, 422 validation: the operator's to fix.
  return { outcome: 'rejected', error };
}

/** Resend's IETF-style headers: requests left in the window and seconds until it resets. */
export function paceHintOf(headers: Record<string, string> | null | undefined): PaceHint | undefined {
  const limit = Number(headers?.['ratelimit-limit']);
  const remaining = Number(headers?.['ratelimit-remaining']);
  const reset = Number(headers?.['ratelimit-reset']);
  if (!headers?.['ratelimit-remaining'] || ![limit, remaining, reset].every(Number.isFinite)) return undefined;
  return { limit, remaining, resetMs: Math.max(0, reset * 1000) };
}
