// Pure scheduling of SPEC §4: when a subscriber's next step is due, given their zone, send hour, last step and now.
import { messagesFor } from '../i18n/messages';
import { formatDayAndMonth, formatLocalTime } from './format-time';
import { addDays, formatDateKey, localDateKey, startOfLocalHour, toLocal } from './local-time';

export interface SendingRhythm {
  timezone: string;
  sendHour: number;
  /** When the last step (1..30) of this cycle was sent, or null before Day 1. */
  lastStepSentAt: number | null;
}

/** SMS steps go out only between these local hours (the strictest US quiet-hours window). */
export const SMS_WINDOW = { firstHour: 9, endHour: 20 } as const;

/**
 * The first `sendHour`:00 local time strictly after `after`, on a local day later than the day the last step
 * was sent. This one rule gives: Day 1 at the first send hour after confirmation; Day k+1 on the local day
 * after Day k (late after an outage, never skipped, never two on one day); and the next send hour after a
 * resume or a change of zone or hour. A slot that a clock change moves forward (even past midnight) belongs
 * to the day it was computed for.
 */
export function nextSendAt(rhythm: SendingRhythm, after: number): number {
  const { timezone, sendHour, lastStepSentAt } = rhythm;
  const lastDay = lastStepSentAt === null ? '' : localDateKey(lastStepSentAt, timezone);
  const start = toLocal(after, timezone);
  for (let offset = 0; ; offset++) {
    const date = addDays(start, offset);
    const candidate = startOfLocalHour(date, sendHour, timezone);
    if (candidate > after && formatDateKey(date) > lastDay) return candidate;
  }
}

/** True when local time at `now` lies inside the SMS sending window. */
export function isInSmsWindow(now: number, timezone: string): boolean {
  const { hour } = toLocal(now, timezone);
  return hour >= SMS_WINDOW.firstHour && hour < SMS_WINDOW.endHour;
}

/** The next instant at or after `now` that lies in the SMS window: `now` itself if it already does. */
export function nextSmsWindowOpening(now: number, timezone: string): number {
  if (isInSmsWindow(now, timezone)) return now;
  const local = toLocal(now, timezone);
  const date = local.hour < SMS_WINDOW.firstHour ? local : addDays(local, 1);
  return startOfLocalHour(date, SMS_WINDOW.firstHour, timezone);
}

/** A short phrase for when a step arrives, as seen from `now`: "tomorrow at 8:00 a.m., New York time", "on 3 March at …". */
export function describeWhen(instant: number, now: number, timezone: string, language = 'en'): string {
  const words = messagesFor(language).when;
  const local = toLocal(instant, timezone);
  // English says the hour in the reader's convention and place ("8:00 a.m., New York time").
  const time = language.startsWith('en') ? formatLocalTime(instant, timezone) : `${local.hour}:${String(local.minute).padStart(2, '0')}`;
  const day = localDateKey(instant, timezone);
  if (day === localDateKey(now, timezone)) return words.today(time);
  if (day === formatDateKey(addDays(toLocal(now, timezone), 1))) return words.tomorrow(time);
  const date = language.startsWith('en')
    ? formatDayAndMonth(instant, timezone)
    : new Intl.DateTimeFormat(language, { timeZone: timezone, day: 'numeric', month: 'long' }).format(instant);
  return words.on(date, time);
}
