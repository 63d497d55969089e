// npm run deploy:check: a valid production configuration passes, and each problem it knows is named with its variable.
import { describe, expect, it } from 'vitest';
import { checkDeployConfig, parseDotenv, parseMailbox, type DeployConfig } from '../../scripts/deploy-check/checks';

const VALID: DeployConfig = {
  vars: {
    PUBLIC_URL: 'https://rebuildtrust.org',
    TOKEN_SECRET: 'k'.repeat(48),
    ADMIN_TOKEN: 'a'.repeat(40),
    RESEND_API_KEY: 're_123456789',
    RESEND_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    EMAIL_FROM: 'Rebuild Trust <course@rebuildtrust.org>',
    EMAIL_REPLY_TO: 'reflections@in.rebuildtrust.org',
    POSTAL_ADDRESS: 'Rebuild Trust, 12 Real Road, Portland, OR 97201, USA',
    TWILIO_ACCOUNT_SID: `AC${'0a'.repeat(16)}`,
    TWILIO_AUTH_TOKEN: 'f'.repeat(32),
    TWILIO_FROM: '+15035550199',
    DEFAULT_SEND_HOUR: '8',
    SMS_ALLOWED_COUNTRIES: 'US,CA',
    SIGNUP_RATE_LIMIT: '10',
  },
  wrangler: { databaseId: '3f2b8c1e-6a4d-4c1b-9f0e-2d7a5b8c9e10', queueProducer: 'rebuild-trust-delivery', queueConsumer: 'rebuild-trust-delivery', crons: ['*/15 * * * *'] },
};

function codesFor(vars: Record<string, string | undefined>, wrangler: Partial<DeployConfig['wrangler']> = {}): string[] {
  return checkDeployConfig({ vars: { ...VALID.vars, ...vars }, wrangler: { ...VALID.wrangler, ...wrangler } }).map((problem) => problem.code);
}

