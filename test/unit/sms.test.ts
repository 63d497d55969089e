// Every SMS is GSM-7, within its segment budget, and says what the SPEC requires; all 30 daily steps are checked.
import { describe, expect, it } from 'vitest';
import { COURSE_LENGTH, course } from '../../src/course/course';
import { stepForRole, type RoleStep } from '../../src/course/roles';
import { ROLES } from '../../src/db/schema';
import { countSegments, isGsm7, toGsm7 } from '../../src/messages/gsm7';
import {
  GENERIC_PROMPT,
  composeCompletionSms,
  composeConfirmationSms,
  composeDailySms,
  composeHelpSms,
  composeResumeSms,
  composeSafetySms,
  composeWelcomeSms,
} from '../../src/messages/sms';

const BASE_URL = 'https://rebuild-trust.example.workers.dev';
const dayUrl = (n: number) => `${BASE_URL}/day/${n}`;
/** A journal link whose token (80 characters) is longer than any signed token, so the budgets hold with room to spare. */
const LONG_JOURNAL_URL = `${BASE_URL}/journal/${'k'.repeat(80)}`;
const SUPPORT_LINE = 'the National Domestic Violence Hotline, 1-800-799-7233';

function expectSendable(text: string, maxSegments: number) {
  expect(isGsm7(text), text).toBe(true);
  const count = countSegments(text);
  expect(count.encoding).toBe('GSM-7');
  expect(count.segments, text).toBeGreaterThanOrEqual(1);
  expect(count.segments, text).toBeLessThanOrEqual(maxSegments);
}

function withDay(changes: Partial<Pick<RoleStep, 'day' | 'title' | 'quote'>>, prompt?: string): RoleStep {
  const base = stepForRole(course.days[0]!, 'together');
  return { ...base, ...changes, ours: { ...base.ours, prompt: prompt ?? base.ours.prompt } };
}

describe('composeDailySms', () => {
  it('has all 30 days of the course', () => {
    expect(course.days.map((day) => day.day)).toEqual(Array.from({ length: COURSE_LENGTH }, (_, i) => i + 1));
  });

  it('fits every one of the 30 days, for each role, in 2 GSM-7 segments with the day number, title, quote, prompt and link', () => {
    const table: Array<{ day: number; role: string; segments: number; encoding: string; length: number; prompt: string }> = [];
    for (const day of course.days.flatMap((courseDay) => ROLES.map((role) => ({ ...stepForRole(courseDay, role), role })))) {
      const sms = composeDailySms(day, dayUrl(day.day));
      expectSendable(sms, 2);
      expect(sms.startsWith(`Day ${day.day}/30: ${toGsm7(day.title)}\n`)).toBe(true);
      expect(sms).toContain(`"${toGsm7(day.quote)}"`);
      expect(sms).toContain(dayUrl(day.day));
      const ownPrompt = day.ours.prompt.trim() !== '' && sms.includes(toGsm7(day.ours.prompt));
      expect(ownPrompt || sms.includes(GENERIC_PROMPT), `day ${day.day} has a prompt`).toBe(true);
      const count = countSegments(sms);
      table.push({
        day: day.day,
        role: day.role,
        segments: count.segments,
        encoding: count.encoding,
        length: sms.length,
        prompt: ownPrompt ? 'own' : 'generic',
      });
    }
    const columns = ['day', 'role', 'segments', 'encoding', 'length', 'prompt'] as const;
    const rows = [columns.join(' | '), ...table.map((row) => columns.map((column) => row[column]).join(' | '))];
    console.log(`Daily SMS, links like ${dayUrl(30)}:\n${rows.join('\n')}`);
  });

  it('lays the step out as header, quote, prompt, link, and a STOP reminder when it fits', () => {
    const day = withDay({ day: 3, title: 'Offer a sincere apology', quote: 'Words matter.' }, 'What will you say?');
    expect(composeDailySms(day, dayUrl(3))).toBe(
      [
        'Day 3/30: Offer a sincere apology',
        '"Words matter."',
        'What will you say?',
        `Full step: ${dayUrl(3)}`,
        'Reply STOP to cancel.',
      ].join('\n'),
    );
  });

  it('replaces typographic quotes and dashes in the content', () => {
    const day = withDay({ title: 'Don\u2019t rush \u2014 wait', quote: 'It\u2019s \u201cslow\u201d\u2026' }, 'What\u2019s next?');
    const sms = composeDailySms(day, dayUrl(1));
    expectSendable(sms, 2);
    expect(sms).toContain("Day 1/30: Don't rush - wait");
    expect(sms).toContain('"It\'s "slow"..."');
    expect(sms).toContain("What's next?");
  });

  it('drops the STOP reminder before it drops the prompt', () => {
    const prompt = `${'p'.repeat(150)}?`;
    const sms = composeDailySms(withDay({}, prompt), dayUrl(1));
    expectSendable(sms, 2);
    expect(sms).toContain(prompt);
    expect(sms).not.toContain('STOP');
  });

  it('falls back to the generic prompt when the day\'s prompt cannot fit, keeping title, quote and link', () => {
    const prompt = `${'p'.repeat(240)}?`;
    const day = withDay({}, prompt);
    const sms = composeDailySms(day, dayUrl(1));
    expectSendable(sms, 2);
    expect(sms).not.toContain(prompt);
    expect(sms).toContain(GENERIC_PROMPT);
    expect(sms).toContain(day.title);
    expect(sms).toContain(`"${day.quote}"`);
    expect(sms.endsWith(dayUrl(1))).toBe(true);
  });

  it('refuses rather than cut the title or quote when even the barest form is too long', () => {
    expect(() => composeDailySms(withDay({ quote: 'q'.repeat(300) }), dayUrl(1))).toThrow(/2 SMS segments/);
  });
});

