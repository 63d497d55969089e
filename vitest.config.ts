// Two test projects: "worker" runs inside workerd with the real D1 migrations; "node" drives real Chromium and the reference SDKs.
import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * Secrets and provider settings a developer may keep in `.dev.vars`: blank in tests (blank reads as absent), so the
 * suite never depends on them and can never reach a real provider.
 */
const LOCAL_SECRETS_BLANKED = Object.fromEntries(
  [
    'RESEND_API_KEY',
    'RESEND_BASE_URL',
    'RESEND_WEBHOOK_SECRET',
    'TWILIO_ACCOUNT_SID',
    'TWILIO_AUTH_TOKEN',
    'TWILIO_FROM',
    'TWILIO_MESSAGING_SERVICE_SID',
    'TWILIO_BASE_URL',
    'TOKEN_SECRET',
    'ADMIN_TOKEN',
    'EMAIL_REPLY_TO',
  ].map((name) => [name, '']),
);

export default defineConfig({
  test: {
    globalSetup: ['./test/setup/global-setup.ts'],
    projects: [
      {
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            main: './src/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                ...LOCAL_SECRETS_BLANKED,
                TEST_MIGRATIONS: await readD1Migrations(path.join(__dirname, 'migrations')),
                // The worker's log lines stay out of a passing run; a test that reads them sets LOG_LEVEL itself.
                LOG_LEVEL: 'silent',
                RESEND_STAND_IN_URL: inject('resendStandInUrl'),
                TWILIO_STAND_IN_URL: inject('twilioStandInUrl'),
                FAULTY_RESEND_STAND_IN_URL: inject('faultyResendStandInUrl'),
                FAULTY_TWILIO_STAND_IN_URL: inject('faultyTwilioStandInUrl'),
                SLOW_RESEND_STAND_IN_URL: inject('slowResendStandInUrl'),
                PACED_RESEND_STAND_IN_URL: inject('pacedResendStandInUrl'),
                PACED_TWILIO_STAND_IN_URL: inject('pacedTwilioStandInUrl'),
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          setupFiles: ['./test/setup/apply-migrations.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts', 'test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
