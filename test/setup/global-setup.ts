// Builds the email templates and starts the local provider stand-ins (Resend, Twilio) once for all tests.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startResendStandIn } from '../support/resend-stand-in';
import { startTwilioStandIn } from '../support/twilio-stand-in';

declare module 'vitest' {
  export interface ProvidedContext {
    resendStandInUrl: string;
    twilioStandInUrl: string;
  }
}

export default async function setup(project: TestProject) {
  execFileSync('npx', ['tsx', 'emails/build.ts'], { stdio: 'inherit' });
  const resend = await startResendStandIn();
  const twilio = await startTwilioStandIn();
  project.provide('resendStandInUrl', resend.url);
  project.provide('twilioStandInUrl', twilio.url);
  return async () => {
    await resend.close();
    await twilio.close();
  };
}
