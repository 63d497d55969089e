// What each verified Resend webhook event does: received → reflection, bounce/complaint → suppressed, others → delivery record.
import * as z from 'zod/mini';
import { fetchReceivedEmail, type ReceivedEmail } from '../../channels/resend-inbound';
import { recordDeliveryEvent, type DeliveryEvent } from '../../db/delivery-events';
import { endSubscription, findSubscriberByAddress } from '../../db/subscribers';
import { AppError } from '../../errors';
import { receiveInboundEmail, type InboundEmail } from '../email/inbound-email';
import { addressOf } from '../email/inbound-match';
import type { Services } from '../../services';

export interface ResendEventResult {
  type: string;
  outcome: string;
}

const envelopeSchema = z.object({ type: z.string(), data: z.optional(z.unknown()) });
const emailEventSchema = z.object({
  email_id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/)),
  to: z._default(z.array(z.string()), []),
  bounce: z.optional(z.object({ type: z.optional(z.string()), subType: z.optional(z.string()) })),
  failed: z.optional(z.object({ reason: z.optional(z.string()) })),
});
type EmailEventData = z.infer<typeof emailEventSchema>;

/** Events that only update the delivery record, with the note they leave. */
const DELIVERY_UPDATES: Record<string, { event: DeliveryEvent; note: (data: EmailEventData) => string | null }> = {
  'email.delivered': { event: 'delivered', note: () => null },
  'email.delivery_delayed': { event: 'delayed', note: () => 'resend: delivery delayed' },
  'email.failed': { event: 'failed', note: (data) => `resend: failed: ${data.failed?.reason ?? 'no reason given'}`.slice(0, 300) },
};
/** Events we are told about but do nothing with. */
const IGNORED = new Set(['email.sent', 'email.scheduled', 'email.opened', 'email.clicked']);

function readEmailEvent(data: unknown): EmailEventData {
  const parsed = z.safeParse(emailEventSchema, data);
  if (!parsed.success) throw new AppError('invalid_request', 'The webhook event has no usable data.email_id.', 'data.email_id');
  return parsed.data;
}

/**
 * Acts on one verified Resend event (payload shapes as in the resend SDK's WebhookEventPayload). Every action is
 * safe to repeat: a reflection is stored once per email_id, suppression and delivery updates only move forward.
 * Throws AppError `not_configured` for email.received without RESEND_API_KEY (the body cannot be fetched), and
 * `provider_unavailable` when Resend cannot answer for now, so the webhook is retried. Unknown types are logged.
 */
export async function handleResendEvent(services: Services, payload: unknown, now: number): Promise<ResendEventResult> {
  const envelope = z.safeParse(envelopeSchema, payload);
  if (!envelope.success) throw new AppError('invalid_request', 'The webhook body is not a Resend event.', 'type');
  const { type, data } = envelope.data;
  const result = await act(services, type, data, now);
  services.log.info('resend_webhook', { type, outcome: result });
  return { type, outcome: result };
}

async function act(services: Services, type: string, data: unknown, now: number): Promise<string> {
  if (type === 'email.received') return receive(services, readEmailEvent(data), now);
  if (type === 'email.bounced') {
    const event = readEmailEvent(data);
    const bounceType = event.bounce?.type ?? 'Undetermined';
    if (bounceType.toLowerCase() !== 'permanent') {
      await recordDeliveryEvent(services.db, event.email_id, 'delayed', `resend: ${bounceType} bounce (${event.bounce?.subType ?? 'no subtype'})`, now);
      return 'soft_bounce_noted';
    }
    await recordDeliveryEvent(services.db, event.email_id, 'bounced', `resend: permanent bounce (${event.bounce?.subType ?? 'no subtype'})`, now);
    return suppress(services, event.to, 'hard bounce', now);
  }
  if (type === 'email.complained') {
    const event = readEmailEvent(data);
    await recordDeliveryEvent(services.db, event.email_id, 'complained', 'resend: spam complaint', now);
    return suppress(services, event.to, 'spam complaint', now);
  }
  if (type === 'email.suppressed') {
    const event = readEmailEvent(data);
    await recordDeliveryEvent(services.db, event.email_id, 'failed', 'resend: on the suppression list', now);
    return suppress(services, event.to, 'on the provider suppression list', now);
  }
  const update = DELIVERY_UPDATES[type];
  if (update) {
    const event = readEmailEvent(data);
    const changed = await recordDeliveryEvent(services.db, event.email_id, update.event, update.note(event), now);
    return changed ? 'delivery_updated' : 'delivery_unchanged';
  }
  if (IGNORED.has(type)) return 'ignored';
  services.log.warn('resend_webhook_unknown_type', { type: type.slice(0, 64) });
  return 'unknown_type';
}

