// The local transport: with no provider keys, every message is stored in the D1 outbox and shown at /dev/outbox.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import type { EmailChannel, OutgoingEmail, OutgoingSms, SendOutcome, SmsChannel } from './channel';

/** The sender shown on text messages stored in the outbox. */
export const OUTBOX_SMS_SENDER = 'Rebuild Trust (outbox)';

/** Stores emails in the outbox; a repeated idempotency key stores nothing new, as a provider would. */
export function createOutboxEmailChannel(db: Database, clock: () => number): EmailChannel {
  return {
    name: 'outbox',
    maxBatch: 100,
    async sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<SendOutcome[]> {
      if (emails.length === 0) return [];
      const rows = emails.map((email, index) => ({
        to: email.to,
        from: email.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: JSON.stringify({ ...email.headers, ...(email.replyTo ? { 'Reply-To': email.replyTo } : {}) }),
        key: `${idempotencyKey}#${index}`,
      }));
      // One statement for the whole batch, as one provider call would be.
      await db.run(sql`
        INSERT INTO outbox (channel, to_address, from_address, subject, html, text, headers, idempotency_key, created_at)
        SELECT 'email', json_extract(value, '$.to'), json_extract(value, '$.from'), json_extract(value, '$.subject'),
               json_extract(value, '$.html'), json_extract(value, '$.text'), json_extract(value, '$.headers'),
               json_extract(value, '$.key'), ${clock()}
        FROM json_each(${JSON.stringify(rows)}) WHERE true
        ON CONFLICT (idempotency_key) DO NOTHING`);
      return rows.map((row) => ({ outcome: 'sent', providerId: `outbox:${row.key}` }));
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
      return { outcome: 'sent', providerId: `outbox:${idempotencyKey}` };
    },
  };
}