describe('composeConfirmationSms', () => {
  it('says what the program is, how often, the rates, HELP and STOP, and asks for YES', () => {
    const sms = composeConfirmationSms('Rebuild Trust');
    expectSendable(sms, 2);
    expect(sms.startsWith('Rebuild Trust: ')).toBe(true);
    expect(sms).toContain(course.title);
    for (const phrase of ['1 msg/day for 30 days', 'Msg & data rates may apply', 'Reply HELP for help, STOP to cancel', 'Reply YES to confirm']) {
      expect(sms).toContain(phrase);
    }
  });

  it('normalises a program name with typographic characters', () => {
    const sms = composeConfirmationSms('Rebuild\u00a0Trust \u2013 Sam\u2019s');
    expectSendable(sms, 2);
    expect(sms.startsWith("Rebuild Trust - Sam's: ")).toBe(true);
  });
});

describe('composeWelcomeSms', () => {
  it('confirms, says when Day 1 comes, gives the safety line and HELP/STOP within 3 segments', () => {
    const sms = composeWelcomeSms({ firstStepWhen: 'tomorrow at 9:00', supportLine: SUPPORT_LINE, journalUrl: LONG_JOURNAL_URL });
    expectSendable(sms, 3);
    expect(sms).toContain('confirmed');
    expect(sms).toContain('Day 1 arrives tomorrow at 9:00');
    expect(sms).toContain(LONG_JOURNAL_URL);
    expect(sms).toContain('not meant for abusive relationships');
    expect(sms).toContain(`If you are not safe, please contact ${SUPPORT_LINE}.`);
    expect(sms).toContain('Reply HELP for help, STOP to cancel');
  });

  it('fits the longest time phrase the formatter writes, with its place, within 3 segments', () => {
    const firstStepWhen = 'on September 30 at 12:00 p.m., Port Moresby time';
    const sms = composeWelcomeSms({ firstStepWhen, supportLine: SUPPORT_LINE, journalUrl: LONG_JOURNAL_URL });
    expectSendable(sms, 3);
    expect(sms).toContain(`Day 1 arrives ${firstStepWhen}`);
  });
});

