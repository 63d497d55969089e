// SPEC §2 read once from the worker's env: typed, defaulted and validated, so features never touch raw strings.
import { AppError } from './errors';

export interface Config {
  publicUrl: string;
  emailFrom: string;
  /** Inbound address for reflections; each email's Reply-To is a plus-address of it. */
  emailReplyTo: string | null;
  resend: { apiKey: string; baseUrl: string } | null;
  resendWebhookSecret: string | null;
  twilio: { accountSid: string; authToken: string; from: string | null; messagingServiceSid: string | null; baseUrl: string } | null;
  /** Kept even without a sending account, so inbound Twilio webhooks can still be verified. */
  twilioAuthToken: string | null;
  tokenSecret: string;
  /** True while TOKEN_SECRET is the built-in development value. */
  usingDevTokenSecret: boolean;
  /** ADMIN_TOKEN when it is set and long enough; null otherwise (no admin). */
  adminToken: string | null;
  /** True when an ADMIN_TOKEN was set but refused for being shorter than ADMIN_TOKEN_MIN_LENGTH. */
  adminTokenTooShort: boolean;
  defaultSendHour: number;
  smsAllowedCountries: string[];
  signupRateLimit: number;
  postalAddress: string;
  supportLine: string;
  /** REFLECTIONS_KEY: secret of the key reflections are encrypted under; null derives one from TOKEN_SECRET. */
  reflectionsKey: string | null;
  /** REFLECTIONS_KEY_PREVIOUS: the key being rotated out, still read until every row is re-encrypted. */
  reflectionsKeyPrevious: string | null;
  /** Who runs this service, named on the landing page (OPERATOR_NAME); null: a neutral phrase is shown. */
  operatorName: string | null;
  /** ADMIN_SHOWS_REFLECTIONS=true lets the admin page show reflection text; the pages say so when it is on. */
  adminShowsReflections: boolean;
  /** Requests per second the Resend team allows, shared by every invocation. */
  resendRateLimit: number;
  /** Messages per second the Twilio number or service allows. */
  twilioRateLimit: number;
}

export const DEV_TOKEN_SECRET = 'dev-only-token-secret-never-use-in-production';
export const DEFAULT_EMAIL_FROM = 'Rebuild Trust <course@example.com>';
export const DEFAULT_POSTAL_ADDRESS = 'Rebuild Trust, 123 Example Street, Suite 100, Springfield, USA';
export const DEFAULT_SUPPORT_LINE = 'the US National Domestic Violence Hotline, 1-800-799-7233 (thehotline.org)';
export const DEFAULT_SMS_COUNTRIES = ['US', 'CA'];
/** An ADMIN_TOKEN shorter than this is refused: the admin stays disabled (SPEC §2). */
export const ADMIN_TOKEN_MIN_LENGTH = 32;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A deployed worker answers on a public https address; `wrangler dev` on plain http (any host name) is development. */
function isDeployedUrl(url: URL): boolean {
  return url.protocol === 'https:' && !LOCAL_HOSTS.has(url.hostname);
}

/**
 * Reads and validates the configuration. Throws AppError `misconfigured` when a value is unusable,
 * including a missing TOKEN_SECRET on a non-local PUBLIC_URL (deploys must set a real one).
 */
