// Wiring in one place: configuration, database, the channel transports chosen from the environment and their shared pace, all metered.
import { readConfig, type Config } from './config';
import { confirmSubscription, type ConfirmMeta, type ConfirmOutcome } from './confirm/confirm';
import { openDatabase, type Database } from './db/client';
import type { EmailChannel, PaceHint, SmsChannel } from './channels/channel';
import { OUTBOX_SMS_SENDER, createOutboxEmailChannel, createOutboxSmsChannel } from './channels/outbox';
import { createResendEmailChannel } from './channels/resend';
import { createTwilioSmsChannel } from './channels/twilio';
import { reextractReflections, type ReextractResult } from './inbound/reflections/reextract';
import { createReflectionCipher, type ReflectionCipher } from './security/reflection-cipher';
import { createDispatchService, type DispatchService } from './dispatch/dispatch';
import type { PaceGate, PaceSlot, Provider } from './dispatch/pace';
import type { DispatchMessage } from './dispatch/plan';
import { meterD1, meterQueue, newUsage, type InvocationUsage } from './platform/invocation-meter';
import { createLogger, logLevelFrom, newLogId, type Logger } from './platform/log';

export interface Services {
  config: Config;
  db: Database;
  d1: D1Database;
  email: EmailChannel;
  sms: SmsChannel;
  /** Encrypts and decrypts reflections at rest. */
  reflectionCipher: ReflectionCipher;
  /** Re-runs the current extractor over one page of stored reflections (ids after `after`), for the operator. */
  reextractReflections: (after: number) => Promise<ReextractResult>;
  queue: Queue<DispatchMessage>;
  /** The providers' shared pace (a Durable Object per provider; free for the outbox). */
  pace: PaceGate;
  /** The wall clock and a real wait, for pacing only: features take `now` from their caller. */
  wallClock(): number;
  sleep(ms: number): Promise<void>;
  /** What this invocation has spent so far against the platform's limits. */
  usage: InvocationUsage;
  /** This request's or invocation's logger (one id on every line, nothing personal in it). */
  log: Logger;
  /** The daily send, for the features that must send at once (confirm, opt-in), settle a send, or show the pace. */
  dispatch: DispatchService;
  /** Confirms a pending signup and sends the welcome at once (the email link and an SMS YES both ask for it). */
  confirmSubscription(subscriberId: string, meta: ConfirmMeta): Promise<ConfirmOutcome>;
}

type BaseServices = Omit<Services, 'dispatch' | 'confirmSubscription'>;

/** Adds the services built over the others: the daily send, and confirming (which sends through it). */
function withFeatureServices(base: BaseServices): Services {
  const dispatch = createDispatchService(base);
  return { ...base, dispatch, confirmSubscription: (subscriberId, meta) => confirmSubscription({ db: base.db, dispatch }, subscriberId, meta) };
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

/**
 * The pace gate over the SEND_PACE Durable Object, for the providers that are configured (each call is a subrequest).
 * Resend's headers slow it down before a 429: a `ratelimit-limit` below the configured rate wins, and a spent window
 * that resets later than its one second (the team's other traffic, a penalty) holds the pace until then.
 */
function createPaceGate(namespace: Env['SEND_PACE'], configured: Record<Provider, number | null>, usage: InvocationUsage) {
  const rates = { ...configured };
  const heldFor: Record<Provider, number> = { resend: 0, twilio: 0 };
  const stub = (provider: Provider) => namespace.get(namespace.idFromName(provider));
  const gate: PaceGate = {
    rate: (provider) => rates[provider],
    async reserve(provider, ticket, count): Promise<PaceSlot> {
      const rate = rates[provider];
      if (rate === null) return { waitMs: 0, intervalMs: 0 };
      usage.subrequests++;
      const hold = heldFor[provider];
      heldFor[provider] = 0;
      return stub(provider).reserve(ticket, count, rate, hold);
    },
    async hold(provider, forMs) {
      if (rates[provider] === null) return;
      usage.subrequests++;
      await stub(provider).hold(forMs);
    },
    async bookedAheadMs(provider) {
      if (rates[provider] === null) return 0;
      usage.subrequests++;
      return stub(provider).bookedAheadMs();
    },
  };
  const onResendPace = (hint: PaceHint) => {
    if (rates.resend !== null && hint.limit > 0) rates.resend = Math.min(rates.resend, hint.limit);
    if (hint.remaining <= 0 && hint.resetMs > 1000) heldFor.resend = Math.max(heldFor.resend, hint.resetMs);
  };
  return { gate, onResendPace };
}

/** Builds the services for one invocation: Resend and Twilio when their keys are set, the outbox otherwise. */
export function buildServices(env: Env, usage: InvocationUsage = newUsage(), log: Logger = createInvocationLogger(env)): Services {
  const config = readConfig(env);
  const d1 = meterD1(env.DB, usage);
  const db = openDatabase(d1);
  const wallClock = () => Date.now();
  const { gate, onResendPace } = createPaceGate(
    env.SEND_PACE,
    { resend: config.resend ? config.resendRateLimit : null, twilio: config.twilio ? config.twilioRateLimit : null },
    usage,
  );
  const email = config.resend
    ? meterEmail(createResendEmailChannel(config.resend.apiKey, config.resend.baseUrl, onResendPace), usage)
    : createOutboxEmailChannel(db, wallClock);
  const sms = config.twilio
    ? meterSms(createTwilioSmsChannel({ ...config.twilio, statusCallbackUrl: `${config.publicUrl}/webhooks/twilio/status` }), usage)
    : createOutboxSmsChannel(db, wallClock, OUTBOX_SMS_SENDER);
  const reflectionCipher = createReflectionCipher(config);
  const reextract = (after: number) => reextractReflections({ db, reflectionCipher }, after);
  const base = {
    config,
    db,
    d1,
    email,
    sms,
    queue: meterQueue(env.DELIVERY_QUEUE as Queue<DispatchMessage>, usage),
    reflectionCipher,
    reextractReflections: reextract,
    pace: gate,
    wallClock,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    usage,
    log,
  };
  return withFeatureServices(base);
}

/**
 * The same services with outbox channels that stamp every message with `at` (the local try-out's simulated clock),
 * and a daily send over them. Provider channels are left as they are.
 */
export function servicesStampedAt(services: Services, at: number): Services {
  if (services.config.resend || services.config.twilio) return services;
  const clock = () => at;
  const base = { ...services, email: createOutboxEmailChannel(services.db, clock), sms: createOutboxSmsChannel(services.db, clock, OUTBOX_SMS_SENDER) };
  return withFeatureServices(base);
}
