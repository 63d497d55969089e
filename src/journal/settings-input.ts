// Validates the journal's settings form (send hour and time zone) with the same limits as a signup, and lists the choices.
import { AppError } from '../errors';
import { ROLES, type Channel, type Role } from '../db/schema';
import { SMS_WINDOW } from '../schedule/due';
import { isValidTimeZone } from '../schedule/local-time';

export interface RhythmSettings {
  timezone: string;
  sendHour: number;
}

/** The send hours a channel allows: any hour for email, the SMS quiet-hours window for texts. */
export function allowedSendHours(channel: Channel): number[] {
  const first = channel === 'sms' ? SMS_WINDOW.firstHour : 0;
  const end = channel === 'sms' ? SMS_WINDOW.endHour : 24;
  return Array.from({ length: end - first }, (_, index) => first + index);
}

/**
 * Reads `sendHour` and `timezone` from a form or JSON body. Throws AppError `invalid_field` (field named) for
 * an hour outside 0-23 or an unknown IANA zone, and `send_hour_not_allowed` for an SMS hour outside 9-19.
 */
export function parseRhythmSettings(raw: unknown, channel: Channel): RhythmSettings {
  const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const hourText = String(fields.sendHour ?? '').trim();
  const sendHour = /^\d{1,2}$/.test(hourText) ? Number(hourText) : Number.NaN;
  if (!Number.isInteger(sendHour) || sendHour < 0 || sendHour > 23) {
    throw new AppError('invalid_field', 'Choose a send hour from 0 to 23.', 'sendHour');
  }
  const hours = allowedSendHours(channel);
  if (!hours.includes(sendHour)) {
    const last = hours[hours.length - 1]!;
    throw new AppError(
      'send_hour_not_allowed',
      `Texts can only be sent between ${hours[0]}:00 and ${last}:00, so choose a send hour from ${hours[0]} to ${last}.`,
      'sendHour',
    );
  }
  const timezone = String(fields.timezone ?? '').trim();
  if (!isValidTimeZone(timezone)) throw new AppError('invalid_field', 'Choose a time zone from the list, like Europe/London.', 'timezone');
  return { timezone, sendHour };
}

let knownZones: string[] | undefined;

/** The IANA zones this runtime knows, sorted, always including UTC and `current`. */
export function timeZoneChoices(current: string): string[] {
  knownZones ??= (() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  })();
  return [...new Set([...knownZones, 'UTC', current])].sort();
}

/** Reads `role` from the journal's role form; throws AppError `invalid_field` naming `role` for anything else. */
export function parseRoleSetting(raw: unknown): Role {
  const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const role = ROLES.find((option) => option === fields.role);
  if (!role) throw new AppError('invalid_field', 'Choose how you come to the course: "broke_trust", "was_hurt" or "together".', 'role');
  return role;
}
