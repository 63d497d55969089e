// Pure: what a recipient's phone or mail client would send back, for the outbox's "answer as the recipient" buttons.
import type { TwilioParams } from '../security/twilio-signature';

/** The Twilio number that stands in for ours when none is configured: Twilio's documented magic test number. */
export const STAND_IN_TWILIO_NUMBER = '+15005550006';

const CRLF = '\r\n';

/** A header value as RFC 2047 UTF-8 base64 when it is not plain ASCII; line breaks removed either way. */
export function encodeHeaderValue(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(flat)) return flat;
  const bytes = new TextEncoder().encode(flat);
  return `=?UTF-8?B?${btoa(String.fromCharCode(...bytes))}?=`;
}

export interface EmailReplyDraft {
  /** The recipient of the original, now the sender. */
  from: string;
  /** Where the reply goes: the original's Reply-To, else its sender. */
  to: string;
  /** The original's subject. */
  subject: string;
  /** The original's Message-ID header, when it had one. */
  inReplyTo: string | null;
  /** What the person typed. */
  text: string;
  /** The original's plain text, quoted below the reply as mail clients do. */
  quoted: string;
  /** The original's sender as shown in the attribution line. */
  quotedFrom: string;
  date: Date;
  /** Unique per reply: the Message-ID, so a reply is stored once. */
  messageId: string;
}

/**
 * The raw RFC 5322 message a mail client would send: the typed text, then an "On … wrote:" line and the
 * original quoted with "> ", so the reply goes through the same stripping as a real one. The receiving
 * server's Authentication-Results says the sender's domain passed, as it would for a real mailbox.
 */
export function buildReplyEmail(draft: EmailReplyDraft): string {
  const subject = /^re:/i.test(draft.subject) ? draft.subject : `Re: ${draft.subject}`;
  const quoted = draft.quoted
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join(CRLF);
  const headers = [
    `Authentication-Results: mx.localhost; spf=pass smtp.mailfrom=${draft.from}; dkim=pass; dmarc=pass header.from=${draft.from.split('@')[1] ?? ''}`,
    `From: ${draft.from}`,
    `To: ${draft.to}`,
    `Subject: ${encodeHeaderValue(subject)}`,
    `Date: ${draft.date.toUTCString()}`,
    `Message-ID: ${draft.messageId}`,
    ...(draft.inReplyTo ? [`In-Reply-To: ${draft.inReplyTo}`, `References: ${draft.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body = `${draft.text.replace(/\r?\n/g, CRLF)}${CRLF}${CRLF}On ${draft.date.toUTCString()}, ${draft.quotedFrom} wrote:${CRLF}${quoted}${CRLF}`;
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body}`;
}

/** The form parameters Twilio posts for one inbound text (the subset the worker reads, plus Twilio's usual ones). */
export function inboundSmsParams(sms: { from: string; to: string; body: string; messageSid: string; accountSid: string }): TwilioParams {
  return {
    MessageSid: sms.messageSid,
    SmsMessageSid: sms.messageSid,
    SmsSid: sms.messageSid,
    AccountSid: sms.accountSid,
    From: sms.from,
    To: sms.to,
    Body: sms.body,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  };
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** The text of each <Message> in a TwiML answer, unescaped: what Twilio would text back. */
export function twimlMessages(twiml: string): string[] {
  return [...twiml.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)].map((match) =>
    (match[1] ?? '').replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity]!),
  );
}

/** A random id in the shape of a provider's: a prefix and 32 hex digits. */
export function randomSid(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
