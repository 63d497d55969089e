// Pure: the TwiML documents our Twilio webhooks answer with — one reply message, or nothing to send.

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** `text` made safe as XML character data: `&`, `<` and `>` escaped (quotes need no escape outside attributes). */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (char) => TEXT_ESCAPES[char]!);
}

/**
 * A TwiML `<Response>`: with one `<Message>` carrying `reply` (sent back to the texter as an SMS), or empty
 * when `reply` is null, which tells Twilio to send nothing. Byte for byte what Twilio's own builder writes.
 */
export function twimlResponse(reply: string | null): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  return reply === null ? `${head}<Response/>` : `${head}<Response><Message>${escapeXmlText(reply)}</Message></Response>`;
}

/** The Content-Type of a TwiML answer. */
export const TWIML_CONTENT_TYPE = 'text/xml; charset=utf-8';
