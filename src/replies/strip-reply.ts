// Pure: the person's own words from an email reply, without the quoted history below them or their signature.
import EmailReplyParser from 'email-reply-parser';
import { htmlToText } from './html-to-text';

export interface ReplyBody {
  text?: string | null;
  html?: string | null;
}

/** "On <date>, <name> wrote:" and its translations (Gmail, Apple Mail, Thunderbird and most others). */
const QUOTE_HEADER = [
  /^On\s.+\swrote\s?:$/i,
  /^Le\s.+\sa\s\u00e9crit\s?:$/i,
  /^El\s.+\sescribi\u00f3\s?:$/i,
  /^Il\s.+\sha\sscritto\s?:$/i,
  /^Em\s.+\sescreveu\s?:$/i,
  /^Op\s.+\sschreef\s.*:$/i,
  /^Am\s.+\sschrieb\s.*:$/i,
  /^Den\s.+\sskrev\s.*:$/i,
];
/** Separators above a copy of the original (Outlook, Lotus and others), in a few languages. */
const ORIGINAL_MESSAGE = /^-{2,}\s*(Original Message|Urspr\u00fcngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht)\s*-{2,}$/i;
/** "From:" of a header block copied above the original (Outlook), some localised, bold in rich text. */
const HEADER_FROM = /^\*{0,2}(From|De|Von|Van|Da|Fr\u00e5n|Fra|Od)\s?:\*{0,2}\s/i;
/** The "Sent:" or "Date:" line that follows "From:" within a few lines in those blocks. */
const HEADER_SENT = /^\*{0,2}(Sent|Date|Enviado|Gesendet|Verzonden|Inviato|Envoy\u00e9|Skickat|Sendt|Datum|Data)\s?:\*{0,2}\s/i;
const HEADER_WINDOW = 3;
const QUOTED = /^\s*>/;

/**
 * Returns what the person wrote in this reply: the plain-text part when it has words, else the HTML part as text.
 * Copies of the original that email-reply-parser does not see (an Outlook "From: … Sent: …" block, an unquoted
 * copy under "On … wrote:") are cut first; the library then removes quoted lines, quote headers and signatures
 * ("-- ", "Sent from my iPhone", "Get Outlook for iOS", "Kind regards,"). Empty when nothing of theirs is left.
 */
export function stripReply(body: ReplyBody): string {
  const source = body.text?.trim() ? body.text : body.html?.trim() ? htmlToText(body.html) : '';
  const own = beforeCopiedOriginal(normalise(source).split('\n')).join('\n');
  return tidy(new EmailReplyParser().read(own).getVisibleText().split('\n'));
}

function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\ufeff\u200b]/g, '')
    .replace(/\u00a0/g, ' ');
}

/** How many lines (1 or 2: clients wrap long ones) the quote header starting at `index` takes; 0 when none does. */
function quoteHeaderLength(lines: readonly string[], index: number): number {
  const line = lines[index]?.trim() ?? '';
  if (QUOTE_HEADER.some((pattern) => pattern.test(line))) return 1;
  const wrapped = `${line} ${lines[index + 1]?.trim() ?? ''}`;
  return line && QUOTE_HEADER.some((pattern) => pattern.test(wrapped)) ? 2 : 0;
}

function isHeaderBlock(lines: readonly string[], index: number): boolean {
  return HEADER_FROM.test(lines[index]?.trim() ?? '') && lines.slice(index + 1, index + 1 + HEADER_WINDOW).some((next) => HEADER_SENT.test(next.trim()));
}

/** The lines above the first copy of an original message: a header block, an "Original Message" rule, or an
 * "On … wrote:" with no ">" quoting under it (the copy is not marked, so all of it goes). */
function beforeCopiedOriginal(lines: string[]): string[] {
  for (let index = 0; index < lines.length; index += 1) {
    const header = quoteHeaderLength(lines, index);
    const nextText = lines.slice(index + header).find((line) => line.trim());
    const unquotedCopy = header > 0 && nextText !== undefined && !QUOTED.test(nextText);
    if (unquotedCopy || ORIGINAL_MESSAGE.test(lines[index]?.trim() ?? '') || isHeaderBlock(lines, index)) {
      let end = index;
      while (end > 0 && /^\s*_*\s*$/.test(lines[end - 1] ?? '')) end -= 1;
      return lines.slice(0, end);
    }
  }
  return lines;
}

function tidy(lines: string[]): string {
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
