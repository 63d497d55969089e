// The GSM-7 tables agree with the published test data, smart encoding covers its whole map, and segments split like an encoder.
import { describe, expect, it } from 'vitest';
import fixture from '../fixtures/specs/sms-gsm7-smart-encoding.json';
import { GSM7_BASIC, GSM7_EXTENSION, SMART_ENCODING, countSegments, isGsm7, toGsm7 } from '../../src/messages/gsm7';

const hex = (code: string) => Number.parseInt(code, 16);

/**
 * Where we replace differently from the test data, and why: a space of any width is one space
 * (two, or seven for a tab, only cost septets), and the single angle quotation marks keep their
 * direction (the data swaps them).
 */
const DELIBERATE_DIFFERENCES: Record<string, string> = {
  ...Object.fromEntries(
    [
      'U+00A0', 'U+2000', 'U+2002', 'U+2003', 'U+2004', 'U+2005', 'U+2006', 'U+2007', 'U+2008',
      'U+2009', 'U+200A', 'U+202F', 'U+205F', 'U+3000', 'U+008D', 'U+009F', 'U+0080', 'U+0090',
      'U+009B', 'U+0009',
    ].map((codePoint) => [codePoint, ' ']),
  ),
  'U+2039': '<',
  'U+203A': '>',
};

const smartEntries = Object.entries(fixture.smart_encoding_map);

describe('GSM 03.38 tables', () => {
  it('has exactly the basic characters of the test data, each at its code', () => {
    const expected = new Map(fixture.gsm7_basic.map((entry) => [entry.char, hex(entry.gsm[0]!)]));
    expect(GSM7_BASIC.size).toBe(127);
    expect(new Map(GSM7_BASIC)).toEqual(expected);
  });

  it('has exactly the extension characters of the test data, each as ESC + its code', () => {
    for (const entry of fixture.gsm7_extension) expect(entry.gsm[0]).toBe('0x1B');
    const expected = new Map(fixture.gsm7_extension.map((entry) => [entry.char, hex(entry.gsm[1]!)]));
    expect(new Map(GSM7_EXTENSION)).toEqual(expected);
  });

  it('states the segment sizes the counter uses', () => {
    expect(fixture.segment_sizes['GSM-7']).toEqual({ single: 160, concatenated_per_segment: 153 });
    expect(fixture.segment_sizes['UCS-2']).toEqual({ single: 70, concatenated_per_segment: 67 });
  });
});

describe('isGsm7', () => {
  it('accepts every basic and extension character', () => {
    const all = [...fixture.gsm7_basic, ...fixture.gsm7_extension].map((entry) => entry.char).join('');
    expect(isGsm7(all)).toBe(true);
  });

  it.each([
    ['curly quote', 'it\u2019s'],
    ['em dash', 'a \u2014 b'],
    ['emoji', 'hi \u{1F600}'],
    ['lowercase c cedilla', '\u00e7a'],
    ['the escape code itself', '\u001b'],
    ['backtick', '`'],
  ])('rejects a %s', (_name, text) => {
    expect(isGsm7(text)).toBe(false);
  });
});

