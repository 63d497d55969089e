// The D1 tables, as drizzle-orm sees them: subscribers, consents, deliveries, reflections, outbox, rate limits.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a person comes to a course (SPEC §3); defined with the course model, which reads it from content/. */
import { ROLES, type Role } from '../course/roles';
export { ROLES, type Role };

export const SUBSCRIBER_STATUSES = ['pending', 'active', 'paused', 'completed', 'unsubscribed', 'suppressed'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

/** An enrolment: one address on one channel in one course, and where they are in it. */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** Lower-cased email address or E.164 phone number. */
    address: text('address').notNull(),
    status: text('status', { enum: SUBSCRIBER_STATUSES }).notNull().default('pending'),
    /** The course of this enrolment (a folder under content/, SPEC §7). */
    course_id: text('course_id').notNull().default('rebuild-trust'),
    /** The content version the enrolment follows; null until the first step is planned. */
    course_version: text('course_version'),
    /** Which prompts and practices fit this person. */
    role: text('role', { enum: ROLES }).notNull().default('together'),
    timezone: text('timezone').notNull().default('UTC'),
    send_hour: integer('send_hour').notNull(),
    /** Restarting the course starts a new cycle; deliveries are unique per cycle. */
    cycle: integer('cycle').notNull().default(1),
    /** The next message of the course: 0 welcome, 1..30 the steps, 31 the completion message. */
    next_day: integer('next_day').notNull().default(0),
    /** When the next message is due (ms since epoch); null when nothing is due. */
    next_due_at: integer('next_due_at'),
    /** While a tick has handed this subscriber to the queue, it is not planned again before this instant. */
    lease_until: integer('lease_until'),
    /** The last step (1..30) sent in this cycle, and when; steps never share a local day. */
    last_day_sent: integer('last_day_sent').notNull().default(0),
    last_sent_at: integer('last_sent_at'),
    created_at: integer('created_at').notNull(),
    confirmed_at: integer('confirmed_at'),
    ended_at: integer('ended_at'),
    /** Why sending stopped for good (unsubscribe link, STOP, bounce, complaint, provider refusal). */
    end_reason: text('end_reason'),
    /** Last time a confirmation message went out, to keep repeated signups from flooding an inbox. */
    confirmation_sent_at: integer('confirmation_sent_at'),
  },
  (t) => [
    uniqueIndex('subscribers_channel_address_course').on(t.channel, t.address, t.course_id),
    index('subscribers_address').on(t.address),
    index('subscribers_due').on(t.status, t.next_due_at),
    index('subscribers_created').on(t.created_at),
  ],
);

/** What a subscriber agreed to, when, from where, and which wording they saw. */
export const consents = sqliteTable('consents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  subscriber_id: text('subscriber_id')
    .notNull()
    .references(() => subscribers.id, { onDelete: 'cascade' }),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  consented_at: integer('consented_at').notNull(),
  source_ip: text('source_ip'),
  text_version: text('text_version').notNull(),
  /** How the consent was given: the signup form, the API, or a confirming reply (YES, link). */
  method: text('method').notNull(),
});

export const DELIVERY_STATUSES = ['sending', 'retry', 'sent', 'delivered', 'failed', 'bounced', 'complained'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The columns that name one step of one enrolment: whose, which round of the course, which day, by which channel. */
function stepOfEnrolment() {
  return {
    subscriber_id: text('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    cycle: integer('cycle').notNull(),
    day: integer('day').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
  };
}

/**
 * One course message to one subscriber. The unique index is the promise that a
 * (subscriber, cycle, day, channel) is sent at most once; day 0 is the welcome,
 * 31 the completion. Confirmation and help messages are not deliveries.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...stepOfEnrolment(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimed_at: integer('claimed_at').notNull(),
    sent_at: integer('sent_at'),
    provider_id: text('provider_id'),
    /** The Idempotency-Key of the provider call that carried this message; a retry of an unanswered call reuses it. */
    idempotency_key: text('idempotency_key'),
    last_error: text('last_error'),
    updated_at: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_once').on(t.subscriber_id, t.cycle, t.day, t.channel),
    index('deliveries_provider').on(t.provider_id),
    index('deliveries_status').on(t.status, t.updated_at),
  ],
);

/** What a subscriber wrote back, kept under the step it answers. */
export const reflections = sqliteTable(
  'reflections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...stepOfEnrolment(),
    /** The reflection as extracted from the message: encrypted at rest (SPEC §6). */
    body: text('body').notNull(),
    /** The whole message as text, encrypted at rest, so a better extractor can run again and nothing is lost. */
    raw_text: text('raw_text'),
    /** Which extractor produced body; 0 for SMS (kept whole). */
    extractor_version: integer('extractor_version').notNull().default(0),
    /** Set when the subscriber edited the reflection: re-extraction never overwrites an edit. */
    edited_at: integer('edited_at'),
    /** The provider's id for the inbound message (Resend email_id, Twilio MessageSid, Message-ID): stored once. */
    source_id: text('source_id').notNull(),
    /** Set when the text speaks of violence or danger: shown to the operator, answered with the support line. */
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    received_at: integer('received_at').notNull(),
  },
  (t) => [uniqueIndex('reflections_source').on(t.source_id), index('reflections_subscriber').on(t.subscriber_id, t.day)],
);

/** Inbound messages already acted on (SMS keywords included), so a replayed webhook changes nothing. */
export const inboundMessages = sqliteTable('inbound_messages', {
  source_id: text('source_id').primaryKey(),
  received_at: integer('received_at').notNull(),
});

/** Every provider call made for a delivery, with its typed outcome: the operator's retry history. */
export const deliveryAttempts = sqliteTable(
  'delivery_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    delivery_id: integer('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    attempted_at: integer('attempted_at').notNull(),
    /** sent, rate_limited, server, network, refused, duplicate, unanswered… */
    outcome: text('outcome').notNull(),
    /** A provider code (HTTP status, Twilio error code) without any address or token. */
    detail: text('detail'),
  },
  (t) => [index('delivery_attempts_delivery').on(t.delivery_id, t.attempted_at)],
);

/** Signed-in admin sessions, so signing out ends one on the server. */
export const adminSessions = sqliteTable('admin_sessions', {
  /** SHA-256 of the session cookie's value. */
  id: text('id').primaryKey(),
  created_at: integer('created_at').notNull(),
  expires_at: integer('expires_at').notNull(),
  revoked_at: integer('revoked_at'),
});

/** Messages that would have gone to a provider, kept when no provider key is set (local development). */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    to_address: text('to_address').notNull(),
    from_address: text('from_address').notNull(),
    subject: text('subject'),
    html: text('html'),
    text: text('text').notNull(),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>(),
    /** Same role as a provider's idempotency key: a repeated send stores nothing new. */
    idempotency_key: text('idempotency_key'),
    created_at: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('outbox_idempotency').on(t.idempotency_key), index('outbox_to').on(t.to_address)],
);

/** Signups counted per client (hashed IP) per 10-minute window. */
export const signupWindows = sqliteTable(
  'signup_windows',
  {
    client_key: text('client_key').notNull(),
    window_start: integer('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [uniqueIndex('signup_windows_key').on(t.client_key, t.window_start)],
);

export type Subscriber = typeof subscribers.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
export type Reflection = typeof reflections.$inferSelect;
export type DeliveryAttempt = typeof deliveryAttempts.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
