// Cloudflare Email Routing's email() event: the raw message read within caps, parsed with postal-mime, then the shared pipeline.
import PostalMime, { type Address, type Email } from 'postal-mime';
import type { Services } from '../../services';
import { receiveInboundEmail, type InboundEmail, type InboundEmailOutcome } from './inbound-email';
import { concatBytes } from '../../platform/bytes';

/** What the handler reads of Cloudflare's ForwardableEmailMessage. */
export type RoutedEmailMessage = Pick<ForwardableEmailMessage, 'from' | 'to' | 'raw'> & { headers?: Headers };

/** Bytes of a raw message read at most; the rest (large attachments, usually) is never read or parsed. */
export const MAX_RAW_BYTES = 2 * 1024 * 1024;
/** Lines of a raw message read at most: the parser's cost grows with lines, and a reply's words come first. */
export const MAX_RAW_LINES = 10_000;
/** MIME parts nested deeper than this are refused by the parser (a crafted message cannot recurse for long). */
export const MAX_MIME_DEPTH = 12;
/** Bytes of headers read at most. */
export const MAX_HEADER_BYTES = 128 * 1024;

function mailboxes(addresses: Address[] | undefined): string[] {
  return (addresses ?? []).flatMap((address) => (address.group ? address.group.map((member) => member.address) : [address.address ?? '']));
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The first `limit` lines of `bytes` (a view, no copy); one pass over the bytes. */
export function capLines(bytes: Uint8Array, limit: number): Uint8Array {
  let seen = 0;
  for (let index = bytes.indexOf(0x0a); index >= 0; index = bytes.indexOf(0x0a, index + 1)) {
    seen += 1;
    if (seen >= limit) return bytes.subarray(0, index + 1);
  }
  return bytes;
}

/** Reads at most `limit` bytes of a stream, then cancels it: an oversized message costs no more than the cap. */
export async function readCapped(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = limit - size;
    chunks.push(value.byteLength > room ? value.subarray(0, room) : value);
    size += Math.min(value.byteLength, room);
  }
  if (size >= limit) await reader.cancel().catch(() => undefined);
  return concatBytes(chunks, size);
}

const FLOWED = new TextEncoder().encode('format=flowed');
const UNFLOWED = new TextEncoder().encode('format=fixed_');

/**
 * postal-mime joins a format=flowed line ending in a space to the next even when the next is quoted, which glues a
 * reply onto the quote above it. So "format=flowed" is renamed in place (same length, one linear pass) and the
 * soft line breaks are undone by stripReply, quote depth respected. Returns whether any part was flowed.
 */
export function unmarkFlowed(bytes: Uint8Array): boolean {
  let found = false;
  const last = bytes.length - FLOWED.length;
  for (let index = 0; index <= last; index += 1) {
    if ((bytes[index]! | 0x20) !== 0x66 || (bytes[index + 1]! | 0x20) !== 0x6f) continue;
    let matches = true;
    for (let offset = 2; offset < FLOWED.length && matches; offset += 1) matches = (bytes[index + offset]! | 0x20) === FLOWED[offset];
    if (!matches) continue;
    bytes.set(UNFLOWED, index);
    found = true;
  }
  return found;
}

/**
 * The parsed message in the shape both inbound paths share. `to` starts with the envelope recipient (the address
 * Email Routing delivered to, where the plus-address token is), then To and Cc; `from` is the From header, or the
 * envelope sender when there is none. The source id is the Message-ID, or a hash of the raw message without one.
 * `authenticated` comes from the Authentication-Results header Cloudflare adds on receipt.
 */
export async function toInboundEmail(message: RoutedEmailMessage, raw: Uint8Array, parsed: Email, flowed = false): Promise<InboundEmail> {
  const headers: Record<string, string> = {};
  for (const header of parsed.headers) headers[header.key] ??= header.value;
  const messageId = parsed.messageId?.trim() || null;
  return {
    from: parsed.from?.address ? parsed.from.address : message.from,
    to: [message.to, ...mailboxes(parsed.to), ...mailboxes(parsed.cc)].filter(Boolean),
    subject: parsed.subject ?? '',
    text: parsed.text ?? null,
    html: parsed.html ?? null,
    flowed,
    headers,
    messageId,
    sourceId: messageId ?? `sha256:${await sha256Hex(raw)}`,
    authenticated: routedAuthentication(parsed.headers, parsed.from?.address ?? message.from),
  };
}

/** The authserv-id Cloudflare Email Routing writes in the Authentication-Results header it adds. */
const CLOUDFLARE_AUTHSERV = /^\s*mx\.cloudflare\.net\b/i;

/**
 * Whether the sender is who the From header says: Cloudflare Email Routing adds an Authentication-Results header
 * (authserv-id mx.cloudflare.net) above the message's own headers, with dkim=, spf= and dmarc= results. Only that
 * first header is trusted (a sender can write any header of its own below it), and it passes only with dmarc=pass
 * for the From address's domain.
 */
export function routedAuthentication(headers: ReadonlyArray<{ key: string; value: string }>, from: string): boolean {
  const first = headers.find((header) => header.key === 'authentication-results');
  if (!first || !CLOUDFLARE_AUTHSERV.test(first.value)) return false;
  const domain = from.trim().toLowerCase().split('@')[1];
  const dmarc = /(?:^|[\s;])dmarc=pass\b[^;]*?header\.from=([^\s;]+)/i.exec(first.value.slice(0, 4096));
  return Boolean(domain && dmarc && dmarc[1]!.toLowerCase() === domain);
}

/** Parses a raw message within the caps (bytes, lines, header size, nesting depth) into the shared inbound shape. */
export async function parseRoutedEmail(message: RoutedEmailMessage, whole: Uint8Array): Promise<InboundEmail> {
  const raw = capLines(whole.byteLength > MAX_RAW_BYTES ? whole.subarray(0, MAX_RAW_BYTES) : whole, MAX_RAW_LINES);
  const flowed = unmarkFlowed(raw);
  const parsed = await PostalMime.parse(raw, { maxNestingDepth: MAX_MIME_DEPTH, maxHeadersSize: MAX_HEADER_BYTES });
  return toInboundEmail(message, raw, parsed, flowed);
}

/**
 * Handles one message delivered by Email Routing: reads at most MAX_RAW_BYTES of the raw RFC 822 message, parses it
 * and passes it to receiveInboundEmail. Nothing is forwarded or rejected: a message that matches no subscriber, or
 * that cannot be parsed, is dropped with a log line, so strangers never get a bounce that confirms the address.
 */
export async function receiveRoutedEmail(services: Services, message: RoutedEmailMessage, now: number): Promise<InboundEmailOutcome> {
  const raw = await readCapped(message.raw, MAX_RAW_BYTES);
  let email: InboundEmail;
  try {
    email = await parseRoutedEmail(message, raw);
  } catch (error) {
    services.log.warn('inbound_email_unreadable', { error: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    return { outcome: 'unreadable' };
  }
  return receiveInboundEmail(services, email, now);
}
