// SPEC §2 read from the environment: defaults, validation, and no deploy without a real TOKEN_SECRET.
import { describe, expect, it } from 'vitest';
import { DEV_TOKEN_SECRET, readConfig } from '../../src/config';
import { AppError } from '../../src/errors';

const base = { DB: {} as D1Database, DELIVERY_QUEUE: {} as Env['DELIVERY_QUEUE'] } as Env;

function misconfigured(env: Partial<Env>): string {
  try {
    readConfig({ ...base, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('misconfigured');
    return (error as AppError).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('readConfig', () => {
  it('runs locally with nothing set: outbox transports, the dev token secret, SPEC defaults', () => {
    const config = readConfig(base);
    expect(config).toMatchObject({
      publicUrl: 'http://localhost:8787',
      resend: null,
      twilio: null,
      tokenSecret: DEV_TOKEN_SECRET,
      usingDevTokenSecret: true,
      adminToken: null,
      defaultSendHour: 8,
      signupRateLimit: 10,
      emailReplyTo: null,
    });
    expect(config.smsAllowedCountries.length).toBeGreaterThan(0);
    expect(config.supportLine).toContain('1-800-799-7233');
  });

  it('refuses a public https PUBLIC_URL without TOKEN_SECRET, and a short secret anywhere', () => {
    expect(misconfigured({ PUBLIC_URL: 'https://trust.example.com' })).toMatch(/TOKEN_SECRET/);
    expect(misconfigured({ TOKEN_SECRET: 'short' })).toMatch(/32 characters/);
    expect(readConfig({ ...base, PUBLIC_URL: 'https://trust.example.com/', TOKEN_SECRET: 'x'.repeat(40) }).publicUrl).toBe('https://trust.example.com');
    expect(readConfig({ ...base, PUBLIC_URL: 'http://rebuild.test:8787' }).usingDevTokenSecret).toBe(true);
  });

  it('chooses Resend and Twilio only when their keys are set, with their base URLs', () => {
    const config = readConfig({
      ...base,
      RESEND_API_KEY: 're_x',
      RESEND_BASE_URL: 'http://127.0.0.1:9999/',
      TWILIO_ACCOUNT_SID: 'AC1',
      TWILIO_AUTH_TOKEN: 't',
      TWILIO_MESSAGING_SERVICE_SID: 'MG1',
    });
    expect(config.resend).toEqual({ apiKey: 're_x', baseUrl: 'http://127.0.0.1:9999' });
    expect(config.twilio).toMatchObject({ accountSid: 'AC1', messagingServiceSid: 'MG1', from: null, baseUrl: 'https://api.twilio.com' });
  });

  it('validates numbers and country codes', () => {
    expect(misconfigured({ DEFAULT_SEND_HOUR: '24' })).toMatch(/DEFAULT_SEND_HOUR/);
    expect(misconfigured({ SIGNUP_RATE_LIMIT: '-1' })).toMatch(/SIGNUP_RATE_LIMIT/);
    expect(misconfigured({ SMS_ALLOWED_COUNTRIES: 'US,USA' })).toMatch(/SMS_ALLOWED_COUNTRIES/);
    expect(readConfig({ ...base, SMS_ALLOWED_COUNTRIES: ' us, gb ', SIGNUP_RATE_LIMIT: '0' })).toMatchObject({ smsAllowedCountries: ['US', 'GB'], signupRateLimit: 0 });
  });
});
