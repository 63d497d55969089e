// Pure: instants written as dates a person reads, in their own time zone ("3 March 2026", "3 March 2026 at 20:15").
import { toLocal } from '../schedule/local-time';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local calendar date of `instant` in `timeZone`, e.g. "3 March 2026". */
export function formatLocalDate(instant: number, timeZone: string): string {
  return dateFormatter(timeZone).format(instant);
}

/** The local date and 24-hour time of `instant` in `timeZone`, e.g. "3 March 2026 at 20:15". */
export function formatLocalDateTime(instant: number, timeZone: string): string {
  const { hour, minute } = toLocal(instant, timeZone);
  return `${formatLocalDate(instant, timeZone)} at ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** An hour of the day as the forms show it: 8 → "8:00". */
export function formatHour(hour: number): string {
  return `${hour}:00`;
}
