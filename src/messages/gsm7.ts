// GSM 03.38 alphabet, smart encoding of typographic characters into it, and exact SMS segment counting.

/**
 * The GSM 03.38 default alphabet in code order (0x00..0x7F). Position 0x1B is the escape to the
 * extension table, not a character, so it holds a placeholder that is skipped.
 */
const BASIC_ALPHABET_IN_CODE_ORDER =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ' +
  ' !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmnopqrstuvwxyzäöñüà';

const ESCAPE_CODE = 0x1b;

/** Character → its one-septet code in the basic table. */
export const GSM7_BASIC: ReadonlyMap<string, number> = new Map(
  [...BASIC_ALPHABET_IN_CODE_ORDER]
    .map((char, code) => [char, code] as const)
    .filter(([, code]) => code !== ESCAPE_CODE),
);

/** Character → its code in the extension table; on the air it is ESC (0x1B) then this code: two septets. */
export const GSM7_EXTENSION: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

/**
 * Look-alikes and typographic characters, grouped by the GSM-7 text that replaces them.
 * Spaces of every width (and the C1 controls that render as one) become a single space, and a tab
 * becomes one space too: wider replacements only cost septets. The single angle quotation marks
 * keep their own direction (‹ → <, › → >).
 */
const SMART_REPLACEMENTS: ReadonlyArray<readonly [replacement: string, characters: string]> = [
  ['"', '\u00ab\u00bb\u201c\u201d\u02ba\u02ee\u201f\u201e\u275d\u275e\u301d\u301e\uff02'],
  ["'", '\u2018\u2019\u02bb\u02c8\u02bc\u02bd\u02b9\u201b\uff07\u00b4\u02ca\u0060\u02cb\u275b\u275c\u0313\u0314\ufe10\ufe11'],
  ['-', '\u2013\u2014\u2015\u2010\u2043\u2022\u23bc\u23bd\ufe63\uff0d'],
  ['...', '\u2026'],
  [' ', '\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u2028\u2029\t'],
  [' ', '\u0080\u008d\u0090\u009b\u009f'],
  ['', '\u0000\u0003\u0004\u0010\u0011\u0012\u0013\u0014\u0017\u0019\u200b\u2060\ufeff'],
  ['/', '\u00f7\u29f8\u0337\u0338\u2044\u2215\uff0f'],
  ['\\', '\u29f9\u29f5\u20e5\ufe68\uff3c'],
  ['1/4', '\u00bc'],
  ['1/2', '\u00bd'],
  ['3/4', '\u00be'],
  ['_', '\u0332\uff3f\u2017'],
  ['|', '\u20d2\u20d3\u2223\uff5c\u23b8\u23b9\u23d0\u239c\u239f'],
  ['@', '\ufe6b\uff20'],
  ['$', '\ufe69\uff04'],
  ['!', '\u01c3\ufe15\ufe57\uff01'],
  ['!!', '\u203c'],
  ['#', '\ufe5f\uff03'],
  ['%', '\ufe6a\uff05'],
  ['&', '\ufe60\uff06'],
  [',', '\u201a\u0326\ufe50\ufe51\uff0c\uff64\u3001'],
  ['(', '\u2768\u276a\ufe59\uff08\u27ee\u2985'],
  [')', '\u2769\u276b\ufe5a\uff09\u27ef\u2986'],
  [
    '*',
    '\u204e\u2217\u229b\u2722\u2723\u2724\u2725\u2731\u2732\u2733\u273a\u273b\u273c\u273d\u2743\u2749\u274a\u274b\u29c6\ufe61\uff0a',
  ],
  ['+', '\u02d6\ufe62\uff0b'],
  ['.', '\u3002\ufe52\uff0e\uff61'],
  [':', '\u02d0\u02f8\u2982\ua789\ufe13\uff1a'],
  [';', '\u204f\ufe14\ufe54\uff1b'],
  ['<', '\ufe64\uff1c\u2039'],
  ['>', '\ufe65\uff1e\u203a'],
  ['=', '\u0347\ua78a\ufe66\uff1d'],
  ['?', '\ufe16\ufe56\uff1f'],
  ['^', '\u02c6\u0302\uff3e\u1dcd'],
  ['{', '\u2774\ufe5b\uff5b'],
  ['}', '\u2775\ufe5c\uff5d'],
  ['[', '\uff3b'],
  [']', '\uff3d'],
  ['~', '\u02dc\u02f7\u0303\u0330\u0334\u223c\uff5e'],
  // Small capitals; fullwidth letters and digits reach plain ASCII through compatibility decomposition.
  ['A', '\u1d00'],
  ['B', '\u0299'],
  ['C', '\u1d04'],
  ['D', '\u1d05'],
  ['E', '\u1d07'],
  ['F', '\ua730'],
  ['G', '\u0262'],
  ['H', '\u029c'],
  ['I', '\u026a'],
  ['J', '\u1d0a'],
  ['K', '\u1d0b'],
  ['L', '\u029f'],
  ['M', '\u1d0d'],
  ['N', '\u0274'],
  ['O', '\u1d0f'],
  ['P', '\u1d18'],
  ['R', '\u0280'],
  ['S', '\ua731'],
  ['T', '\u1d1b'],
  ['U', '\u1d1c'],
  ['V', '\u1d20'],
  ['W', '\u1d21'],
  ['Y', '\u028f'],
  ['Z', '\u1d22'],
];

