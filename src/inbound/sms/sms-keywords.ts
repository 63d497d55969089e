// Pure: what an inbound SMS asks for — opt out, opt in, help — or none of those, so it is a reflection (SPEC §5).

export type SmsIntent = 'opt-out' | 'opt-in' | 'help' | 'message';

export interface SmsClassification {
  intent: SmsIntent;
  /** The keyword as matched (upper case, e.g. "STOP", "YES"); "REQUEST" for a plain request to stop; null for a message. */
  keyword: string | null;
}

type KeywordIntent = Exclude<SmsIntent, 'message'>;

/** The keywords of SPEC §5. */
export const SMS_KEYWORDS: ReadonlyMap<string, KeywordIntent> = new Map([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'].map((word) => [word, 'opt-out'] as const),
  ...['START', 'UNSTOP', 'YES'].map((word) => [word, 'opt-in'] as const),
  ...['HELP', 'INFO'].map((word) => [word, 'help'] as const),
]);

/** Twilio's OptOutType parameter (sent with Advanced Opt-Out) mapped to an intent. */
const OPT_OUT_TYPES: ReadonlyMap<string, KeywordIntent> = new Map([
  ['STOP', 'opt-out'],
  ['START', 'opt-in'],
  ['HELP', 'help'],
]);

const POLITE_START = /^(?:(?:please|pls|plz|kindly|ok|okay|hi|hey|hello)\s+)+/;
const POLITE_END = /(?:\s+(?:please|pls|plz|thanks|thank you|thx|now|asap))+$/;

/**
 * Whole-message requests to stop, after lower-casing, dropping punctuation and polite words. Each needs "me",
 * "this" or "these" as the object, so a reflection like "I need to stop texting him" is not an opt-out.
 */
const STOP_REQUESTS: RegExp[] = [
  /^(?:stop|quit|cease|end)\s+(?:texting|messaging|txting|contacting|sending(?:\s+me)?(?:\s+(?:these|this|the|your))?(?:\s+(?:texts|messages|sms|msgs))?)(?:\s+(?:me|us))?(?:\s+(?:again|anymore|any more))?$/,
  /^(?:stop|no more|end)\s+(?:these|the|this|your)?\s*(?:texts|messages|sms|msgs)$/,
  /^(?:i\s+(?:want|would like|wanna|need)\s+to\s+|i'd like to\s+)?(?:unsubscribe|opt out|cancel|be removed)(?:\s+me)?(?:\s+(?:(?:of|from)\s+)?(?:this|these|this list|the list|your list|the texts|the messages|my subscription|the course))?$/,
  /^(?:unsubscribe|remove|take|opt)\s+me(?:\s+(?:out|off))?(?:\s+(?:(?:of|from)\s+)?(?:this|these|this list|the list|your list|the texts|the messages|the course))?$/,
  /^(?:don't|dont|do not)\s+(?:text|message|msg|contact|sms)\s+me(?:\s+(?:again|anymore|any more))?$/,
];

function normalise(body: string): string {
  return body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function asKeyword(words: string): string {
  return words.replace(/'/g, '').toUpperCase();
}

/**
 * Classifies an inbound SMS. A keyword counts only as the whole message, in any case, with surrounding spaces,
 * punctuation and polite words ignored ("Stop." , " yes! " and "stop please" count; "stop it" does not).
 * Twilio's `optOutType`, when present, wins. A plain request to stop ("stop texting me", "please unsubscribe
 * me") is an opt-out too. Anything else is a message.
 */
export function classifySmsReply(body: string, optOutType?: string | null): SmsClassification {
  const words = normalise(body);
  const request = words.replace(POLITE_START, '').replace(POLITE_END, '').trim();
  const keyword = [asKeyword(words), asKeyword(request)].find((candidate) => SMS_KEYWORDS.has(candidate));
  const twilioType = optOutType?.trim().toUpperCase() ?? '';
  const fromTwilio = OPT_OUT_TYPES.get(twilioType);
  if (fromTwilio) return { intent: fromTwilio, keyword: keyword ?? twilioType };
  if (keyword) return { intent: SMS_KEYWORDS.get(keyword)!, keyword };
  if (request && STOP_REQUESTS.some((pattern) => pattern.test(request))) return { intent: 'opt-out', keyword: 'REQUEST' };
  return { intent: 'message', keyword: null };
}
