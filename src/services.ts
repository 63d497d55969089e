// Wiring in one place: configuration, database and the channel transports chosen from the environment.
import { readConfig, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import type { EmailChannel, SmsChannel } from './channels/channel';
import { createOutboxEmailChannel, createOutboxSmsChannel } from './channels/outbox';
import { createResendEmailChannel } from './channels/resend';
import { createTwilioSmsChannel } from './channels/twilio';

export interface Services {
  config: Config;
  db: Database;
  d1: D1Database;
  email: EmailChannel;
  sms: SmsChannel;
  queue: Env['DELIVERY_QUEUE'];
}

/** Builds the services for one invocation: Resend and Twilio when their keys are set, the outbox otherwise. */
export function buildServices(env: Env): Services {
  const config = readConfig(env);
  const db = openDatabase(env.DB);
  const clock = () => Date.now();
  const email = config.resend
    ? createResendEmailChannel(config.resend.apiKey, config.resend.baseUrl)
    : createOutboxEmailChannel(db, clock);
  const sms = config.twilio
    ? createTwilioSmsChannel({ ...config.twilio, statusCallbackUrl: `${config.publicUrl}/webhooks/twilio/status` })
    : createOutboxSmsChannel(db, clock, config.twilio ? '' : 'Rebuild Trust (outbox)');
  return { config, db, d1: env.DB, email, sms, queue: env.DELIVERY_QUEUE };
}