/** Character → the GSM-7 text that stands in for it (possibly empty, possibly several characters). */
export const SMART_ENCODING: ReadonlyMap<string, string> = new Map(
  SMART_REPLACEMENTS.flatMap(([replacement, characters]) =>
    [...characters].map((char) => [char, replacement] as const),
  ),
);

const COMBINING_MARK = /^\p{M}$/u;

/** True when `char` (one code point) is in the basic or the extension table. */
function isGsm7Char(char: string): boolean {
  return GSM7_BASIC.has(char) || GSM7_EXTENSION.has(char);
}

/** True when every character of `text` can be sent as GSM-7 (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (!isGsm7Char(char)) return false;
  }
  return true;
}

/** What a character outside both tables and the smart map becomes: its GSM-7 parts after compatibility decomposition, accents dropped. */
function fallbackFor(char: string): string {
  let result = '';
  for (const part of char.normalize('NFKD')) {
    if (isGsm7Char(part)) result += part;
    else if (!COMBINING_MARK.test(part)) result += SMART_ENCODING.get(part) ?? '';
  }
  return result;
}

/**
 * Rewrites `text` so that it is GSM-7 only (`isGsm7` holds for the result). The text is first
 * composed (NFC), so a letter typed with a separate accent keeps its GSM-7 form ("e" + U+0301 → "é").
 * Each character then stays if GSM-7; else it takes its smart-encoding replacement (curly quotes →
 * straight, dashes → "-", "…" → "...", any space → " ", ...); else the fallback applies: the GSM-7
 * parts of its compatibility decomposition with accents removed ("ç" → "c", "ﬁ" → "fi", "™" → "TM",
 * "Ｆ" → "F"). A character with no such parts (emoji, most non-Latin scripts) is dropped.
 */
export function toGsm7(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (isGsm7Char(char)) result += char;
    else result += SMART_ENCODING.get(char) ?? fallbackFor(char);
  }
  return result;
}

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** GSM-7: septets (an extension character counts 2). UCS-2: UTF-16 code units. */
  units: number;
  segments: number;
}

const SEGMENT_LIMITS: Record<SmsEncoding, { single: number; concatenated: number }> = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
};

/**
 * Counts the segments `text` takes when sent exactly as given (no smart encoding applied).
 * GSM-7 when every character is in the GSM-7 tables, otherwise UCS-2. A message that fits in one
 * segment (160 septets / 70 code units) is one segment; a longer one is split the way an encoder
 * does it, 153 septets / 67 code units a segment, never splitting an escape + extension character
 * pair or a UTF-16 surrogate pair, so such a character at a boundary starts the next segment.
 * Empty text is zero segments.
 */
export function countSegments(text: string): SegmentCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const sizes = [...text].map((char) =>
    encoding === 'GSM-7' ? (GSM7_EXTENSION.has(char) ? 2 : 1) : char.length,
  );
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const limits = SEGMENT_LIMITS[encoding];
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= limits.single) return { encoding, units, segments: 1 };

  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limits.concatenated) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments };
}
