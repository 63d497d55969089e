// Wiring in one place: configuration, database and the channel transports chosen from the environment, all metered.
import { readConfig, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import type { EmailChannel, SmsChannel } from './channels/channel';
import { OUTBOX_SMS_SENDER, createOutboxEmailChannel, createOutboxSmsChannel } from './channels/outbox';
import { createResendEmailChannel } from './channels/resend';
import { createTwilioSmsChannel } from './channels/twilio';
import { reextractReflections, type ReextractResult } from './replies/reextract';
import { createReflectionCipher, type ReflectionCipher } from './security/reflection-cipher';
import { meterD1, meterQueue, newUsage, type InvocationUsage } from './platform/invocation-meter';
import { createLogger, logLevelFrom, newLogId, type Logger } from './platform/log';

export interface Services {
  config: Config;
  db: Database;
  d1: D1Database;
  email: EmailChannel;
  sms: SmsChannel;
  queue: Env['DELIVERY_QUEUE'];
  /** Encrypts and decrypts reflections at rest. */
  reflectionCipher: ReflectionCipher;
  /** Re-runs the current extractor over one page of stored reflections (ids after `after`), for the operator. */
  reextractReflections: (after: number) => Promise<ReextractResult>;
  /** What this invocation has spent so far against the platform's limits. */
  usage: InvocationUsage;
  /** This request's or invocation's logger (one id on every line, nothing personal in it). */
  log: Logger;
}

/** A logger for one request or invocation, at the level LOG_LEVEL names. */
export function createInvocationLogger(env: Env, ray?: string | null): Logger {
  return createLogger({ id: newLogId(ray), level: logLevelFrom(env.LOG_LEVEL) });
}

function meterEmail(channel: EmailChannel, usage: InvocationUsage): EmailChannel {
  return {
    name: channel.name,
    maxBatch: channel.maxBatch,
    sendBatch: (emails, key) => {
      usage.subrequests++;
      return channel.sendBatch(emails, key);
    },
  };
}

function meterSms(channel: SmsChannel, usage: InvocationUsage): SmsChannel {
  return {
    name: channel.name,
    send: (sms, key) => {
      usage.subrequests++;
      return channel.send(sms, key);
    },
  };
}

/** Builds the services for one invocation: Resend and Twilio when their keys are set, the outbox otherwise. */
export function buildServices(env: Env, usage: InvocationUsage = newUsage(), log: Logger = createInvocationLogger(env)): Services {
  const config = readConfig(env);
  const d1 = meterD1(env.DB, usage);
  const db = openDatabase(d1);
  const clock = () => Date.now();
  const email = config.resend
    ? meterEmail(createResendEmailChannel(config.resend.apiKey, config.resend.baseUrl), usage)
    : createOutboxEmailChannel(db, clock);
  const sms = config.twilio
    ? meterSms(createTwilioSmsChannel({ ...config.twilio, statusCallbackUrl: `${config.publicUrl}/webhooks/twilio/status` }), usage)
    : createOutboxSmsChannel(db, clock, OUTBOX_SMS_SENDER);
  const reflectionCipher = createReflectionCipher(config);
  const reextract = (after: number) => reextractReflections({ db, reflectionCipher }, after);
  return { config, db, d1, email, sms, queue: meterQueue(env.DELIVERY_QUEUE, usage), reflectionCipher, reextractReflections: reextract, usage, log };
}
