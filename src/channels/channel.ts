// One interface per channel: what a transport is given, and the typed outcome it reports instead of throwing.
export interface OutgoingEmail {
  to: string;
  from: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export interface OutgoingSms {
  to: string;
  body: string;
}

/**
 * What the provider said, decided in the adapter so nothing further in reads error text.
 * - `sent`: accepted now. `duplicate`: accepted earlier under this idempotency key (`providerId` when known).
 * - `rate_limited`: refused for pace (429); try again after `retryAfterMs`. `server`: 5xx, try again later.
 * - `unanswered`: no answer came (network failure, timeout): the provider may have accepted it.
 * - `refused`: never try this address again (invalid, unsubscribed, not mobile).
 * - `rejected`: the provider refused the call for a reason that is not the address (key, sender, validation).
 * `error` describes the answer for the operator: status and code, never an address or a token.
 */
export type SendOutcome =
  | { outcome: 'sent'; providerId: string }
  | { outcome: 'duplicate'; providerId: string | null }
  | { outcome: 'rate_limited'; error: string; retryAfterMs: number }
  | { outcome: 'server'; error: string; retryAfterMs?: number }
  | { outcome: 'unanswered'; error: string }
  | { outcome: 'refused'; error: string }
  | { outcome: 'rejected'; error: string };

export type SendOutcomeKind = SendOutcome['outcome'];

/** True when the provider has the message (now or from an earlier call with the same key). */
export function isAccepted(outcome: SendOutcome): outcome is Extract<SendOutcome, { outcome: 'sent' | 'duplicate' }> {
  return outcome.outcome === 'sent' || outcome.outcome === 'duplicate';
}

/** What a provider's rate-limit headers said: its limit per window, requests left, and ms until the window resets. */
export interface PaceHint {
  limit: number;
  remaining: number;
  resetMs: number;
}

export interface EmailChannel {
  readonly name: string;
  /** Largest number of emails one `sendBatch` call takes. */
  readonly maxBatch: number;
  /**
   * Sends up to `maxBatch` emails in one provider call. `idempotencyKey` identifies exactly this batch: calling
   * again with the same key and the same emails never sends twice. Returns one outcome per email, in order.
   */
  sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<SendOutcome[]>;
}

export interface SmsChannel {
  readonly name: string;
  /** Sends one SMS. `idempotencyKey` lets a transport that supports it refuse a second copy. */
  send(sms: OutgoingSms, idempotencyKey: string): Promise<SendOutcome>;
}

/** Seconds of a Retry-After header as ms, or undefined when absent or unusable. */
export function retryAfterMs(header: string | null | undefined): number | undefined {
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds * 1000) : undefined;
}