describe('checkDeployConfig', () => {
  it('finds nothing wrong with a complete production configuration', () => {
    expect(checkDeployConfig(VALID)).toEqual([]);
  });

  it.each([
    ['TOKEN_SECRET missing', { TOKEN_SECRET: undefined }, 'token_secret_missing'],
    ['TOKEN_SECRET short', { TOKEN_SECRET: 'short-secret' }, 'token_secret_short'],
    ['TOKEN_SECRET the dev value', { TOKEN_SECRET: 'dev-only-token-secret-never-use-in-production' }, 'token_secret_dev_value'],
    ['ADMIN_TOKEN under 32 characters', { ADMIN_TOKEN: 'a'.repeat(31) }, 'admin_token_short'],
    ['RESEND_WEBHOOK_SECRET without whsec_', { RESEND_WEBHOOK_SECRET: 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, 'resend_webhook_secret_form'],
    ['RESEND_WEBHOOK_SECRET not base64', { RESEND_WEBHOOK_SECRET: 'whsec_not*base64!' }, 'resend_webhook_secret_form'],
    ['RESEND_WEBHOOK_SECRET too short', { RESEND_WEBHOOK_SECRET: 'whsec_YWJj' }, 'resend_webhook_secret_form'],
    ['RESEND_API_KEY missing', { RESEND_API_KEY: undefined }, 'resend_key_missing'],
    ['PUBLIC_URL http', { PUBLIC_URL: 'http://rebuildtrust.org' }, 'public_url_not_https'],
    ['PUBLIC_URL local', { PUBLIC_URL: 'https://localhost:8787' }, 'public_url_local'],
    ['PUBLIC_URL not a URL', { PUBLIC_URL: 'rebuildtrust.org' }, 'public_url_invalid'],
    ['PUBLIC_URL missing', { PUBLIC_URL: undefined }, 'public_url_missing'],
    ['TWILIO_FROM national', { TWILIO_FROM: '(503) 555-0199' }, 'twilio_from_not_e164'],
    ['TWILIO_ACCOUNT_SID malformed', { TWILIO_ACCOUNT_SID: 'AC123' }, 'twilio_sid_form'],
    ['TWILIO_AUTH_TOKEN missing with a SID', { TWILIO_AUTH_TOKEN: undefined }, 'twilio_token_missing'],
    ['no Twilio sender', { TWILIO_FROM: undefined }, 'twilio_sender_missing'],
    ['TWILIO_MESSAGING_SERVICE_SID malformed', { TWILIO_MESSAGING_SERVICE_SID: 'MG1' }, 'twilio_service_form'],
    ['EMAIL_FROM unparseable', { EMAIL_FROM: 'Rebuild Trust course at rebuildtrust' }, 'email_from_invalid'],
    ['EMAIL_FROM on example.com', { EMAIL_FROM: 'Rebuild Trust <course@example.com>', EMAIL_REPLY_TO: undefined }, 'email_from_placeholder'],
    ['EMAIL_FROM on another domain than the replies', { EMAIL_FROM: 'Rebuild Trust <course@other.org>' }, 'email_from_domain_mismatch'],
    ['EMAIL_REPLY_TO with a plus', { EMAIL_REPLY_TO: 'reflections+x@in.rebuildtrust.org' }, 'email_reply_to_plus'],
    ['EMAIL_REPLY_TO not an address', { EMAIL_REPLY_TO: 'reflections' }, 'email_reply_to_invalid'],
    ['POSTAL_ADDRESS placeholder', { POSTAL_ADDRESS: 'Rebuild Trust, 123 Example Street, Suite 100, Springfield, USA' }, 'postal_address_placeholder'],
    ['POSTAL_ADDRESS missing', { POSTAL_ADDRESS: undefined }, 'postal_address_placeholder'],
    ['RESEND_BASE_URL http', { RESEND_BASE_URL: 'http://api.resend.com' }, 'base_url_not_https'],
    ['DEFAULT_SEND_HOUR 24', { DEFAULT_SEND_HOUR: '24' }, 'send_hour_invalid'],
    ['SMS_ALLOWED_COUNTRIES names', { SMS_ALLOWED_COUNTRIES: 'USA,Canada' }, 'countries_invalid'],
    ['SIGNUP_RATE_LIMIT words', { SIGNUP_RATE_LIMIT: 'ten' }, 'number_invalid'],
    ['ADMIN_SHOWS_REFLECTIONS yes', { ADMIN_SHOWS_REFLECTIONS: 'yes' }, 'boolean_invalid'],
  ])('names %s as an error', (_, vars, code) => {
    const problems = checkDeployConfig({ vars: { ...VALID.vars, ...vars }, wrangler: VALID.wrangler });
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.code)).toContain(code);
  });

  it.each([
    ['the placeholder database_id', { databaseId: '00000000-0000-0000-0000-000000000000' }, 'database_id_placeholder'],
    ['a database_id that is not a UUID', { databaseId: 'rebuild-trust' }, 'database_id_invalid'],
    ['no queue consumer', { queueConsumer: undefined }, 'queue_missing'],
    ['no cron', { crons: [] }, 'cron_missing'],
  ])('names %s in wrangler.toml as an error', (_, wrangler, code) => {
    expect(codesFor({}, wrangler)).toContain(code);
  });

  it('warns, without failing, about choices: no admin, no Resend webhook, no reply address, no Twilio, reflections shown', () => {
    const problems = checkDeployConfig({
      vars: { ...VALID.vars, ADMIN_TOKEN: undefined, RESEND_WEBHOOK_SECRET: undefined, EMAIL_REPLY_TO: undefined, TWILIO_ACCOUNT_SID: undefined, TWILIO_AUTH_TOKEN: undefined, TWILIO_FROM: undefined, ADMIN_SHOWS_REFLECTIONS: 'true' },
      wrangler: VALID.wrangler,
    });
    expect(problems.map((problem) => [problem.severity, problem.code])).toEqual([
      ['warning', 'admin_token_missing'],
      ['warning', 'resend_webhook_secret_missing'],
      ['warning', 'email_reply_to_missing'],
      ['warning', 'twilio_missing'],
      ['warning', 'reflections_shown'],
    ]);
  });

  it('accepts a sending domain that is the parent of the reply domain, or the same domain', () => {
    expect(codesFor({ EMAIL_REPLY_TO: 'reflections@rebuildtrust.org' })).toEqual([]);
    expect(codesFor({ EMAIL_FROM: 'course@rebuildtrust.org' })).toEqual([]);
  });
});

describe('parsing helpers', () => {
  it('reads a mailbox with or without a display name', () => {
    expect(parseMailbox('"Rebuild, Trust" <Course@RebuildTrust.org>')).toEqual({ address: 'course@rebuildtrust.org', domain: 'rebuildtrust.org' });
    expect(parseMailbox('course@rebuildtrust.org')).toEqual({ address: 'course@rebuildtrust.org', domain: 'rebuildtrust.org' });
    expect(parseMailbox('Rebuild Trust')).toBeNull();
  });

  it('reads a .dev.vars file: comments, quotes and export skipped', () => {
    expect(parseDotenv('# secrets\nTOKEN_SECRET="abc def"\nexport ADMIN_TOKEN=xyz # note\n\nBAD LINE\nEMPTY=\n')).toEqual({ TOKEN_SECRET: 'abc def', ADMIN_TOKEN: 'xyz', EMPTY: '' });
  });
});
