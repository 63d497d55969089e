// Pure: times as a subscriber reads them, in their convention and with their place ("8:00 a.m., New York time").

/**
 * Zones whose people mostly write the 12-hour clock (the US, Canada, Mexico and Central America, Australia,
 * New Zealand, South Asia, the Philippines); everywhere else reads the 24-hour clock. A zone id says where,
 * not who: this is the best guess the product has, and it only changes how an hour is written.
 */
const TWELVE_HOUR_ZONES = [
  /^America\/(?!(Sao_Paulo|Argentina|Buenos_Aires|Santiago|Montevideo|Asuncion|Lima|Caracas|La_Paz|Havana|Bahia|Belem|Fortaleza|Recife|Manaus|Noronha|Cuiaba|Campo_Grande|Porto_Velho|Boa_Vista|Rio_Branco|Araguaina|Maceio|Santarem|Eirunepe|Punta_Arenas|Cayenne|Paramaribo|Martinique|Guadeloupe|Miquelon|Nuuk|Godthab|Scoresbysund|Danmarkshavn|Thule)\b)/,
  /^(US|Canada|Australia)\//,
  /^Pacific\/(Auckland|Chatham|Honolulu|Guam|Saipan|Pago_Pago)$/,
  /^Asia\/(Kolkata|Calcutta|Karachi|Dhaka|Manila|Colombo|Kathmandu)$/,
  /^(NZ|Navajo)$/,
];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, twelveHour: boolean, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${twelveHour}|${withDate}`;
  let found = formatters.get(key);
  if (!found) {
    found = withDate
      ? new Intl.DateTimeFormat(twelveHour ? 'en-US' : 'en-GB', { timeZone, day: 'numeric', month: 'long' })
      : new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: twelveHour ? 'h12' : 'h23' });
    formatters.set(key, found);
  }
  return found;
}

/** True when people in `timeZone` mostly read the 12-hour clock. */
export function usesTwelveHourClock(timeZone: string): boolean {
  return TWELVE_HOUR_ZONES.some((pattern) => pattern.test(timeZone));
}

/** The clock time of `instant` in `timeZone`, in that zone's convention: "8:00 a.m.", "12:30 p.m." or "20:00". */
export function formatClock(instant: number, timeZone: string): string {
  const twelveHour = usesTwelveHourClock(timeZone);
  const parts = formatter(timeZone, twelveHour, false).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const minute = part('minute');
  if (!twelveHour) return `${part('hour').padStart(2, '0')}:${minute}`;
  return `${part('hour')}:${minute} ${part('dayPeriod').toUpperCase() === 'PM' ? 'p.m.' : 'a.m.'}`;
}

/** Where a time is read: "New York time" for America/New_York, "UTC" for UTC and fixed-offset zones. */
export function placeOfZone(timeZone: string): string {
  const segments = timeZone.split('/');
  if (segments.length < 2 || segments[0] === 'Etc') return timeZone.replace(/^Etc\//, '');
  return `${segments[segments.length - 1]!.replace(/_/g, ' ')} time`;
}

/** The clock time and its place: "8:00 a.m., New York time", "20:00, London time", "08:00 UTC". */
export function formatLocalTime(instant: number, timeZone: string): string {
  const place = placeOfZone(timeZone);
  const separator = place.endsWith(' time') ? ', ' : ' ';
  return `${formatClock(instant, timeZone)}${separator}${place}`;
}

/** A send hour as a choice in a form, in the zone's convention with no place: 8 → "8:00 a.m." or "08:00". */
export function formatSendHour(hour: number, timeZone: string): string {
  return formatHourOfDay(hour, usesTwelveHourClock(timeZone));
}

/** An hour of the day on the 12-hour clock ("8:00 a.m.") or the 24-hour clock ("08:00"). */
export function formatHourOfDay(hour: number, twelveHour: boolean): string {
  if (!twelveHour) return `${String(hour).padStart(2, '0')}:00`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:00 ${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

/** A send hour with its place, as a sentence needs it: "8:00 a.m., New York time". */
export function formatSendHourWithPlace(hour: number, timeZone: string): string {
  const place = placeOfZone(timeZone);
  return `${formatSendHour(hour, timeZone)}${place.endsWith(' time') ? ', ' : ' '}${place}`;
}

/** The local date of `instant` in the zone's convention, without the year: "December 3" or "3 December". */
export function formatDayAndMonth(instant: number, timeZone: string): string {
  return formatter(timeZone, usesTwelveHourClock(timeZone), true).format(instant);
}
