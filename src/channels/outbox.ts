// The local transport: with no provider keys, every message is stored in the D1 outbox and shown at /dev/outbox.
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import type { EmailChannel, OutgoingEmail, OutgoingSms, SendOutcome, SmsChannel } from './channel';

/** Stores emails in the outbox; a repeated idempotency key stores nothing new, as a provider would. */
export function createOutboxEmailChannel(db: Database, clock: () => number): EmailChannel {
  return {
    name: 'outbox',
    maxBatch: 100,
    async sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<SendOutcome[]> {
      if (emails.length === 0) return [];
      const now = clock();
      const rows = emails.map((email, index) => ({
        channel: 'email' as const,
        to_address: email.to,
        from_address: email.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: { ...email.headers, ...(email.replyTo ? { 'Reply-To': email.replyTo } : {}) },
        idempotency_key: `${idempotencyKey}#${index}`,
        created_at: now,
      }));
      const inserts = rows.map((row) => db.insert(outbox).values(row).onConflictDoNothing());
      await db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
      return rows.map((row) => ({ outcome: 'ok', providerId: `outbox:${row.idempotency_key}` }));
    },
  };
}

/** Stores SMS in the outbox, with the same once-per-key promise. */
export function createOutboxSmsChannel(db: Database, clock: () => number, from: string): SmsChannel {
  return {
    name: 'outbox',
    async send(sms: OutgoingSms, idempotencyKey: string): Promise<SendOutcome> {
      await db
        .insert(outbox)
        .values({
          channel: 'sms',
          to_address: sms.to,
          from_address: from,
          text: sms.body,
          idempotency_key: idempotencyKey,
          created_at: clock(),
        })
        .onConflictDoNothing();
      return { outcome: 'ok', providerId: `outbox:${idempotencyKey}` };
    },
  };
}
