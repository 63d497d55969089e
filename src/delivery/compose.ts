// Builds each claimed subscriber's message for the day: signs their links, then calls the pure email and SMS builders.
import type { Config } from '../config';
import { COMPLETION_DAY, WELCOME_DAY, findCourseDay } from '../course/course';
import { stepForRole } from '../course/roles';
import type { Role } from '../db/schema';
import type { OutgoingEmail, OutgoingSms } from '../channels/channel';
import { buildCompletionEmail, buildStepEmail, buildWelcomeEmail, type EmailSender } from '../messages/email';
import { buildLinks, dayUrl } from '../messages/links';
import { composeCompletionSms, composeDailySms, composeWelcomeSms } from '../messages/sms';
import { describeWhen, nextSendAt } from '../schedule/due';
import { signToken } from '../security/tokens';

export interface ComposeTarget {
  id: string;
  address: string;
  timezone: string;
  sendHour: number;
  /** Picks our prompt and practice for the day. */
  role: Role;
  day: number;
}

/** The sender details every email shares, from the configuration. */
export function emailSenderFrom(config: Config): EmailSender {
  return {
    from: config.emailFrom,
    inboundAddress: config.emailReplyTo,
    postalAddress: config.postalAddress,
    supportLine: config.supportLine,
    publicUrl: config.publicUrl,
  };
}

async function signedLinks(config: Config, subscriberId: string) {
  const [unsubscribe, journal, reply] = await Promise.all([
    signToken(config.tokenSecret, 'unsubscribe', subscriberId),
    signToken(config.tokenSecret, 'journal', subscriberId),
    signToken(config.tokenSecret, 'reply', subscriberId),
  ]);
  return { tokens: { unsubscribe, journal, reply }, links: buildLinks(config.publicUrl, { unsubscribe, journal }) };
}

/** When Day 1 will come, in words, for a welcome sent at `now`. */
function firstStepWhen(target: ComposeTarget, now: number): string {
  const at = nextSendAt({ timezone: target.timezone, sendHour: target.sendHour, lastStepSentAt: null }, now);
  return describeWhen(at, now, target.timezone);
}

/** The email for `target.day` (welcome, step or completion). */
export async function composeEmail(config: Config, target: ComposeTarget, now: number): Promise<OutgoingEmail> {
  const { tokens, links } = await signedLinks(config, target.id);
  const sender = emailSenderFrom(config);
  const recipient = { to: target.address, links, replyToken: tokens.reply, unsubscribeToken: tokens.unsubscribe };
  if (target.day === WELCOME_DAY) return buildWelcomeEmail(sender, recipient, firstStepWhen(target, now));
  if (target.day === COMPLETION_DAY) return buildCompletionEmail(sender, recipient);
  const day = findCourseDay(target.day);
  if (!day) throw new Error(`No course day ${target.day}`);
  const step = stepForRole(day, target.role);
  // The web version shows the same role's practice and prompt as the email.
  return buildStepEmail(sender, recipient, step, `${dayUrl(config.publicUrl, step.day)}?role=${target.role}`);
}

/** The SMS for `target.day` (welcome, step or completion). */
export async function composeSms(config: Config, target: ComposeTarget, now: number): Promise<OutgoingSms> {
  if (target.day === WELCOME_DAY || target.day === COMPLETION_DAY) {
    const { links } = await signedLinks(config, target.id);
    const body =
      target.day === WELCOME_DAY
        ? composeWelcomeSms({ firstStepWhen: firstStepWhen(target, now), supportLine: config.supportLine, journalUrl: links.journalUrl })
        : composeCompletionSms({ journalUrl: links.journalUrl });
    return { to: target.address, body };
  }
  const day = findCourseDay(target.day);
  if (!day) throw new Error(`No course day ${target.day}`);
  const step = stepForRole(day, target.role);
  return { to: target.address, body: composeDailySms(step, dayUrl(config.publicUrl, step.day)) };
}
