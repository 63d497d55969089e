// Any day's email and SMS as a sample subscriber would get them, built by the sender's own builders with placeholder tokens.
import type { OutgoingEmail } from '../channels/channel';
import type { Config } from '../config';
import { COMPLETION_DAY, WELCOME_DAY, findCourseDay } from '../course/course';
import { DEFAULT_ROLE, stepForRole } from '../course/roles';
import { emailSenderFrom } from '../delivery/compose';
import { buildCompletionEmail, buildConfirmationEmail, buildStepEmail, buildWelcomeEmail, type EmailRecipient } from '../messages/email';
import { countSegments, type SegmentCount } from '../messages/gsm7';
import { buildLinks, confirmUrl, dayUrl } from '../messages/links';
import { PROGRAM_NAME, composeCompletionSms, composeConfirmationSms, composeDailySms, composeWelcomeSms } from '../messages/sms';
import { describeWhen, nextSendAt } from '../schedule/due';

/** 'confirmation', or a course day: 0 the welcome, 1..30 the steps, 31 the completion. */
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

/** Reads a path segment as a preview key: "confirmation" or a whole day 0..31 without leading zeros; null otherwise. */
export function parsePreviewKey(segment: string): PreviewKey | null {
  if (segment === 'confirmation') return segment;
  if (!/^(0|[1-9]\d?)$/.test(segment)) return null;
  const day = Number(segment);
  return day >= WELCOME_DAY && day <= COMPLETION_DAY ? day : null;
}

/** When Day 1 would arrive for a sample subscriber confirming at `now`, in words ("tomorrow at 8:00"). */
function sampleFirstStepWhen(config: Config, now: number): string {
  const at = nextSendAt({ timezone: PREVIEW_TIMEZONE, sendHour: config.defaultSendHour, lastStepSentAt: null }, now);
  return describeWhen(at, now, PREVIEW_TIMEZONE);
}

/** The email for `key`, exactly as the sender builds it for a sample recipient. */
export function previewEmail(config: Config, key: PreviewKey, now: number): OutgoingEmail {
  const sender = emailSenderFrom(config);
  if (key === 'confirmation') return buildConfirmationEmail(sender, PREVIEW_EMAIL_ADDRESS, confirmUrl(config.publicUrl, PREVIEW_TOKENS.confirm));
  const recipient: EmailRecipient = {
    to: PREVIEW_EMAIL_ADDRESS,
    links: buildLinks(config.publicUrl, PREVIEW_TOKENS),
    replyToken: PREVIEW_TOKENS.reply,
    unsubscribeToken: PREVIEW_TOKENS.unsubscribe,
  };
  if (key === WELCOME_DAY) return buildWelcomeEmail(sender, recipient, sampleFirstStepWhen(config, now));
  if (key === COMPLETION_DAY) return buildCompletionEmail(sender, recipient);
  const day = findCourseDay(key);
  if (!day) throw new RangeError(`No course day ${key}`);
  const step = stepForRole(day, DEFAULT_ROLE);
  return buildStepEmail(sender, recipient, step, dayUrl(config.publicUrl, step.day));
}

export interface SmsPreview {
  text: string;
  count: SegmentCount;
}

/** The SMS for `key` as the sender composes it for a sample subscriber, with its encoding and segment count. */
export function previewSms(config: Config, key: PreviewKey, now: number): SmsPreview {
  const text = composePreviewSms(config, key, now);
  return { text, count: countSegments(text) };
}

function composePreviewSms(config: Config, key: PreviewKey, now: number): string {
  if (key === 'confirmation') return composeConfirmationSms(PROGRAM_NAME);
  const { journalUrl } = buildLinks(config.publicUrl, PREVIEW_TOKENS);
  if (key === WELCOME_DAY) return composeWelcomeSms({ firstStepWhen: sampleFirstStepWhen(config, now), supportLine: config.supportLine, journalUrl });
  if (key === COMPLETION_DAY) return composeCompletionSms({ journalUrl });
  const day = findCourseDay(key);
  if (!day) throw new RangeError(`No course day ${key}`);
  const step = stepForRole(day, DEFAULT_ROLE);
  return composeDailySms(step, dayUrl(config.publicUrl, step.day));
}

/** What a preview is called on the admin page: "Confirmation", "Welcome", "Day 3: <title>", "Completion". */
export function previewLabel(key: PreviewKey): string {
  if (key === 'confirmation') return 'Confirmation';
  if (key === WELCOME_DAY) return 'Welcome';
  if (key === COMPLETION_DAY) return 'Completion';
  return `Day ${key}: ${findCourseDay(key)?.title ?? ''}`;
}

/** Every preview, in the order a subscriber meets them. */
export function allPreviewKeys(): PreviewKey[] {
  const keys: PreviewKey[] = ['confirmation'];
  for (let day = WELCOME_DAY; day <= COMPLETION_DAY; day++) keys.push(day);
  return keys;
}
