// Cloudflare Email Routing's email() event: the raw message parsed with postal-mime, then the shared inbound pipeline.
import PostalMime, { type Address, type Email } from 'postal-mime';
import type { Services } from '../services';
import { receiveInboundEmail, type InboundEmail, type InboundEmailOutcome } from './inbound-email';

/** What the handler reads of Cloudflare's ForwardableEmailMessage. */
export type RoutedEmailMessage = Pick<ForwardableEmailMessage, 'from' | 'to' | 'raw'>;

function mailboxes(addresses: Address[] | undefined): string[] {
  return (addresses ?? []).flatMap((address) => (address.group ? address.group.map((member) => member.address) : [address.address ?? '']));
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The parsed message in the shape both inbound paths share. `to` starts with the envelope recipient (the address
 * Email Routing delivered to, where the plus-address token is), then To and Cc; `from` is the From header, or the
 * envelope sender when there is none. The source id is the Message-ID, or a hash of the raw message without one.
 */
export async function toInboundEmail(message: RoutedEmailMessage, raw: ArrayBuffer, parsed: Email): Promise<InboundEmail> {
  const headers: Record<string, string> = {};
  for (const header of parsed.headers) headers[header.key] ??= header.value;
  const messageId = parsed.messageId?.trim() || null;
  return {
    from: parsed.from?.address ? parsed.from.address : message.from,
    to: [message.to, ...mailboxes(parsed.to), ...mailboxes(parsed.cc)].filter(Boolean),
    subject: parsed.subject ?? '',
    text: parsed.text ?? null,
    html: parsed.html ?? null,
    headers,
    messageId,
    sourceId: messageId ?? `sha256:${await sha256Hex(raw)}`,
  };
}

/**
 * Handles one message delivered by Email Routing: reads the raw RFC 822 message once, parses it with postal-mime
 * and passes it to receiveInboundEmail. Nothing is forwarded or rejected: a message that matches no subscriber is
 * dropped with a log line, so strangers never get a bounce that confirms the address.
 */
export async function receiveRoutedEmail(services: Services, message: RoutedEmailMessage, now: number): Promise<InboundEmailOutcome> {
  const raw = await new Response(message.raw).arrayBuffer();
  const parsed = await PostalMime.parse(raw);
  return receiveInboundEmail(services, await toInboundEmail(message, raw, parsed), now);
}
