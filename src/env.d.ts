// The worker's bindings: wrangler.toml vars and bindings, plus the secrets of SPEC §2 (set with `wrangler secret put`).
interface Env {
  DB: D1Database;
  DELIVERY_QUEUE: Queue<import('./delivery/queue-messages').DeliveryQueueMessage>;
  PUBLIC_URL?: string;
  EMAIL_FROM?: string;
  EMAIL_REPLY_TO?: string;
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  RESEND_WEBHOOK_SECRET?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_MESSAGING_SERVICE_SID?: string;
  TWILIO_BASE_URL?: string;
  TOKEN_SECRET?: string;
  ADMIN_TOKEN?: string;
  DEFAULT_SEND_HOUR?: string;
  SMS_ALLOWED_COUNTRIES?: string;
  SIGNUP_RATE_LIMIT?: string;
  POSTAL_ADDRESS?: string;
  SUPPORT_LINE?: string;
  /** Set only by the test suite. */
  TEST_MIGRATIONS?: import('cloudflare:test').D1Migration[];
  RESEND_STAND_IN_URL?: string;
  TWILIO_STAND_IN_URL?: string;
  FAULTY_RESEND_STAND_IN_URL?: string;
  FAULTY_TWILIO_STAND_IN_URL?: string;
}

declare namespace Cloudflare {
  interface Env extends globalThis.Env {}
}
