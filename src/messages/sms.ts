// Pure composers of every SMS the course sends: GSM-7 text, each within its segment budget.
import { COURSE_LENGTH, course } from '../course/course';
import type { RoleStep } from '../course/roles';
import { countSegments, toGsm7 } from './gsm7';

/** The name every SMS starts with, so the sender is recognisable. */
export const PROGRAM_NAME = 'Rebuild Trust';

/** The prompt used when the day's own prompt would push the daily SMS past its budget. */
export const GENERIC_PROMPT = 'Reply with a thought.';

const DAILY_MAX_SEGMENTS = 2;
const WELCOME_MAX_SEGMENTS = 3;
const REPLY_MAX_SEGMENTS = 2;

const FREQUENCY = `1 msg/day for ${COURSE_LENGTH} days`;
const RATES = 'Msg & data rates may apply.';
const HELP_AND_STOP = 'Reply HELP for help, STOP to cancel.';

/**
 * Normalises each candidate to GSM-7 and returns the first that fits in `maxSegments`.
 * Candidates go from the fullest to the barest; throws when even the last does not fit, since
 * that means the content or a configured value is too long to send as promised.
 */
function firstThatFits(candidates: string[], maxSegments: number, what: string): string {
  for (const candidate of candidates) {
    const text = toGsm7(candidate);
    if (countSegments(text).segments <= maxSegments) return text;
  }
  throw new Error(`${what} does not fit in ${maxSegments} SMS segments`);
}

/**
 * The daily step by SMS, at most 2 GSM-7 segments. It always holds the day number, the title,
 * the quote in straight double quotes and `dayUrl` (the absolute `/day/n` link). It holds the
 * day's own prompt when that fits, else `GENERIC_PROMPT`; a STOP reminder and a label before the
 * link are added only when they fit. Throws if even the barest form is over 2 segments.
 */
export function composeDailySms(day: RoleStep, dayUrl: string): string {
  const header = `Day ${day.day}/${COURSE_LENGTH}: ${day.title}`;
  const quote = `"${day.quote}"`;
  const lines = (prompt: string, link: string, ...rest: string[]) =>
    [header, quote, prompt, link, ...rest].join('\n');
  return firstThatFits(
    [
      lines(day.ours.prompt, `Full step: ${dayUrl}`, 'Reply STOP to cancel.'),
      lines(day.ours.prompt, `Full step: ${dayUrl}`),
      lines(day.ours.prompt, dayUrl),
      lines(GENERIC_PROMPT, dayUrl),
    ],
    DAILY_MAX_SEGMENTS,
    `Day ${day.day} SMS`,
  );
}

/**
 * The first SMS after an SMS signup, at most 2 segments: what the program is, "1 msg/day for 30
 * days", "Msg & data rates may apply", "Reply HELP for help, STOP to cancel" and "Reply YES to confirm".
 */
export function composeConfirmationSms(programName: string): string {
  return firstThatFits(
    [
      `${programName}: Reply YES to confirm your sign-up for ${course.title}, ${FREQUENCY}. ${RATES} ${HELP_AND_STOP}`,
      `${programName}: Reply YES to confirm. ${FREQUENCY}. ${RATES} ${HELP_AND_STOP}`,
    ],
    REPLY_MAX_SEGMENTS,
    'Confirmation SMS',
  );
}

export interface WelcomeSmsInput {
  /** When Day 1 arrives, read after "Day 1 arrives", e.g. "tomorrow at 9:00". */
  firstStepWhen: string;
  /** Who to contact when not safe, read after "contact", e.g. "the National Domestic Violence Hotline, 1-800-799-7233". */
  supportLine: string;
  /** The subscriber's own journal page. */
  journalUrl: string;
  programName?: string;
}

/**
 * The SMS sent once the subscriber replies YES, at most 3 segments: confirmed, when Day 1 arrives,
 * the journal link, the safety line with `supportLine`, and the HELP/STOP reminder.
 */
export function composeWelcomeSms(input: WelcomeSmsInput): string {
  const name = input.programName ?? PROGRAM_NAME;
  const safety = `This course is not meant for abusive relationships. If you are not safe, please contact ${input.supportLine}.`;
  return firstThatFits(
    [
      `${name}: You're confirmed. Day 1 arrives ${input.firstStepWhen}, then one step a day. Your journal: ${input.journalUrl}\n${safety}\n${HELP_AND_STOP}`,
      `${name}: You're confirmed. Day 1 arrives ${input.firstStepWhen}.\n${safety}\n${HELP_AND_STOP}`,
    ],
    WELCOME_MAX_SEGMENTS,
    'Welcome SMS',
  );
}

