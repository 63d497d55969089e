// Pure: the person's own words from an email reply, without the quoted history around them or their signature.
import { htmlToText } from './html-to-text';
import {
  EXTERNAL_BANNER,
  HEADER_WINDOW,
  MAX_PATTERN_LINE,
  headerName,
  isAttribution,
  isForwardSeparator,
  isMobileSignature,
  isSeparator,
  mayStartAttribution,
  textBeforeAttribution,
} from './reply-patterns';
import { stripSignature } from './strip-signature';

/**
 * The extractor's version, stored beside every email reflection. Raise it when the rules change, so stored
 * messages can be extracted again (never over an edit the person made).
 */
export const EXTRACTOR_VERSION = 3;

/** Longest text (characters) an email's part is read to: anything further is not read at all, so cost is bounded. */
export const MAX_REPLY_TEXT_CHARS = 200_000;
/** Lines of that text the extractor reads at most (a long letter has a few thousand). */
export const MAX_REPLY_LINES = 8_000;

export interface ReplyBody {
  text?: string | null;
  html?: string | null;
  /** The text part was sent as format=flowed (RFC 3676) and is given here with its soft line breaks. */
  flowed?: boolean;
}

/**
 * Returns what the person wrote in this reply: the plain-text part when it has words, else the HTML part as text.
 * Quoted lines, quote headers ("On … wrote:" in many languages, dated Gmail lines), copied header blocks
 * ("From:/Sent:", "Date:", "От:"), "Original Message" rules and forwards go, wherever the person wrote (above,
 * below or between the quotes); then a signature at the end ("-- ", "Sent from my iPhone", "Thanks!\nName",
 * "-name", a contact block, a list footer). Every step reads each line a bounded number of times.
 * Empty when nothing of theirs is left.
 */
export function stripReply(body: ReplyBody): string {
  return tidy(stripSignature(ownLines(readableText(body).split('\n', MAX_REPLY_LINES))));
}

/** The whole message as text (the part stripReply reads), kept beside the reflection so nothing is lost. */
export function wholeMessageText(body: ReplyBody): string {
  return tidy(readableText(body).split('\n'));
}

/** The text part when it has words (soft line breaks undone), else the HTML part as text; at most MAX_REPLY_TEXT_CHARS. */
function readableText(body: ReplyBody): string {
  const text = body.text?.trim() ? body.text.slice(0, MAX_REPLY_TEXT_CHARS) : null;
  const source = text ? (body.flowed ? unflow(text) : text) : body.html?.trim() ? htmlToText(body.html.slice(0, MAX_REPLY_TEXT_CHARS * 2)) : '';
  return normalise(source.slice(0, MAX_REPLY_TEXT_CHARS));
}

function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\ufeff\u200b\u2060\u1427]/g, '')
    .replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * Undoes RFC 3676 soft line breaks: a line ending in a space continues on the next line only when both have the
 * same quote depth (a reply under a quoted line is never glued onto it); space-stuffing is removed.
 */
export function unflow(text: string): string {
  const out: string[] = [];
  let open: { depth: number; text: string } | null = null;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    let depth = 0;
    while (depth < raw.length && raw[depth] === '>') depth += 1;
    let content = raw.substring(depth);
    if (content.startsWith(' ')) content = content.substring(1);
    if (open && open.depth === depth) open.text += content;
    else {
      if (open) out.push(quotePrefix(open.depth) + open.text);
      open = { depth, text: content };
    }
    const soft = content.endsWith(' ') && content !== '-- ';
    if (!soft) {
      out.push(quotePrefix(open.depth) + open.text);
      open = null;
    }
  }
  if (open) out.push(quotePrefix(open.depth) + open.text);
  return out.join('\n');
}

function quotePrefix(depth: number): string {
  return depth > 0 ? `${'>'.repeat(depth)} ` : '';
}

