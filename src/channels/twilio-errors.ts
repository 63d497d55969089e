// The one table of Twilio error codes this product acts on, for send-time refusals and status callbacks alike.

/** What a Twilio error code means here: stop texting this number, slow down, or neither. */
export type TwilioErrorMeaning = 'suppress' | 'rate_limited' | 'other';

/**
 * Codes that name the number itself (it can never receive from us) and the pace codes. Everything else
 * (authentication, sender, content, carrier filtering) is the operator's to fix and is retried, bounded.
 */
const TWILIO_ERRORS: Record<number, { meaning: TwilioErrorMeaning; what: string }> = {
  20429: { meaning: 'rate_limited', what: 'too many requests' },
  21211: { meaning: 'suppress', what: "invalid 'To' number" },
  21408: { meaning: 'suppress', what: "SMS not enabled for the 'To' number's region" },
  21610: { meaning: 'suppress', what: 'recipient unsubscribed (replied STOP)' },
  21612: { meaning: 'suppress', what: "'To' number not reachable via SMS" },
  21614: { meaning: 'suppress', what: "'To' number is not a mobile number" },
  30001: { meaning: 'rate_limited', what: 'queue overflow' },
  30003: { meaning: 'suppress', what: 'unreachable handset' },
  30005: { meaning: 'suppress', what: 'unknown handset' },
  30006: { meaning: 'suppress', what: 'landline or unreachable carrier' },
};

/** The meaning of a Twilio error code (`other` for a code not in the table, or none). */
export function twilioErrorMeaning(code: number | null | undefined): TwilioErrorMeaning {
  return code === null || code === undefined ? 'other' : (TWILIO_ERRORS[code]?.meaning ?? 'other');
}

/** The codes with a given meaning, for documentation and tests. */
export function twilioCodesMeaning(meaning: TwilioErrorMeaning): number[] {
  return Object.entries(TWILIO_ERRORS)
    .filter(([, entry]) => entry.meaning === meaning)
    .map(([code]) => Number(code));
}
