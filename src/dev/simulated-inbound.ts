// The outbox's "answer as the recipient": a reply email through the Email Routing handler, a text through the signed Twilio webhook.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import type { OutboxMessage } from '../db/schema';
import { storeOutboxSms } from '../db/outbox-queries';
import { AppError } from '../errors';
import { receiveRoutedEmail } from '../inbound/email/email-routing';
import type { InboundEmailOutcome } from '../inbound/email/inbound-email';
import { computeTwilioSignature } from '../security/twilio-signature';
import type { Services } from '../services';
import { twilioWebhookRoutes } from '../inbound/webhooks/twilio-routes';
import { STAND_IN_TWILIO_NUMBER, buildReplyEmail, inboundSmsParams, randomSid, twimlMessages } from './simulated-messages';

/**
 * Signs the outbox's texts when TWILIO_AUTH_TOKEN is not set. It is only ever used inside this process, for a
 * request the outbox builds itself: the public webhook never accepts it (without a token it answers 503).
 */
const DEV_TWILIO_AUTH_TOKEN = 'dev-only-twilio-auth-token-for-the-local-outbox';
const STAND_IN_ACCOUNT_SID = 'AC00000000000000000000000000000000';

/** The address part of `Name <address>`, or the value itself. */
function bareAddress(value: string): string {
  return /<([^<>]+)>\s*$/.exec(value)?.[1]?.trim() ?? value.trim();
}

/**
 * Sends `text` as the recipient's reply to an outbox email: To its Reply-To (the plus-address with the reply
 * token), or its sender without one, through the same handler Cloudflare Email Routing calls.
 */
export async function replyToEmail(services: Services, message: OutboxMessage, text: string, now: number): Promise<InboundEmailOutcome> {
  const headers = message.headers ?? {};
  const to = bareAddress(headers['Reply-To'] ?? message.from_address);
  const raw = buildReplyEmail({
    from: message.to_address,
    to,
    subject: message.subject ?? '',
    inReplyTo: headers['Message-ID'] ?? null,
    text,
    quoted: message.text,
    quotedFrom: message.from_address,
    date: new Date(now),
    messageId: `<${randomSid('reply-')}@outbox.localhost>`,
  });
  const stream = new Response(raw).body!;
  return receiveRoutedEmail(services, { from: message.to_address, to, raw: stream }, now);
}

export interface TextAnswer {
  /** The webhook's HTTP status. */
  status: number;
  /** What the worker asked Twilio to text back (stored in the outbox, as Twilio would have sent it). */
  replies: string[];
}

/**
 * Texts `body` from `from` to our number: a Twilio webhook request signed with TWILIO_AUTH_TOKEN (or the
 * dev-only token when none is set), handled by the real webhook route with its signature check. The TwiML
 * answer is stored in the outbox as the text Twilio would have sent back.
 */
export async function textTheService(services: Services, env: Env, sms: { from: string; body: string; now: number }): Promise<TextAnswer> {
  const authToken = services.config.twilioAuthToken ?? DEV_TWILIO_AUTH_TOKEN;
  const ourNumber = services.config.twilio?.from ?? STAND_IN_TWILIO_NUMBER;
  const params = inboundSmsParams({
    from: sms.from,
    to: ourNumber,
    body: sms.body,
    messageSid: randomSid('SM'),
    accountSid: services.config.twilio?.accountSid ?? STAND_IN_ACCOUNT_SID,
  });
  const url = `${services.config.publicUrl}/webhooks/twilio/sms`;
  const signature = await computeTwilioSignature(authToken, url, params);
  const webhookServices: Services = { ...services, config: { ...services.config, twilioAuthToken: authToken } };
  const webhook = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('services', webhookServices);
      c.set('log', webhookServices.log);
      c.set('now', sms.now);
      await next();
    })
    .route('/', twilioWebhookRoutes);
  webhook.onError((error, c) => {
    const known = error instanceof AppError ? error : new AppError('internal_error', 'The webhook failed.');
    return c.json(known.toBody(), known.status);
  });
  const response = await webhook.request(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params as Record<string, string>).toString(),
    },
    env,
  );
  const replies = response.ok ? twimlMessages(await response.text()) : [];
  for (const [index, text] of replies.entries()) {
    await storeOutboxSms(services.db, { to: sms.from, from: ourNumber, text, key: `twiml:${params.MessageSid}:${index}`, now: sms.now });
  }
  return { status: response.status, replies };
}
