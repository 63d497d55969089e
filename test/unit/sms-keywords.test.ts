// Proves the SMS keyword rules of SPEC §5: whole message, any case, punctuation ignored; plain requests to stop; all else is a reflection.
import { describe, expect, it } from 'vitest';
import { SMS_KEYWORDS, classifySmsReply } from '../../src/inbound/sms/sms-keywords';

describe('classifySmsReply', () => {
  it.each([
    ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'].map((word) => [word, 'opt-out'] as const),
    ...['START', 'UNSTOP', 'YES'].map((word) => [word, 'opt-in'] as const),
    ...['HELP', 'INFO'].map((word) => [word, 'help'] as const),
  ])('reads %s as %s in any case and with punctuation around it', (word, intent) => {
    for (const body of [word, word.toLowerCase(), `${word[0]}${word.slice(1).toLowerCase()}`, ` ${word}. `, `${word}!`, `"${word}"`]) {
      expect(classifySmsReply(body)).toEqual({ intent, keyword: word });
    }
  });

  it('knows exactly the keywords of the specification', () => {
    expect([...SMS_KEYWORDS.keys()].sort()).toEqual(
      ['CANCEL', 'END', 'HELP', 'INFO', 'OPTOUT', 'QUIT', 'REVOKE', 'START', 'STOP', 'STOPALL', 'UNSTOP', 'UNSUBSCRIBE', 'YES'].sort(),
    );
  });

  it('accepts a keyword wrapped in polite words', () => {
    expect(classifySmsReply('Stop please')).toEqual({ intent: 'opt-out', keyword: 'STOP' });
    expect(classifySmsReply('please stop!!')).toEqual({ intent: 'opt-out', keyword: 'STOP' });
    expect(classifySmsReply('Yes please')).toEqual({ intent: 'opt-in', keyword: 'YES' });
    expect(classifySmsReply('ok yes')).toEqual({ intent: 'opt-in', keyword: 'YES' });
  });

  it.each([
    'stop texting me',
    'Stop messaging me.',
    'please unsubscribe me',
    'Unsubscribe me please',
    'stop sending me messages',
    'Stop sending me these texts!',
    'stop these texts',
    'no more texts please',
    'remove me from this list',
    'Take me off the list',
    'opt me out',
    "I'd like to unsubscribe",
    'I want to opt out',
    'I want to cancel my subscription',
    'don’t text me anymore',
    'Do not contact me again',
    'stop texting me now',
  ])('reads the plain request %j as an opt-out', (body) => {
    expect(classifySmsReply(body)).toEqual({ intent: 'opt-out', keyword: 'REQUEST' });
  });

  it.each([
    'I need to stop texting him at work',
    'stop it',
    'Yes, I told her the truth today',
    'I want to leave',
    'Help me understand why I keep doing this',
    'End of the day I felt calmer',
    'I started to listen more',
    'We agreed no more secrets',
    'Cancel culture is hard on us',
    'He said stop texting me',
    '',
    '   ',
  ])('keeps %j as a message', (body) => {
    expect(classifySmsReply(body)).toEqual({ intent: 'message', keyword: null });
  });

  it("follows Twilio's OptOutType when Twilio matched a keyword of its own", () => {
    expect(classifySmsReply('ARRET', 'STOP')).toEqual({ intent: 'opt-out', keyword: 'STOP' });
    expect(classifySmsReply('Stop', 'STOP')).toEqual({ intent: 'opt-out', keyword: 'STOP' });
    expect(classifySmsReply('unstop', 'START')).toEqual({ intent: 'opt-in', keyword: 'UNSTOP' });
    expect(classifySmsReply('aide', 'help')).toEqual({ intent: 'help', keyword: 'HELP' });
    expect(classifySmsReply('a thought', 'SOMETHING')).toEqual({ intent: 'message', keyword: null });
  });
});
