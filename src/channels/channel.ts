// One interface per channel: what a transport is given, and the three outcomes it reports instead of throwing.
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

/** `ok`: the provider accepted it. `retryable`: try again later (429, 5xx, network). `permanent`: never try this address again. */
export type SendOutcome =
  | { outcome: 'ok'; providerId: string }
  | { outcome: 'retryable'; error: string; retryAfterMs?: number }
  | { outcome: 'permanent'; error: string };

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