export interface HelpSmsInput {
  supportLine: string;
  /** The subscriber's journal page; absent when the number is not a subscriber. */
  journalUrl?: string;
  programName?: string;
}

/**
 * The answer to HELP or INFO, at most 2 segments: the program, "1 msg/day for 30 days", where to
 * read the steps (the journal, when known), the support line, and "Reply STOP to cancel". The
 * rates line, then the course title, then the support line give way, in that order, to a long journal link.
 */
export function composeHelpSms(input: HelpSmsInput): string {
  const name = input.programName ?? PROGRAM_NAME;
  const about = `${name}: ${course.title}, ${FREQUENCY}.`;
  const journal = input.journalUrl ? ` Your steps and journal: ${input.journalUrl}` : '';
  const notSafe = `Not safe? Contact ${input.supportLine}.`;
  return firstThatFits(
    [
      `${about}${journal}\nIf you are not safe, contact ${input.supportLine}.\n${RATES} Reply STOP to cancel.`,
      `${about}${journal}\n${notSafe}\nReply STOP to cancel.`,
      `${name}: ${FREQUENCY}.${journal}\n${notSafe}\nReply STOP to cancel.`,
      `${name}: ${FREQUENCY}.${journal}\nReply STOP to cancel.`,
    ],
    REPLY_MAX_SEGMENTS,
    'Help SMS',
  );
}

export interface CompletionSmsInput {
  journalUrl: string;
  programName?: string;
}

/** The gentle close after Day 30, at most 2 segments, pointing to the journal. */
export function composeCompletionSms(input: CompletionSmsInput): string {
  const name = input.programName ?? PROGRAM_NAME;
  return firstThatFits(
    [
      `${name}: That was the last of the ${COURSE_LENGTH} steps. Thank you for staying with it. Healing keeps going at its own pace. Your steps and reflections stay in your journal: ${input.journalUrl}`,
      `${name}: That was the last of the ${COURSE_LENGTH} steps. Thank you for staying with it. Your journal: ${input.journalUrl}`,
    ],
    REPLY_MAX_SEGMENTS,
    'Completion SMS',
  );
}

export interface SafetySmsInput {
  /** Who to contact, read after "any time:", e.g. "the National Domestic Violence Hotline, 1-800-799-7233". */
  supportLine: string;
  /** The subscriber's journal, where the course can be paused. */
  journalUrl?: string;
  programName?: string;
}

/**
 * The caring reply, sent once, to a reflection that speaks of violence or danger; GSM-7 in at most 2 segments.
 * It always holds the emergency line and `supportLine`; the journal link (to pause there) and the thanks give way,
 * in that order, when a long support line or link would need a third segment.
 */
export function composeSafetySms(input: SafetySmsInput): string {
  const name = input.programName ?? PROGRAM_NAME;
  const emergency = 'If you are in danger now, call your local emergency number.';
  const support = `Free, confidential support, any time: ${input.supportLine}.`;
  const journal = input.journalUrl ? [`${name}: Thank you for writing. ${emergency} ${support} You can pause the course in your journal: ${input.journalUrl}`] : [];
  return firstThatFits(
    [...journal, `${name}: Thank you for writing. ${emergency} ${support} Your safety comes first.`, `${name}: ${emergency} ${support}`],
    REPLY_MAX_SEGMENTS,
    'Safety SMS',
  );
}

export interface ResumeSmsInput {
  /** The step that comes next, 1..30. */
  nextDay: number;
  /** When it arrives, read after "arrives", e.g. "tomorrow at 9:00". */
  nextStepWhen: string;
  programName?: string;
}

/**
 * The answer to START, UNSTOP or YES from a subscriber who had stopped, at most 2 segments:
 * welcome back, which day comes next and when, frequency, rates, HELP/STOP.
 * Throws a RangeError when `nextDay` is not a day of the course.
 */
export function composeResumeSms(input: ResumeSmsInput): string {
  if (!Number.isInteger(input.nextDay) || input.nextDay < 1 || input.nextDay > COURSE_LENGTH) {
    throw new RangeError(`nextDay must be 1..${COURSE_LENGTH}, got ${input.nextDay}`);
  }
  const name = input.programName ?? PROGRAM_NAME;
  return firstThatFits(
    [
      `${name}: Welcome back. You'll pick up where you left off: Day ${input.nextDay} arrives ${input.nextStepWhen}. 1 msg/day. ${RATES} ${HELP_AND_STOP}`,
      `${name}: Welcome back. Day ${input.nextDay} arrives ${input.nextStepWhen}. ${HELP_AND_STOP}`,
    ],
    REPLY_MAX_SEGMENTS,
    'Resume SMS',
  );
}