describe('composeHelpSms', () => {
  it('names the program, the frequency, where to read, the support line and STOP within 2 segments', () => {
    const sms = composeHelpSms({ supportLine: SUPPORT_LINE, journalUrl: LONG_JOURNAL_URL });
    expectSendable(sms, 2);
    expect(sms.startsWith('Rebuild Trust: ')).toBe(true);
    expect(sms).toContain('1 msg/day for 30 days');
    expect(sms).toContain(LONG_JOURNAL_URL);
    expect(sms).toContain(SUPPORT_LINE);
    expect(sms).toContain('Reply STOP to cancel');
  });

  it('gives up the rates, the course title and then the support line before the journal link', () => {
    const veryLongJournalUrl = `${BASE_URL}/journal/${'k'.repeat(150)}`;
    const sms = composeHelpSms({ supportLine: SUPPORT_LINE, journalUrl: veryLongJournalUrl });
    expectSendable(sms, 2);
    expect(sms).toContain(veryLongJournalUrl);
    expect(sms).toContain('1 msg/day for 30 days');
    expect(sms).toContain('Reply STOP to cancel');
    expect(sms).not.toContain(SUPPORT_LINE);
  });

  it('still helps a number that has no journal', () => {
    const sms = composeHelpSms({ supportLine: SUPPORT_LINE });
    expectSendable(sms, 2);
    expect(sms).not.toContain('journal');
    expect(sms).toContain('Reply STOP to cancel');
  });
});

describe('composeCompletionSms', () => {
  it('closes gently after Day 30 and points to the journal within 2 segments', () => {
    const sms = composeCompletionSms({ journalUrl: LONG_JOURNAL_URL });
    expectSendable(sms, 2);
    expect(sms).toContain('30 steps');
    expect(sms).toContain(LONG_JOURNAL_URL);
  });
});

describe('composeSafetySms', () => {
  it('answers with thanks, the emergency line, the support line and the journal to pause in, within 2 GSM-7 segments', () => {
    const journalUrl = `${BASE_URL}/journal/abc.def`;
    const sms = composeSafetySms({ supportLine: SUPPORT_LINE, journalUrl });
    expectSendable(sms, 2);
    expect(sms).toContain('Thank you for writing');
    expect(sms).toContain('emergency number');
    expect(sms).toContain(SUPPORT_LINE);
    expect(sms).toContain(`pause the course in your journal: ${journalUrl}`);
  });

  it('lets the journal link give way before the support line when both would need a third segment', () => {
    const sms = composeSafetySms({ supportLine: SUPPORT_LINE, journalUrl: LONG_JOURNAL_URL });
    expectSendable(sms, 2);
    expect(sms).toContain(SUPPORT_LINE);
    expect(sms).not.toContain(LONG_JOURNAL_URL);
  });

  it('turns typographic characters of a configured support line into GSM-7', () => {
    const sms = composeSafetySms({ supportLine: 'Refuge\u2019s helpline \u2013 0808 2000 247' });
    expectSendable(sms, 2);
    expect(sms).toContain("Refuge's helpline - 0808 2000 247");
  });
});

describe('composeResumeSms', () => {
  it('welcomes back with the next day and HELP/STOP within 2 segments', () => {
    const sms = composeResumeSms({ nextDay: 7, nextStepWhen: 'tomorrow at 9:00' });
    expectSendable(sms, 2);
    expect(sms).toContain('Welcome back');
    expect(sms).toContain('Day 7 arrives tomorrow at 9:00');
    expect(sms).toContain('Reply HELP for help, STOP to cancel');
  });

  it.each([0, 31, 2.5])('refuses day %s, which is not a step', (nextDay) => {
    expect(() => composeResumeSms({ nextDay, nextStepWhen: 'tomorrow at 9:00' })).toThrow(RangeError);
  });
});
