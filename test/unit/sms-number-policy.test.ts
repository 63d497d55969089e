// SMS goes only to mobile numbers of the allowed countries, the country read from the number itself (SPEC §3): no pumping.
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode, type PhoneNumberType } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors';
import { parseSignup } from '../../src/subscribe/signup-input';

const ALLOWED = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ'];
const rules = { defaultSendHour: 10, smsAllowedCountries: ALLOWED, courseIds: ['rebuild-trust'], defaultCourse: 'rebuild-trust' };

/**
 * Example numbers per type, our transcription of the `exampleNumber` of each type in Google's libphonenumber
 * metadata (PhoneNumberMetadata.xml). The test first proves each one still has that type in the metadata we ship.
 */
const EXAMPLES: [CountryCode | 'non-geographic', PhoneNumberType, string][] = [
  ['US', 'FIXED_LINE_OR_MOBILE', '+12015550123'],
  ['US', 'TOLL_FREE', '+18002345678'],
  ['US', 'PREMIUM_RATE', '+19002345678'],
  ['US', 'PERSONAL_NUMBER', '+15002345678'],
  ['CA', 'FIXED_LINE_OR_MOBILE', '+15062345678'],
  ['CA', 'TOLL_FREE', '+18002345678'],
  ['CA', 'PREMIUM_RATE', '+19002345678'],
  ['GB', 'FIXED_LINE', '+441212345678'],
  ['GB', 'MOBILE', '+447400123456'],
  ['GB', 'TOLL_FREE', '+448001234567'],
  ['GB', 'PREMIUM_RATE', '+449012345678'],
  ['GB', 'PERSONAL_NUMBER', '+447012345678'],
  ['GB', 'VOIP', '+445612345678'],
  ['GB', 'PAGER', '+447640123456'],
  ['GB', 'UAN', '+445512345678'],
  ['IE', 'FIXED_LINE', '+35312212345'],
  ['IE', 'MOBILE', '+353850123456'],
  ['IE', 'TOLL_FREE', '+3531800123456'],
  ['IE', 'PREMIUM_RATE', '+3531520123456'],
  ['IE', 'PERSONAL_NUMBER', '+353700123456'],
  ['IE', 'VOIP', '+353761234567'],
  ['IE', 'UAN', '+353818123456'],
  ['AU', 'FIXED_LINE', '+61212345678'],
  ['AU', 'MOBILE', '+61412345678'],
  ['AU', 'TOLL_FREE', '+611800123456'],
  ['AU', 'PREMIUM_RATE', '+611900123456'],
  ['AU', 'SHARED_COST', '+611300123456'],
  ['NZ', 'FIXED_LINE', '+6432345678'],
  ['NZ', 'MOBILE', '+64211234567'],
  ['NZ', 'TOLL_FREE', '+64800123456'],
  ['NZ', 'PREMIUM_RATE', '+64900123456'],
  ['non-geographic', 'TOLL_FREE', '+80012345678'],
  ['non-geographic', 'MOBILE', '+870301234567'],
  ['non-geographic', 'MOBILE', '+881612345678'],
  ['non-geographic', 'PREMIUM_RATE', '+979123456789'],
];

function codeOf(signup: Record<string, unknown>): string {
  try {
    parseSignup({ channel: 'sms', consent: true, sendHour: 10, ...signup }, rules);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.field).toBe('phone');
    return error.code;
  }
}

describe('which numbers an SMS signup accepts', () => {
  it.each(EXAMPLES)('%s %s example %s has that type in the shipped metadata', (_country, type, number) => {
    expect(parsePhoneNumberFromString(number)?.getType()).toBe(type);
  });

  it('accepts the metadata\'s own mobile example of every allowed country', () => {
    for (const country of ALLOWED) {
      const example = getExampleNumber(country as CountryCode, mobileExamples)!;
      expect(codeOf({ phone: example.number }), `${country} ${example.number}`).toBe('accepted');
      expect(codeOf({ phone: example.nationalNumber, country }), `${country} national`).toBe('accepted');
    }
  });

  it('accepts mobiles (and "fixed line or mobile" where the plan cannot tell), refuses every other type with number_not_allowed', () => {
    for (const [country, type, number] of EXAMPLES) {
      const expected = country !== 'non-geographic' && (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE') ? 'accepted' : 'number_not_allowed';
      expect(codeOf({ phone: number }), `${country} ${type} ${number}`).toBe(expected);
    }
  });

  it('refuses the numbers an attacker used, whatever country the client claims', () => {
    for (const phone of ['+881631234567', '+870773111632', '+979123456789', '+80012345678', '+1 900 234 5678', '+1 800 234 5678', '+44 909 876 5432', '+44 871 123 4567']) {
      expect(codeOf({ phone, country: 'US' }), phone).toBe('number_not_allowed');
    }
  });

  it('takes the country from the number, never from the client', () => {
    // A French mobile claimed as American stays French; a national number is read in the claimed country only.
    expect(codeOf({ phone: '+33612345678', country: 'US' })).toBe('country_not_allowed');
    expect(codeOf({ phone: '+15062345678', country: 'GB' })).toBe('accepted');
    expect(parseSignup({ channel: 'sms', consent: true, sendHour: 10, phone: '07400 123456', country: 'GB' }, rules)).toMatchObject({ address: '+447400123456', country: 'GB' });
    expect(parseSignup({ channel: 'sms', consent: true, sendHour: 10, phone: '+15062345678', country: 'US' }, rules)).toMatchObject({ country: 'CA' });
    // A Caribbean number shares +1 but is not an allowed country.
    expect(codeOf({ phone: '+18762101234', country: 'US' })).toBe('country_not_allowed');
  });
});