export function readConfig(env: Env): Config {
  const publicUrl = (env.PUBLIC_URL?.trim() || 'http://localhost:8787').replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new AppError('misconfigured', 'PUBLIC_URL is not an absolute URL.');
  }
  const tokenSecret = env.TOKEN_SECRET?.trim() || null;
  if (!tokenSecret && isDeployedUrl(url)) {
    throw new AppError('misconfigured', 'TOKEN_SECRET must be set when PUBLIC_URL is a public https address.');
  }
  if (tokenSecret && tokenSecret.length < 32) {
    throw new AppError('misconfigured', 'TOKEN_SECRET must be at least 32 characters.');
  }
  const adminToken = env.ADMIN_TOKEN?.trim() || null;
  const adminTokenTooShort = adminToken !== null && adminToken.length < ADMIN_TOKEN_MIN_LENGTH;
  const twilioSid = env.TWILIO_ACCOUNT_SID?.trim();
  const twilioToken = env.TWILIO_AUTH_TOKEN?.trim();
  return {
    publicUrl,
    emailFrom: env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM,
    emailReplyTo: env.EMAIL_REPLY_TO?.trim() || null,
    resend: env.RESEND_API_KEY?.trim()
      ? { apiKey: env.RESEND_API_KEY.trim(), baseUrl: trimSlash(env.RESEND_BASE_URL) || 'https://api.resend.com' }
      : null,
    resendWebhookSecret: env.RESEND_WEBHOOK_SECRET?.trim() || null,
    twilio:
      twilioSid && twilioToken
        ? {
            accountSid: twilioSid,
            authToken: twilioToken,
            from: env.TWILIO_FROM?.trim() || null,
            messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID?.trim() || null,
            baseUrl: trimSlash(env.TWILIO_BASE_URL) || 'https://api.twilio.com',
          }
        : null,
    twilioAuthToken: twilioToken || null,
    tokenSecret: tokenSecret ?? DEV_TOKEN_SECRET,
    usingDevTokenSecret: !tokenSecret,
    adminToken: adminTokenTooShort ? null : adminToken,
    adminTokenTooShort,
    defaultSendHour: readHour(env.DEFAULT_SEND_HOUR, 8),
    smsAllowedCountries: readCountries(env.SMS_ALLOWED_COUNTRIES),
    signupRateLimit: readCount(env.SIGNUP_RATE_LIMIT, 10, 'SIGNUP_RATE_LIMIT'),
    postalAddress: env.POSTAL_ADDRESS?.trim() || DEFAULT_POSTAL_ADDRESS,
    supportLine: env.SUPPORT_LINE?.trim() || DEFAULT_SUPPORT_LINE,
    reflectionsKey: readKey(env.REFLECTIONS_KEY, 'REFLECTIONS_KEY'),
    reflectionsKeyPrevious: readKey(env.REFLECTIONS_KEY_PREVIOUS, 'REFLECTIONS_KEY_PREVIOUS'),
    operatorName: env.OPERATOR_NAME?.trim() || null,
    adminShowsReflections: env.ADMIN_SHOWS_REFLECTIONS?.trim() === 'true',
    resendRateLimit: readRate(env.RESEND_RATE_LIMIT, 2, 'RESEND_RATE_LIMIT'),
    twilioRateLimit: readRate(env.TWILIO_RATE_LIMIT, 1, 'TWILIO_RATE_LIMIT'),
  };
}

function readKey(value: string | undefined, name: string): string | null {
  const key = value?.trim();
  if (!key) return null;
  if (key.length < 32) throw new AppError('misconfigured', `${name} must be at least 32 characters.`);
  return key;
}

function trimSlash(value: string | undefined): string {
  return (value?.trim() ?? '').replace(/\/+$/, '');
}

function readHour(value: string | undefined, fallback: number): number {
  if (!value?.trim()) return fallback;
  const hour = Number(value);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new AppError('misconfigured', 'DEFAULT_SEND_HOUR must be a whole hour from 0 to 23.');
  }
  return hour;
}

function readCount(value: string | undefined, fallback: number, name: string): number {
  if (!value?.trim()) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new AppError('misconfigured', `${name} must be a whole number, 0 or more.`);
  return count;
}

function readRate(value: string | undefined, fallback: number, name: string): number {
  if (!value?.trim()) return fallback;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) throw new AppError('misconfigured', `${name} must be a number of requests per second above 0.`);
  return rate;
}

function readCountries(value: string | undefined): string[] {
  if (!value?.trim()) return DEFAULT_SMS_COUNTRIES;
  const codes = value.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean);
  if (codes.some((code) => !/^[A-Z]{2}$/.test(code))) {
    throw new AppError('misconfigured', 'SMS_ALLOWED_COUNTRIES must be ISO 3166 alpha-2 codes separated by commas.');
  }
  return codes;
}
