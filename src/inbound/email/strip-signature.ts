// Pure: the signature under a person's words ("-- ", "Sent from my iPhone", "Thanks!\nRoman", a contact block) cut off.
import { CONTACT_DETAIL, DISCLAIMER, LIST_FOOTER, isClosing, isDashName, isMobileSignature, isRegardsClosing, isSignatureDelimiter } from './reply-patterns';

/** A signature is found only among the last lines: this many non-blank ones at most. */
const TAIL_LINES = 12;
/** At most this many lines are taken from the end one by one (a stack of apps' lines, a sign-off, a contact block). */
const MAX_SIGNATURE_LINES = 40;
/** How far up from the end a legal notice or a closing over a rule is looked for (non-blank lines). */
const NOTICE_LINES = 30;
/** A phone number, an address or a link: a line of them ("P: 0113 496 0000 | M: …") may have many words. */
const REACHABLE = /\d[\d\s().-]{6,}\d|[^\s@]+@[^\s@]+\.[a-z]{2,}|https?:\/\/|www\./i;
/** Lines of a signature or contact block are short. */
const SIGNATURE_LINE = 72;

/**
 * Removes a signature from the end of `lines` (the person's words, quotes already gone): a delimiter ("-- ", "--",
 * "---", a rule of underscores) and what follows it, a closing line on its own ("Thanks!", "Kind regards,") with
 * only short lines under it, a dash-signed name ("-roman"), a phone or mail app's line ("Sent from my iPhone",
 * BlackBerry network footers), a contact block (name, title, phone, link) and a mailing-list footer. The first
 * line is never taken: a message that is only "Thanks!" stays. When in doubt, the words stay.
 */
export function stripSignature(lines: readonly string[]): string[] {
  let end = trimEnd(lines, lines.length);
  const first = firstContent(lines);
  if (first < 0) return [];
  end = cutAtDisclaimer(lines, first, end);
  end = cutAtClosingOverRule(lines, first, end);
  end = cutAtDelimiter(lines, first, end);
  for (let round = 0; round < MAX_SIGNATURE_LINES; round += 1) {
    const before = end;
    end = trimEnd(lines, end);
    const last = end - 1;
    if (last < first) break;
    const line = lines[last]!;
    // A phone's "Sent from my iPhone" is never the person's words, even alone; anything else needs words above it.
    if (isMobileSignature(line)) {
      end = last;
      continue;
    }
    if (last === first) break;
    if (isDashName(line) && !/^\s*-\s/.test(lines[previousContent(lines, last)] ?? '')) {
      end = last;
      continue;
    }
    // "Kind regards" or "Med venlig hilsen / Kind regards" closing the message, with no name under it.
    if (isRegardsClosing(line)) {
      end = last;
      continue;
    }
    end = cutSignOff(lines, first, end);
    if (end === before) end = cutContactBlock(lines, first, end);
    if (end === before) break;
  }
  return lines.slice(0, trimEnd(lines, end));
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

function trimEnd(lines: readonly string[], end: number): number {
  while (end > 0 && isBlank(lines[end - 1])) end -= 1;
  return end;
}

function firstContent(lines: readonly string[]): number {
  return lines.findIndex((line) => !isBlank(line));
}

function previousContent(lines: readonly string[], index: number): number {
  let at = index - 1;
  while (at >= 0 && isBlank(lines[at])) at -= 1;
  return at;
}

/** The indexes of the last `count` non-blank lines before `end`, oldest first. */
function tail(lines: readonly string[], end: number, count: number): number[] {
  const found: number[] = [];
  for (let at = end - 1; at >= 0 && found.length < count; at -= 1) if (!isBlank(lines[at])) found.push(at);
  return found.reverse();
}

/**
 * A legal notice among the last lines and all below it: a paragraph of twenty words or more opening like one ("This
 * message … is intended solely for …"), or a "Disclaimer" heading. A person's "This email is confidential." stays.
 */
function cutAtDisclaimer(lines: readonly string[], first: number, end: number): number {
  for (const at of tail(lines, end, NOTICE_LINES)) {
    const text = lines[at]!.trim();
    if (at <= first || text.length > 2000 || !DISCLAIMER.test(text)) continue;
    if (/^(disclaimer|confidentiality notice|legal notice)\b/i.test(text) || paragraphWords(lines, at) >= 20) return at;
  }
  return end;
}

/** How many words the paragraph starting at `at` has (at most NOTICE_LINES lines are read). */
function paragraphWords(lines: readonly string[], at: number): number {
  let words = 0;
  for (let index = at; index < lines.length && index < at + NOTICE_LINES && !isBlank(lines[index]); index++) words += lines[index]!.trim().split(/\s+/).length;
  return words;
}

/** "Thanks,\n_____\nName, title, phone, notices …": a closing right over a rule starts the signature, however long. */
function cutAtClosingOverRule(lines: readonly string[], first: number, end: number): number {
  for (const at of tail(lines, end, NOTICE_LINES)) {
    if (at <= first || !isSignatureDelimiter(lines[at]!)) continue;
    const closing = previousContent(lines, at);
    if (closing > first && isClosing(lines[closing]!)) return closing;
  }
  return end;
}

/** A delimiter line among the last lines, with only signature-like lines (or a list footer) below it. */
function cutAtDelimiter(lines: readonly string[], first: number, end: number): number {
  const candidates = tail(lines, end, TAIL_LINES + 1);
  for (const at of candidates) {
    if (at <= first || !isSignatureDelimiter(lines[at]!)) continue;
    const below = candidates.filter((index) => index > at);
    const footer = below.some((index) => LIST_FOOTER.test(lines[index]!));
    if (footer || below.every((index) => lines[index]!.trim().length <= SIGNATURE_LINE || isMobileSignature(lines[index]!))) return at;
  }
  return end;
}

/** "Thanks!\nRoman", "Best regards,\n\nAna Silva\nCounsellor": a closing line with at most a few short lines under it. */
function cutSignOff(lines: readonly string[], first: number, end: number): number {
  const candidates = tail(lines, end, 6);
  for (const at of candidates) {
    if (at <= first || !isClosing(lines[at]!)) continue;
    const below = candidates.filter((index) => index > at);
    if (below.length === 0) continue;
    if (below.every((index) => isSignatureLike(lines[index]!))) return at;
  }
  return end;
}

/** A name, or a name and title: "Ana Silva", "Jim Smith | Enrollment Manager", "James Public, Lever Manager". */
const NAME_LINE = /^[\p{L}'.-]+(\s(\||[\p{L}'.,-]+)){0,6}$/u;

