// Pure: the configured support line (SUPPORT_LINE) split into its name and a phone number to dial, kept on one line.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The support line as messages and pages show it. */
export interface SupportLineParts {
  /** The words before the number, without a trailing comma ("the US National Domestic Violence Hotline"), or "the support line". */
  name: string;
  /** The number as configured, with non-breaking hyphens and spaces so it never wraps: "1‑800‑799‑7233". */
  phone: string;
  /** `tel:` link to the number, in E.164 when it can be read as one: "tel:+18007997233". */
  telUrl: string;
  /** Whatever follows the number, e.g. " (thehotline.org)", or "". */
  after: string;
}

/** A run of digits that reads like a phone number: at least six digits, with spaces, dots, dashes or brackets. */
const PHONE_RUN = /\+?\(?\d[\d\s().-]{4,}\d/;
/** Countries whose numbering plans are tried, in turn, for a number written without its country code. */
const COUNTRIES: readonly CountryCode[] = ['US', 'GB', 'CA', 'IE', 'AU', 'NZ'];
const NON_BREAKING_HYPHEN = '\u2011';
const NO_BREAK_SPACE = '\u00a0';

/** `text` with its hyphens and spaces replaced by their non-breaking forms. */
export function nonBreaking(text: string): string {
  return text.replace(/-/g, NON_BREAKING_HYPHEN).replace(/ /g, NO_BREAK_SPACE);
}

function telUrlOf(written: string): string {
  for (const country of COUNTRIES) {
    const parsed = parsePhoneNumberFromString(written, country);
    if (parsed?.isPossible()) return `tel:${parsed.number}`;
  }
  return `tel:${written.replace(/[^\d+]/g, '')}`;
}

/** Splits the support line around its first phone number; null when it has none (then show it as plain words). */
export function supportLineParts(supportLine: string): SupportLineParts | null {
  const match = PHONE_RUN.exec(supportLine);
  if (!match) return null;
  const written = match[0].trim();
  const start = match.index + match[0].indexOf(written);
  return {
    name: supportLine.slice(0, start).replace(/[\s,:;-]+$/, '').trim() || 'the support line',
    phone: nonBreaking(written),
    telUrl: telUrlOf(written),
    after: supportLine.slice(start + written.length),
  };
}

/**
 * The support line as the welcome email's placeholders take it: the words before the number (with their comma), the
 * number, its `tel:` link and what follows. A line without a number is all words, and the link stays empty.
 */
export function supportLinePlaceholders(supportLine: string): { supportLead: string; supportPhone: string; supportPhoneHref: string; supportTail: string } {
  const parts = supportLineParts(supportLine);
  if (!parts) return { supportLead: supportLine, supportPhone: '', supportPhoneHref: '', supportTail: '' };
  return { supportLead: `${parts.name}, `, supportPhone: parts.phone, supportPhoneHref: parts.telUrl, supportTail: parts.after };
}
