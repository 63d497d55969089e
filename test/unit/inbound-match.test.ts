// Proves how an inbound email is read: addresses, plus-address tokens, automatic replies, the day a subject names.
import { describe, expect, it } from 'vitest';
import { addressOf, isAutomaticReply, plusTags, replyDay } from '../../src/inbound/email/inbound-match';

describe('addressOf and plusTags', () => {
  it('reads bare and named addresses, lower-cased, and nothing from text without one', () => {
    expect(addressOf('Ana Silva <Ana@Example.ORG>')).toBe('ana@example.org');
    expect(addressOf(' ana@example.org ')).toBe('ana@example.org');
    expect(addressOf('Ana Silva')).toBeNull();
    expect(addressOf('')).toBeNull();
  });

  it('takes each plus-address tag once, lower-cased, and ignores addresses without one', () => {
    const to = ['Rebuild Trust <reflections+ABC.DEF@in.example.com>', 'reflections+abc.def@in.example.com', 'reflections@in.example.com', 'x+@in.example.com', 'a+b+c@in.example.com'];
    expect(plusTags(to)).toEqual(['abc.def', 'b+c']);
  });
});

describe('isAutomaticReply', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'ana@example.org', true],
    [{ 'auto-submitted': 'auto-generated; owner-email="x@example.org"' }, 'ana@example.org', true],
    [{ 'auto-submitted': 'no' }, 'ana@example.org', false],
    [{ 'x-autoreply': 'yes' }, 'ana@example.org', true],
    [{ precedence: 'Bulk' }, 'ana@example.org', true],
    [{}, 'MAILER-DAEMON@mx.example.org', true],
    [{}, 'Ana <ana@example.org>', false],
  ])('%j from %s → %s', (headers, from, expected) => {
    expect(isAutomaticReply(headers, from)).toBe(expected);
  });
});

describe('replyDay', () => {
  it('uses the day a reply subject names when that step was sent, else the latest', () => {
    expect(replyDay('Re: Day 3 of 30: Offer a sincere and specific apology', 5)).toBe(3);
    expect(replyDay('AW: RE: day 5 of 30: Practice radical honesty', 5)).toBe(5);
    expect(replyDay('Re: Day 6 of 30: Be patient', 5)).toBeUndefined();
    expect(replyDay('Re: Day 0 of 30', 5)).toBeUndefined();
    expect(replyDay('Re: Welcome to 30 steps to regain trust', 5)).toBeUndefined();
    expect(replyDay('Re: Today is day 3', 5)).toBeUndefined();
  });
});