describe('toGsm7', () => {
  it('covers every entry of the smart-encoding map', () => {
    expect(smartEntries.length).toBe(270);
    for (const [codePoint, entry] of smartEntries) {
      expect(`U+${entry.from.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).toBe(codePoint);
      const expected = DELIBERATE_DIFFERENCES[codePoint] ?? entry.to;
      expect(toGsm7(entry.from), `${codePoint} ${entry.name}`).toBe(expected);
    }
  });

  it('replaces mid-sentence, not only alone', () => {
    for (const [codePoint, entry] of smartEntries) {
      const expected = DELIBERATE_DIFFERENCES[codePoint] ?? entry.to;
      expect(toGsm7(`x${entry.from}y`), `${codePoint} ${entry.name}`).toBe(`x${expected}y`);
    }
  });

  it('keeps every entry of the map as a replacement that is itself GSM-7', () => {
    for (const [char, replacement] of SMART_ENCODING) {
      expect(isGsm7(char), `U+${char.codePointAt(0)!.toString(16)}`).toBe(false);
      expect(isGsm7(replacement)).toBe(true);
    }
  });

  it('rewrites typographic punctuation the way a reader expects', () => {
    expect(toGsm7('\u201cIt\u2019s fine,\u201d she said \u2014 and meant it\u2026 2\u20133 days')).toBe(
      '"It\'s fine," she said - and meant it... 2-3 days',
    );
  });

  it('leaves GSM-7 text untouched, extension characters included', () => {
    const all = [...GSM7_BASIC.keys(), ...GSM7_EXTENSION.keys()].join('');
    expect(toGsm7(all)).toBe(all);
  });

  it('composes a separate accent into its GSM-7 letter', () => {
    expect(toGsm7('cafe\u0301')).toBe('caf\u00e9');
  });

  it('falls back to the unaccented letter or the compatibility form', () => {
    expect(toGsm7('na\u00efve gar\u00e7on \u00e2')).toBe('naive garcon a');
    expect(toGsm7('\ufb01ne\u2122 \uff26\uff55\uff4c\uff4c')).toBe('fineTM Full');
    expect(toGsm7('\u2153 cup')).toBe('1/3 cup');
  });

  it('drops characters with no GSM-7 form, emoji included', () => {
    expect(toGsm7('thank you \u{1F64F}\u{1F3FD}')).toBe('thank you ');
    expect(toGsm7('love \u2764\ufe0f!')).toBe('love !');
    expect(toGsm7('\u0434\u0430')).toBe('');
  });

  it('always produces GSM-7, whatever the input character', () => {
    const offenders: string[] = [];
    for (let code = 0; code <= 0x2ffff; code += code < 0x10000 ? 1 : 7) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!isGsm7(toGsm7(`a${char}b`))) offenders.push(code.toString(16));
    }
    expect(offenders).toEqual([]);
  });
});

describe('countSegments', () => {
  const gsm = (n: number) => 'a'.repeat(n);
  const ucs = (n: number) => '\u0436'.repeat(n);
  const emoji = '\u{1F600}';

  it.each([
    ['empty text', '', 'GSM-7', 0, 0],
    ['160 GSM-7 characters', gsm(160), 'GSM-7', 160, 1],
    ['161 GSM-7 characters', gsm(161), 'GSM-7', 161, 2],
    ['153 * 2 GSM-7 characters', gsm(306), 'GSM-7', 306, 2],
    ['153 * 2 + 1 GSM-7 characters', gsm(307), 'GSM-7', 307, 3],
    ['80 euro signs (160 septets)', '\u20ac'.repeat(80), 'GSM-7', 160, 1],
    ['159 characters and one extension character', `${gsm(159)}[`, 'GSM-7', 161, 2],
    ['70 UCS-2 characters', ucs(70), 'UCS-2', 70, 1],
    ['71 UCS-2 characters', ucs(71), 'UCS-2', 71, 2],
    ['67 * 2 UCS-2 characters', ucs(134), 'UCS-2', 134, 2],
    ['67 * 2 + 1 UCS-2 characters', ucs(135), 'UCS-2', 135, 3],
    ['35 emoji (70 code units)', emoji.repeat(35), 'UCS-2', 70, 1],
    ['36 emoji (72 code units)', emoji.repeat(36), 'UCS-2', 72, 2],
    ['one emoji in GSM-7 text', `${gsm(69)}${emoji}`, 'UCS-2', 71, 2],
  ])('counts %s', (_name, text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });

  it('moves an extension character that would straddle a boundary into the next segment', () => {
    // 152 + 2 + 152 = 306 septets: naive division says 2 segments, but the euro sign cannot
    // start in septet 153, so segment 2 holds 154 septets' worth and spills into a third.
    expect(countSegments(`${gsm(152)}\u20ac${gsm(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
    // With one character fewer after it, everything fits in two.
    expect(countSegments(`${gsm(152)}\u20ac${gsm(151)}`)).toEqual({ encoding: 'GSM-7', units: 305, segments: 2 });
    // An extension character that ends exactly at septet 153 is not moved.
    expect(countSegments(`${gsm(151)}\u20ac${gsm(153)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 2 });
  });

  it('moves a surrogate pair that would straddle a boundary into the next segment', () => {
    // 66 + 2 + 66 = 134 code units: the emoji cannot start at unit 67.
    expect(countSegments(`${ucs(66)}${emoji}${ucs(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
    expect(countSegments(`${ucs(65)}${emoji}${ucs(67)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 2 });
  });

  it('counts typographic text as UCS-2 until it is normalised', () => {
    const text = `\u201c${gsm(100)}\u201d`;
    expect(countSegments(text)).toEqual({ encoding: 'UCS-2', units: 102, segments: 2 });
    expect(countSegments(toGsm7(text))).toEqual({ encoding: 'GSM-7', units: 102, segments: 1 });
  });
});
