// Email through Resend's batch endpoint with the official SDK; provider answers become ok / retryable / permanent.
import { Resend } from 'resend';
import type { EmailChannel, OutgoingEmail, SendOutcome } from './channel';

/** Builds the Resend transport; `baseUrl` lets tests and benchmarks point it at a local stand-in. */
export function createResendEmailChannel(apiKey: string, baseUrl: string): EmailChannel {
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
      if (error?.name === 'invalid_idempotent_request') {
        // Resend already accepted a call with this key (our payload changed since, e.g. a welcome composed later):
        // those emails went out, and sending them again under a new key would double them.
        return emails.map((_, index): SendOutcome => ({ outcome: 'ok', providerId: `${idempotencyKey}#${index}` }));
      }
      if (error) {
        const outcome = classifyResendError(error.statusCode, error.name, error.message, headers?.['retry-after']);
        return emails.map(() => outcome);
      }
      const ids = data?.data ?? [];
      return emails.map((_, index): SendOutcome => {
        const id = ids[index]?.id;
        return id ? { outcome: 'ok', providerId: id } : { outcome: 'retryable', error: 'Resend returned no id for this email' };
      });
    },
  };
}

/**
 * Maps a Resend error to an outcome. Every batch-level error is retryable: addresses were validated at signup,
 * so a refusal of the whole batch says nothing permanent about any one subscriber (hard bounces and complaints
 * arrive by webhook and suppress there). Attempts are bounded by the dispatcher, which shows failures to the operator.
 */
export function classifyResendError(status: number | null, name: string, message: string, retryAfter?: string): SendOutcome {
  const error = `resend ${status ?? 'network'} ${name}: ${message}`.slice(0, 500);
  const seconds = Number(retryAfter);
  return { outcome: 'retryable', error, ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
}
