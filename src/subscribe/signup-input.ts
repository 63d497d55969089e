// Validates a signup (JSON or form fields) into a typed request, or the first problem as an AppError naming its field.
import { ROLES, type Role } from '../course/roles';
// The full metadata ("max") is what tells a mobile number from a premium, toll-free or shared-cost one (~20 KiB gzipped).
import { isSupportedCountry, parsePhoneNumberFromString, type PhoneNumberType } from 'libphonenumber-js/max';
import * as z from 'zod/mini';
import { AppError } from '../errors';
import { SMS_WINDOW } from '../schedule/due';
import { isValidTimeZone } from '../schedule/local-time';

export interface SignupRequest {
  channel: 'email' | 'sms';
  /** Lower-cased email address or E.164 number. */
  address: string;
  country: string | null;
  timezone: string;
  sendHour: number;
  consent: boolean;
  /** The course to enrol in (SPEC §7). */
  course: string;
  /** How the person comes to the course; picks the prompts they get. */
  role: Role;
}

const checkbox = z.union([
  z.boolean(),
  z.pipe(z.enum(['true', 'on', '1', 'yes']), z.transform(() => true)),
  z.pipe(z.enum(['false', '0', '']), z.transform(() => false)),
]);

const trimmed = (max: number, error: string) => z.string().check(z.trim(), z.maxLength(max, { error }));

const signupSchema = z.object({
  channel: z._default(z.enum(['email', 'sms'], { error: 'Choose "email" or "sms".' }), 'email'),
  email: z.optional(trimmed(254, 'That email address is too long.')),
  phone: z.optional(trimmed(32, 'That phone number is too long.')),
  country: z.optional(
    z.pipe(
      z.string().check(z.trim(), z.regex(/^[A-Za-z]{2}$/, { error: 'Use a two-letter country code, like US.' })),
      z.transform((code) => code.toUpperCase()),
    ),
  ),
  timezone: z.optional(trimmed(64, 'Use an IANA time zone name, like Europe/London.')),
  sendHour: z.optional(
    z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d{1,2}$/)), z.transform(Number))], {
      error: 'Choose a send hour from 0 to 23.',
    }),
  ),
  consent: z.optional(checkbox),
  course: z.optional(trimmed(64, 'No course has that id.')),
  role: z._default(z.enum(ROLES, { error: 'Choose how you come to the course: "broke_trust", "was_hurt" or "together".' }), 'together'),
});

const emailShape = z.email({ error: 'Please enter a valid email address.' });

type SignupErrorCode = 'invalid_field' | 'consent_required' | 'country_not_allowed' | 'number_not_allowed' | 'send_hour_not_allowed';

/**
 * The only number types a text goes to: mobiles, and numbers the plan cannot tell from one (most of +1).
 * Everything else (premium, toll-free, shared-cost, UAN, VoIP, personal, pager, voicemail, or no type at all) is
 * where SMS pumping pays out, or where a daily text cannot be read.
 */
export const SMS_NUMBER_TYPES: ReadonlySet<PhoneNumberType> = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

function fail(field: string, message: string, code: SignupErrorCode = 'invalid_field'): never {
  throw new AppError(code, message, field);
}

/**
 * Checks a signup against SPEC §3-4: an email, or a phone (E.164, or national with `country`) from an allowed
 * country with explicit consent and a send hour inside the SMS window; an IANA time zone; an hour 0-23.
 */
export function parseSignup(
  raw: unknown,
  rules: { defaultSendHour: number; smsAllowedCountries: string[]; courseIds: readonly string[]; defaultCourse: string },
): SignupRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError('invalid_request', 'Send the signup as a JSON object or a form.');
  const parsed = signupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(String(issue.path[0] ?? 'body'), issue.message);
  }
  const input = parsed.data;
  const course = input.course || rules.defaultCourse;
  if (!rules.courseIds.includes(course)) fail('course', 'No course has that id.');
  const timezone = input.timezone || 'UTC';
  if (!isValidTimeZone(timezone)) fail('timezone', 'Use an IANA time zone name, like Europe/London.');
  // An SMS signup that names no hour gets the default moved into the SMS window rather than a refusal.
  const defaultHour = input.channel === 'sms' ? Math.min(Math.max(rules.defaultSendHour, SMS_WINDOW.firstHour), SMS_WINDOW.endHour - 1) : rules.defaultSendHour;
  const sendHour = input.sendHour ?? defaultHour;
  if (!Number.isInteger(sendHour) || sendHour < 0 || sendHour > 23) fail('sendHour', 'Choose a send hour from 0 to 23.');

  if (input.channel === 'email') {
    if (!input.email) fail('email', 'Please enter your email address.');
    if (!emailShape.safeParse(input.email).success) fail('email', 'Please enter a valid email address.');
    return { channel: 'email', address: input.email.toLowerCase(), country: null, timezone, sendHour, consent: input.consent ?? true, course, role: input.role };
  }

  if (!input.phone) fail('phone', 'Please enter your mobile number.');
  // The claimed country only reads a national number; an international one keeps its own.
  const phone = parsePhoneNumberFromString(input.phone, input.country && isSupportedCountry(input.country) ? input.country : undefined);
  if (!phone || !phone.isValid()) fail('phone', 'Please enter a valid mobile number, like +1 555 123 4567, or a national number with its country.');
  // The country is the number's own: a non-geographic number (+800, +870, +881, +979…) has none and is refused.
  const country = phone.country ?? null;
  if (!country || !SMS_NUMBER_TYPES.has(phone.getType()!)) {
    fail('phone', 'Texts go only to mobile numbers. Premium, toll-free, shared-cost, satellite and other special numbers cannot sign up.', 'number_not_allowed');
  }
  if (!rules.smsAllowedCountries.includes(country)) {
    fail('phone', `Texts can only be sent to numbers in ${rules.smsAllowedCountries.join(', ')} for now.`, 'country_not_allowed');
  }
  if (sendHour < SMS_WINDOW.firstHour || sendHour >= SMS_WINDOW.endHour) {
    fail('sendHour', `Texts can only be sent between ${SMS_WINDOW.firstHour}:00 and ${SMS_WINDOW.endHour - 1}:00, so choose a send hour from ${SMS_WINDOW.firstHour} to ${SMS_WINDOW.endHour - 1}.`, 'send_hour_not_allowed');
  }
  if (input.consent !== true) fail('consent', 'Please tick the box to agree to receive the daily texts.', 'consent_required');
  return { channel: 'sms', address: phone.number, country, timezone, sendHour, consent: true, course, role: input.role };
}
