// Builds each claimed subscriber's message for the day: signs their links, then calls the pure email and SMS builders.
import type { Config } from '../config';
import { WELCOME_DAY, dayPath, findCourse, findCourseDay, type Course } from '../course/course';
import { messagesFor } from '../i18n/messages';
import { stepForRole } from '../course/role-text';
import type { Role } from '../course/roles';
import type { OutgoingEmail, OutgoingSms } from '../channels/channel';
import { buildCompletionEmail, buildStepEmail, buildWelcomeEmail, emailSenderFrom } from '../messages/email';
import { buildLinks } from '../messages/links';
import { composeCompletionSms, composeDailySms, composeWelcomeSms } from '../messages/sms';
import { describeWhen, nextSendAt } from '../schedule/due';
import { signToken } from '../security/tokens';

export interface ComposeTarget {
  id: string;
  address: string;
  timezone: string;
  sendHour: number;
  day: number;
  /** The enrolment's course (SPEC §7). */
  courseId: string;
  /** Picks our prompt and practice for the day. */
  role: Role;
  /**
   * When this message became due. The welcome's words ("Day 1 comes tomorrow at 8:00") are worked out from it, not
   * from the moment of sending, so a call repeated under the same idempotency key carries the same payload.
   */
  dueAt: number;
}

async function signedLinks(config: Config, subscriberId: string) {
  const [unsubscribe, journal, reply] = await Promise.all([
    signToken(config.tokenSecret, 'unsubscribe', subscriberId),
    signToken(config.tokenSecret, 'journal', subscriberId),
    signToken(config.tokenSecret, 'reply', subscriberId),
  ]);
  return { tokens: { unsubscribe, journal, reply }, links: buildLinks(config.publicUrl, { unsubscribe, journal }) };
}

/** When Day 1 will come, in words of the course's language, for a welcome due at `target.dueAt`. */
function firstStepWhen(target: ComposeTarget, course: Course): string {
  const at = nextSendAt({ timezone: target.timezone, sendHour: target.sendHour, lastStepSentAt: null }, target.dueAt);
  return describeWhen(at, target.dueAt, target.timezone, course.language);
}

/** The enrolment's course; a course removed from content/ while enrolments run is an operator error, reported by the caller. */
function courseOfTarget(target: ComposeTarget): Course {
  const course = findCourse(target.courseId);
  if (!course) throw new Error(`Course ${target.courseId} is not in this build`);
  return course;
}

/** The email for `target.day` of the enrolment's course: the welcome (0), a step (1..N), or the completion (any day after N). */
export async function composeEmail(config: Config, target: ComposeTarget): Promise<OutgoingEmail> {
  const { tokens, links } = await signedLinks(config, target.id);
  const sender = emailSenderFrom(config);
  const recipient = { to: target.address, links, replyToken: tokens.reply, unsubscribeToken: tokens.unsubscribe };
  const course = courseOfTarget(target);
  if (target.day === WELCOME_DAY) return buildWelcomeEmail(sender, recipient, course, firstStepWhen(target, course));
  const day = findCourseDay(course, target.day);
  if (!day) return buildCompletionEmail(sender, recipient, course);
  const step = stepForRole(day, target.role);
  // The web version shows the same role's practice and prompt as the email.
  return buildStepEmail(sender, recipient, course, step, `${config.publicUrl}${dayPath(course, step.day)}?role=${target.role}`);
}

/** The SMS for `target.day` (welcome, step or completion). */
export async function composeSms(config: Config, target: ComposeTarget): Promise<OutgoingSms> {
  const course = courseOfTarget(target);
  const t = messagesFor(course.language).sms;
  const day = findCourseDay(course, target.day);
  const step = day && stepForRole(day, target.role);
  if (!step) {
    const { links } = await signedLinks(config, target.id);
    const body =
      target.day === WELCOME_DAY
        ? composeWelcomeSms({ firstStepWhen: firstStepWhen(target, course), supportLine: config.supportLine, journalUrl: links.journalUrl, t })
        : composeCompletionSms({ journalUrl: links.journalUrl, length: course.days.length, t });
    return { to: target.address, body };
  }
  return { to: target.address, body: composeDailySms(step, course.days.length, `${config.publicUrl}${dayPath(course, step.day)}`, t) };
}
