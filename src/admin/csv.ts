// A small RFC 4180 CSV encoder that also defuses spreadsheet formulas in text cells.

/** What a CSV cell can hold: text, a number, or nothing (an empty cell). */
export type CsvValue = string | number | null | undefined;

/** Line ending RFC 4180 prescribes. */
export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as CSV text. Null and undefined are empty; numbers are written as they are. Text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * `'`; then text holding a comma, a double quote, CR or LF is wrapped in double quotes with its
 * quotes doubled.
 */
export function encodeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record: the cells encoded, joined by commas, ended by CRLF. */
export function encodeCsvRow(cells: readonly CsvValue[]): string {
  return cells.map(encodeCsvCell).join(',') + CSV_LINE_END;
}