/** A quoted line: ">", or Supercite's initials before it ("C> ", "JD> "). */
const QUOTED = /^\s*(\p{Lu}{1,3})?>/u;
/** How many following lines an attribution may be wrapped over ("On …, Name <\naddress>\nwrote:"). */
const ATTRIBUTION_SPAN = 5;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** How many lines (1 to ATTRIBUTION_SPAN) the attribution starting at `index` takes; 0 when there is none. */
function attributionLength(lines: readonly string[], index: number): number {
  const first = lines[index]!;
  if (isAttribution(first)) return 1;
  if (!mayStartAttribution(first)) return 0;
  // A wrapped quote header names its date or address on its first line; "Am heutigen Tage" over one is the person's.
  if (!/\d|@/.test(first) && first.trim().split(/\s+/).length > 1) return 0;
  let joined = first.trim();
  for (let extra = 1; extra < ATTRIBUTION_SPAN && index + extra < lines.length; extra += 1) {
    const next = lines[index + extra]!.trim();
    // Polymail wraps its address as "<\nmailto:Name <a@b>\n> wrote:", Gmail as "<a@b\n>:": that ">" closes the address.
    if (next.length > MAX_PATTERN_LINE || (QUOTED.test(next) && !/^>\s?(wrote)?:$/.test(next))) return 0;
    // A blank line inside a wrap follows an unfinished line (Polymail: "… John Smith\n\n<\nmailto:…"); after a
    // finished sentence ("On friday it didn't work.") the paragraph is the person's, whatever "wrote:" comes later.
    if (!next) {
      if (/[.!?]$/.test(joined)) return 0;
      continue;
    }
    if (endsSentence(joined)) return 0;
    joined = `${joined} ${next}`;
    if (joined.length > MAX_PATTERN_LINE) return 0;
    if (isAttribution(joined)) return extra + 1;
  }
  return 0;
}

/** True when `text` ends a sentence ("… let you know then...", "… it!"), which a wrapped quote header never does
 * ("… Fr., 28." and "16 aug." end in a date). */
function endsSentence(text: string): boolean {
  const words = text.split(' ');
  const last = words[words.length - 1]!;
  if (/[!?]$/.test(last)) return true;
  return /^\p{Ll}{3,}(\.|\.\.\.)$/u.test(last) && !/^\d/.test(words[words.length - 2] ?? '');
}

/** A header line of a kind not listed ("Risposta: …", "Reply-To: …") inside a copied block. */
const OTHER_HEADER = /^\*{0,2}\p{L}[\p{L}-]{1,24}\*{0,2}:\*{0,2}\s/u;

/** True when a copied header block (two header lines within HEADER_WINDOW lines, or a lone "From:" with an
 * address) starts at `index`. */
function startsHeaderBlock(lines: readonly string[], index: number): boolean {
  const name = headerName(lines[index]!);
  if (!name) return false;
  for (let next = index + 1; next < lines.length && next <= index + HEADER_WINDOW; next += 1) {
    const other = headerName(lines[next]!);
    if (other && other !== name) return true;
    // "From: foo\nBar baz." is the person's line, not a copy: a header block's lines follow each other.
    if (!other && !isBlank(lines[next]!) && !OTHER_HEADER.test(lines[next]!.trim())) break;
  }
  // A lone "From: someone@example.com" with nothing but a copy after it (talon's link case).
  return /^\*{0,2}(from|von|de|от|van|fra|från)\b/i.test(lines[index]!.trim()) && /@/.test(lines[index]!);
}

/** Unquoted lines inside a quote that are the rest of a wrapped link, not an answer ("_nonce=3dd518)"). */
function isQuoteContinuation(line: string): boolean {
  const text = line.trim();
  return /https?:\/\//.test(text) || (text.length > 0 && !/\s/.test(text) && /[=)/]/.test(text));
}

/** A line starting in lower case right under a long quoted line: the end of that line, wrapped by a client. */
function isWrappedQuoteEnd(above: string, line: string): boolean {
  return QUOTED.test(above) && above.length >= 50 && /^\p{Ll}/u.test(line.trim());
}

/**
 * The person's lines: everything not quoted, not an attribution and not below a copied original. Text above, below
 * or between quoted blocks is kept; after an unquoted copy (an attribution followed by plain lines, a header block,
 * an "Original Message" rule) nothing more is theirs.
 */
