// Pure: the TwiML documents our Twilio webhooks answer with — one reply message, or nothing to send.

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` with the five XML special characters escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/**
 * A TwiML `<Response>`: with one `<Message>` carrying `reply` (sent back to the texter as an SMS), or empty
 * when `reply` is null, which tells Twilio to send nothing.
 */
export function twimlResponse(reply: string | null): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  return reply === null ? `${head}<Response/>` : `${head}<Response><Message>${escapeXml(reply)}</Message></Response>`;
}

/** The Content-Type of a TwiML answer. */
export const TWIML_CONTENT_TYPE = 'text/xml; charset=utf-8';