/** Stops every course subscriber among `recipients` at once; the outcome says whether anyone was stopped. */
async function suppress(services: Services, recipients: string[], reason: string, now: number): Promise<string> {
  let stopped = 0;
  let known = 0;
  for (const recipient of recipients) {
    const address = addressOf(recipient);
    const subscriber = address ? await findSubscriberByAddress(services.db, 'email', address) : undefined;
    if (!subscriber) continue;
    known += 1;
    if (await endSubscription(services.db, subscriber.id, 'suppressed', reason, now)) stopped += 1;
  }
  return stopped > 0 ? 'suppressed' : known > 0 ? 'already_stopped' : 'unknown_address';
}

async function receive(services: Services, event: EmailEventData, now: number): Promise<string> {
  const account = services.config.resend;
  if (!account) throw new AppError('not_configured', 'Received emails cannot be read here: RESEND_API_KEY is not configured.');
  const fetched = await fetchReceivedEmail(account, event.email_id);
  if (fetched.outcome === 'retryable') {
    services.log.error('inbound_email_fetch_failed', { error: fetched.error });
    throw new AppError('provider_unavailable', 'The received email could not be read from Resend just now; please retry.');
  }
  if (fetched.outcome === 'permanent') {
    services.log.warn('inbound_email_missing', { error: fetched.error });
    return 'email_not_found';
  }
  const result = await receiveInboundEmail(services, fromResend(fetched.email, event.email_id), now);
  return result.outcome;
}

/** A received email as Resend describes it, in the shape both inbound paths share; `email_id` is the source id. */
export function fromResend(email: ReceivedEmail, emailId: string): InboundEmail {
  const headers = Object.fromEntries(Object.entries(email.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  return {
    from: email.from,
    to: [...(email.to ?? []), ...(email.cc ?? []), ...(email.received_for ?? [])],
    subject: email.subject ?? '',
    text: email.text,
    html: email.html,
    headers,
    messageId: email.message_id ?? null,
    sourceId: emailId,
    authenticated: resendAuthentication(headers, email.from),
  };
}

/** The authserv-id of the Authentication-Results header Resend's receiving servers (Amazon SES) add. */
const RESEND_AUTHSERV = /^\s*amazonses\.com\b/i;

/**
 * Whether Resend's receiving side authenticated the sender: its Authentication-Results (authserv-id amazonses.com)
 * says dmarc=pass for the From domain. The received email carries one value per header name; a value written by
 * anyone else (another authserv-id) is not trusted, and no verdict means not authenticated.
 */
export function resendAuthentication(headers: Readonly<Record<string, string>>, from: string): boolean {
  const results = headers['authentication-results'];
  if (!results || !RESEND_AUTHSERV.test(results)) return false;
  const domain = addressOf(from)?.split('@')[1];
  const dmarc = /(?:^|[\s;])dmarc=pass\b[^;]*?header\.from=([^\s;]+)/i.exec(results.slice(0, 4096));
  return Boolean(domain && dmarc && dmarc[1]!.toLowerCase() === domain);
}