function ownLines(lines: readonly string[]): string[] {
  const own: string[] = [];
  // Whether the person has written anything yet: what opens a message (a banner, its own header block, a forward, an
  // attribution over plain lines) is read differently from what follows their words.
  let written = false;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (QUOTED.test(line)) {
      index = afterQuotedLine(lines, index);
      continue;
    }
    if (isBlank(line)) {
      own.push('');
      index += 1;
      continue;
    }
    const before = textBeforeAttribution(line);
    const span = before === null ? attributionLength(lines, index) : 1;
    if (span > 0) {
      if (before) {
        own.push(before);
        written = true;
      }
      let next = index + span;
      while (next < lines.length && isBlank(lines[next]!)) next += 1;
      // An attribution over ">" lines starts a quote; over plain lines, a copy that runs to the end, unless nothing of
      // the person's came before it: then they wrote under it (a bottom-posted reply, Gmail's unquoted reply).
      if ((next < lines.length && QUOTED.test(lines[next]!)) || !written) {
        index = next;
        continue;
      }
      break;
    }
    if (!written) {
      const opening = afterOpening(lines, index);
      if (opening > index) {
        index = opening;
        continue;
      }
    }
    if (isSeparator(line) || startsHeaderBlock(lines, index)) break;
    // A phone's "Sent from my iPhone" under the person's words: below it is the message they answered.
    if (written && isMobileSignature(line) && hasWords(lines.slice(index + 1, index + 40))) break;
    own.push(line);
    written = true;
    index += 1;
  }
  return dropTrailingRules(own);
}

/** The line after a quoted line, past a wrapped link's tail or a wrapped line's end that lost its ">" (both the quote's). */
function afterQuotedLine(lines: readonly string[], index: number): number {
  let next = index + 1;
  while (next < lines.length && !QUOTED.test(lines[next]!) && isQuoteTail(lines, next) && nextIsQuoted(lines, next + 1)) next += 1;
  return next;
}

/** "_nonce=3dd518)" between quoted lines, or "ignissim odio?" under "> … Nullam pharetra d" and over ">". */
function isQuoteTail(lines: readonly string[], index: number): boolean {
  return isQuoteContinuation(lines[index]!) || (isWrappedQuoteEnd(lines[index - 1]!, lines[index]!) && QUOTED.test(lines[index + 1] ?? ''));
}

/**
 * Before the person has written anything, what opens a message and is not theirs: a mail system's external-sender
 * banner, the message's own copied header block (a pasted or forwarded message: its body is what was sent), or a
 * forward's separator and header block. Returns the line after it, or `index` when none is there.
 */
function afterOpening(lines: readonly string[], index: number): number {
  const line = lines[index]!;
  if (line.length <= MAX_PATTERN_LINE && EXTERNAL_BANNER.test(line.trim())) return index + 1;
  if (startsHeaderBlock(lines, index)) return afterHeaderBlock(lines, index);
  if (isForwardSeparator(line)) return afterHeaderBlock(lines, index + 1);
  return index;
}

function hasWords(lines: readonly string[]): boolean {
  return lines.some((line) => !isBlank(line));
}

/** The first line after a copied header block (its header lines and their wrapped values) starting at `from`. */
function afterHeaderBlock(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && isBlank(lines[index]!)) index += 1;
  while (index < lines.length && !isBlank(lines[index]!) && index - from < HEADER_WINDOW * 2) index += 1;
  return index;
}

function nextIsQuoted(lines: readonly string[], from: number): boolean {
  for (let index = from; index < lines.length && index < from + 3; index += 1) {
    if (QUOTED.test(lines[index]!)) return true;
    if (!isBlank(lines[index]!)) return false;
  }
  return false;
}

/** Outlook draws a rule of underscores above a copied header block; a rule left at the end is not the person's. */
function dropTrailingRules(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && /^\s*([-_=*#~+]{2,}|)\s*$/.test(lines[end - 1]!)) end -= 1;
  return end === lines.length ? lines : lines.slice(0, end);
}

function tidy(lines: readonly string[]): string {
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