/**
 * A last paragraph of 2-6 short lines that names a person and gives a phone, address, link or title; or a paragraph of
 * such details under a paragraph of one or two lines that names the person ("James Public, Lever Manager\n\n46 …
 * Street\nP: 800-555-1234 | C: …").
 */
function cutContactBlock(lines: readonly string[], first: number, end: number): number {
  const start = paragraphStart(lines, end, 6);
  const block = lines.slice(start, end);
  if (start <= first || block.length < 1 || block.length > 6) return end;
  if (!block.every(isSignatureLike) || !block.some((line) => CONTACT_DETAIL.test(line))) return end;
  if (block.length >= 2 && (LIST_FOOTER.test(block.join(' ')) || NAME_LINE.test(block[0]!.trim()))) return start;
  // The details alone (one line of them, or several with one at least): the name may be the paragraph above.
  if (block.length === 1 && !CONTACT_DETAIL.test(block[0]!)) return end;
  const nameEnd = previousContent(lines, start) + 1;
  const nameStart = paragraphStart(lines, nameEnd, 2);
  const names = lines.slice(nameStart, nameEnd);
  if (nameStart <= first || names.length === 0 || !names.every(isSignatureLike) || !NAME_LINE.test(names[0]!.trim())) return end;
  return nameStart;
}

/** Where the paragraph ending at `end` starts, if its lines are signature-like: at most `most` lines up. */
function paragraphStart(lines: readonly string[], end: number, most: number): number {
  let start = end;
  while (start > 0 && end - start < most && !isBlank(lines[start - 1]) && isSignatureLike(lines[start - 1]!)) start -= 1;
  return start;
}

/** Short, and not a sentence: no more than eight words (any number for a line of phones, addresses or links), not ending like one. */
function isSignatureLike(line: string): boolean {
  const text = line.trim();
  if (text.length > SIGNATURE_LINE || /[.?!]$/.test(text.replace(/\b(Inc|Ltd|Co|Jr|Sr|Dr|Corp)\.$/, 'x'))) return false;
  return text.split(/\s+/).length <= 8 || REACHABLE.test(text);
}
