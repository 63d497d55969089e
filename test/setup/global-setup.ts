// Builds the email templates and starts the local provider stand-ins (Resend, Twilio) once for all tests.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startResendStandIn } from '../support/resend-stand-in';
import { startTwilioStandIn } from '../support/twilio-stand-in';

declare module 'vitest' {
  export interface ProvidedContext {
    resendStandInUrl: string;
    twilioStandInUrl: string;
    /** Separate stand-ins for fault tests, so injected failures never reach other test files. */
    faultyResendStandInUrl: string;
    faultyTwilioStandInUrl: string;
    /** A Resend stand-in of its own for the signup timing test, which makes it slow. */
    slowResendStandInUrl: string;
    /** Stand-ins that enforce a rate limit set by each test (`POST /__control/rate-limit`). */
    pacedResendStandInUrl: string;
    pacedTwilioStandInUrl: string;
  }
}

export default async function setup(project: TestProject) {
  execFileSync('npx', ['tsx', 'emails/build.ts'], { stdio: 'inherit' });
  const resend = await startResendStandIn();
  const twilio = await startTwilioStandIn();
  const faultyResend = await startResendStandIn();
  const faultyTwilio = await startTwilioStandIn();
  const slowResend = await startResendStandIn();
  const pacedResend = await startResendStandIn();
  const pacedTwilio = await startTwilioStandIn();
  project.provide('resendStandInUrl', resend.url);
  project.provide('twilioStandInUrl', twilio.url);
  project.provide('faultyResendStandInUrl', faultyResend.url);
  project.provide('faultyTwilioStandInUrl', faultyTwilio.url);
  project.provide('slowResendStandInUrl', slowResend.url);
  project.provide('pacedResendStandInUrl', pacedResend.url);
  project.provide('pacedTwilioStandInUrl', pacedTwilio.url);
  return async () => {
    await Promise.all([resend, twilio, faultyResend, faultyTwilio, slowResend, pacedResend, pacedTwilio].map((standIn) => standIn.close()));
  };
}
