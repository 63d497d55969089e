// The CSV encoder writes RFC 4180 records and keeps spreadsheet formulas from running.
import { describe, expect, it } from 'vitest';
import { encodeCsvCell, encodeCsvRow } from '../../src/admin/csv';

describe('encodeCsvCell', () => {
  it('leaves plain text and numbers as they are, and writes nothing for null or undefined', () => {
    expect(encodeCsvCell('Europe/Paris')).toBe('Europe/Paris');
    expect(encodeCsvCell(9)).toBe('9');
    expect(encodeCsvCell(0)).toBe('0');
    expect(encodeCsvCell(null)).toBe('');
    expect(encodeCsvCell(undefined)).toBe('');
    expect(encodeCsvCell('')).toBe('');
  });

  it('quotes a cell holding a comma, a double quote, CR or LF, and doubles its quotes', () => {
    expect(encodeCsvCell('a,b')).toBe('"a,b"');
    expect(encodeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(encodeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(encodeCsvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(encodeCsvCell('"')).toBe('""""');
  });

  it("puts a ' before text a spreadsheet would run as a formula", () => {
    expect(encodeCsvCell('=1+2')).toBe("'=1+2");
    expect(encodeCsvCell('+14155550123')).toBe("'+14155550123");
    expect(encodeCsvCell('-2')).toBe("'-2");
    expect(encodeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(encodeCsvCell('\t=cmd')).toBe("'\t=cmd");
    expect(encodeCsvCell('\r=cmd')).toBe(`"'\r=cmd"`);
    expect(encodeCsvCell('a=b')).toBe('a=b');
  });

  it('defuses a formula first, then quotes what needs quoting', () => {
    expect(encodeCsvCell('=HYPERLINK("http://x","a, b")')).toBe(`"'=HYPERLINK(""http://x"",""a, b"")"`);
  });

  it('writes numbers as numbers, not as guarded text', () => {
    expect(encodeCsvCell(-3)).toBe('-3');
    expect(encodeCsvCell(Number.NaN)).toBe('');
  });
});

describe('encodeCsvRow', () => {
  it('joins the cells with commas and ends the record with CRLF', () => {
    expect(encodeCsvRow(['id', 'a,b', null, 7, '=x'])).toBe(`id,"a,b",,7,'=x\r\n`);
    expect(encodeCsvRow([])).toBe('\r\n');
  });
});
