// Pure: what an operator typed in "find a subscriber", read as one exact address (an email, or a phone number in E.164).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Channel } from '../db/schema';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The channel and stored form of `input`: an email lower-cased, a phone number in E.164 (national US/CA numbers
 * accepted). Null when it is neither, so the search never falls back to a partial match.
 */
export function readSearchAddress(input: string): { channel: Channel; address: string } | null {
  const trimmed = input.trim().slice(0, 320);
  if (trimmed.includes('@')) return EMAIL.test(trimmed) ? { channel: 'email', address: trimmed.toLowerCase() } : null;
  const phone = parsePhoneNumberFromString(trimmed, trimmed.startsWith('+') ? undefined : 'US');
  return phone?.isPossible() ? { channel: 'sms', address: phone.number } : null;
}
