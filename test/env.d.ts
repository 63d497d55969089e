// Bindings that only the test pool adds (vitest.config.ts): the migrations to apply and the provider stand-ins' URLs.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS?: import('cloudflare:test').D1Migration[];
    RESEND_STAND_IN_URL?: string;
    TWILIO_STAND_IN_URL?: string;
    FAULTY_RESEND_STAND_IN_URL?: string;
    FAULTY_TWILIO_STAND_IN_URL?: string;
    SLOW_RESEND_STAND_IN_URL?: string;
    PACED_RESEND_STAND_IN_URL?: string;
    PACED_TWILIO_STAND_IN_URL?: string;
  }
}
