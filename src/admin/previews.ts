// Any day's email and SMS as a sample subscriber would get them, built by the sender's own builders with placeholder tokens.
import type { OutgoingEmail } from '../channels/channel';
import type { Config } from '../config';
import { WELCOME_DAY, completionDay, dayPath, defaultCourse, findCourseDay, type Course } from '../course/course';
import { messagesFor } from '../i18n/messages';
import { stepForRole } from '../course/role-text';
import { DEFAULT_ROLE } from '../course/roles';
import { buildCompletionEmail, buildConfirmationEmail, buildStepEmail, buildWelcomeEmail, type EmailRecipient, emailSenderFrom } from '../messages/email';
import { countSegments, type SegmentCount } from '../messages/gsm7';
import { buildLinks, confirmUrl } from '../messages/links';
import { PROGRAM_NAME, composeCompletionSms, composeConfirmationSms, composeDailySms, composeWelcomeSms } from '../messages/sms';
import { describeWhen, nextSendAt } from '../schedule/due';

/** 'confirmation', or a course day: 0 the welcome, 1..N the steps, N + 1 the completion. */
export type PreviewKey = 'confirmation' | number;

/** Stand-ins for the signed tokens a real subscriber's links carry; they open nothing. */
export const PREVIEW_TOKENS = {
  confirm: 'preview-confirm-token',
  unsubscribe: 'preview-unsubscribe-token',
  journal: 'preview-journal-token',
  reply: 'preview-reply-token',
} as const;

export const PREVIEW_EMAIL_ADDRESS = 'subscriber@example.com';
export const PREVIEW_PHONE = '+15555550100';
const PREVIEW_TIMEZONE = 'UTC';

/** Reads a path segment as a preview key of `course`: "confirmation" or a whole day 0..N+1 without leading zeros; null otherwise. */
export function parsePreviewKey(segment: string, course: Course = defaultCourse): PreviewKey | null {
  if (segment === 'confirmation') return segment;
  if (!/^(0|[1-9]\d{0,2})$/.test(segment)) return null;
  const day = Number(segment);
  return day >= WELCOME_DAY && day <= completionDay(course) ? day : null;
}

/** When Day 1 would arrive for a sample subscriber confirming at `now`, in words ("tomorrow at 8:00"). */
function sampleFirstStepWhen(config: Config, course: Course, now: number): string {
  const at = nextSendAt({ timezone: PREVIEW_TIMEZONE, sendHour: config.defaultSendHour, lastStepSentAt: null }, now);
  return describeWhen(at, now, PREVIEW_TIMEZONE, course.language);
}

/** The email for `key`, exactly as the sender builds it for a sample recipient. */
export function previewEmail(config: Config, key: PreviewKey, now: number, course: Course = defaultCourse): OutgoingEmail {
  const sender = emailSenderFrom(config);
  if (key === 'confirmation') return buildConfirmationEmail(sender, course, PREVIEW_EMAIL_ADDRESS, confirmUrl(config.publicUrl, PREVIEW_TOKENS.confirm));
  const recipient: EmailRecipient = {
    to: PREVIEW_EMAIL_ADDRESS,
    links: buildLinks(config.publicUrl, PREVIEW_TOKENS),
    replyToken: PREVIEW_TOKENS.reply,
    unsubscribeToken: PREVIEW_TOKENS.unsubscribe,
  };
  if (key === WELCOME_DAY) return buildWelcomeEmail(sender, recipient, course, sampleFirstStepWhen(config, course, now));
  if (key === completionDay(course)) return buildCompletionEmail(sender, recipient, course);
  const day = findCourseDay(course, key);
  if (!day) throw new RangeError(`No course day ${key}`);
  const step = stepForRole(day, DEFAULT_ROLE);
  return buildStepEmail(sender, recipient, course, step, `${config.publicUrl}${dayPath(course, step.day)}`);
}

export interface SmsPreview {
  text: string;
  count: SegmentCount;
}

/** The SMS for `key` as the sender composes it for a sample subscriber, with its encoding and segment count. */
export function previewSms(config: Config, key: PreviewKey, now: number, course: Course = defaultCourse): SmsPreview {
  const text = composePreviewSms(config, key, now, course);
  return { text, count: countSegments(text) };
}

function composePreviewSms(config: Config, key: PreviewKey, now: number, course: Course): string {
  const length = course.days.length;
  const t = messagesFor(course.language).sms;
  if (key === 'confirmation') return composeConfirmationSms(PROGRAM_NAME, { title: course.title, length }, t);
  const { journalUrl } = buildLinks(config.publicUrl, PREVIEW_TOKENS);
  if (key === WELCOME_DAY) return composeWelcomeSms({ firstStepWhen: sampleFirstStepWhen(config, course, now), supportLine: config.supportLine, journalUrl, t });
  if (key === completionDay(course)) return composeCompletionSms({ journalUrl, length, t });
  const day = findCourseDay(course, key);
  if (!day) throw new RangeError(`No course day ${key}`);
  const step = stepForRole(day, DEFAULT_ROLE);
  return composeDailySms(step, length, `${config.publicUrl}${dayPath(course, step.day)}`, t);
}

/** What a preview is called on the admin page: "Confirmation", "Welcome", "Day 3: <title>", "Completion". */
export function previewLabel(key: PreviewKey, course: Course = defaultCourse): string {
  if (key === 'confirmation') return 'Confirmation';
  if (key === WELCOME_DAY) return 'Welcome';
  if (key === completionDay(course)) return 'Completion';
  return `Day ${key}: ${findCourseDay(course, key)?.title ?? ''}`;
}

/** Every preview of `course`, in the order a subscriber meets them. */
export function allPreviewKeys(course: Course = defaultCourse): PreviewKey[] {
  const keys: PreviewKey[] = ['confirmation'];
  for (let day = WELCOME_DAY; day <= completionDay(course); day++) keys.push(day);
  return keys;
}

/** The path of one preview: `/admin/preview/email/3`, with `?course=` for a course other than the seed's. */
export function previewPath(kind: 'email' | 'sms', key: PreviewKey, course: Course): string {
  return `/admin/preview/${kind}/${key}${course.id === defaultCourse.id ? '' : `?course=${encodeURIComponent(course.id)}`}`;
}
