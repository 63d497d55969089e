// The worker's secrets and optional settings (SPEC §2); bindings and [vars] come from `wrangler types` (worker-configuration.d.ts).
declare namespace Cloudflare {
  interface Env {
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
    REFLECTIONS_KEY?: string;
    REFLECTIONS_KEY_PREVIOUS?: string;
    /** "true" lets /admin show the words of reflections (SPEC §2, §6). */
    ADMIN_SHOWS_REFLECTIONS?: string;
    /** debug, info (default), warn, error or silent (the test suite's default). */
    LOG_LEVEL?: string;
    RESEND_RATE_LIMIT?: string;
    TWILIO_RATE_LIMIT?: string;
    OPERATOR_NAME?: string;
  }
}
