// An inbound SMS, end to end: keywords (STOP / START / YES / HELP) act on the subscription, anything else is a reflection.
import type { Subscriber } from '../../db/schema';
import { claimInboundMessage, releaseInboundMessage } from '../../db/inbound-messages';
import { endAllEnrolments, findEnrolments, findSubscriberByAddress } from '../../db/subscribers';
import { journalUrl } from '../../messages/links';
import { DEFAULT_COURSE_ID, courseOf } from '../../course/course';
import { messagesFor } from '../../i18n/messages';
import { PROGRAM_NAME, composeConfirmationSms, composeHelpSms, composeSafetySms, type SmsCourse } from '../../messages/sms';
import { keepReflection } from '../reflections/keep-reflection';
import { classifySmsReply } from './sms-keywords';
import { signToken } from '../../security/tokens';
import type { Services } from '../../services';
import { optInBySms } from './opt-in';

export interface InboundSms {
  /** The sender, E.164 as Twilio gives it. */
  from: string;
  body: string;
  /** Twilio's MessageSid: a reflection is stored once per sid, however often the webhook is delivered. */
  messageSid: string;
  /** Twilio's OptOutType (STOP / START / HELP) when Advanced Opt-Out matched a keyword. */
  optOutType: string | null;
  now: number;
}

export type InboundOutcome =
  | 'opted_out'
  | 'confirmed'
  | 'resumed'
  | 'help'
  | 'reflection_kept'
  | 'duplicate'
  | 'awaiting_confirmation'
  | 'unknown_number'
  | 'unchanged';

export interface InboundAnswer {
  outcome: InboundOutcome;
  /** The SMS to send back by TwiML; null for an empty response. */
  reply: string | null;
}

/** The course an SMS names: its title and length. */
function smsCourseOf(courseId: string): SmsCourse {
  const course = courseOf(courseId);
  return { title: course.title, length: course.days.length };
}

async function helpFor(services: Services, subscriber: Subscriber | undefined): Promise<string> {
  const { config } = services;
  // A pending signup has no journal yet; everyone who confirmed has one, even after stopping.
  if (!subscriber || subscriber.status === 'pending') {
    return composeHelpSms({ supportLine: config.supportLine, course: smsCourseOf(subscriber?.course_id ?? DEFAULT_COURSE_ID) });
  }
  const journal = await signToken(config.tokenSecret, 'journal', subscriber.id);
  return composeHelpSms({ supportLine: config.supportLine, journalUrl: journalUrl(config.publicUrl, journal), course: smsCourseOf(subscriber.course_id) });
}

/**
 * Answers one inbound SMS (SPEC §5). STOP and the other opt-out keywords, or a plain request to stop, end the
 * subscription at once with no reply of ours (Twilio sends its own). START / UNSTOP / YES confirm or resume
 * (see optInBySms; from someone already on the course they change nothing, so a retried YES sends no second
 * welcome). HELP / INFO answer with the help text, to anyone. Any other text from a subscriber is kept
 * as a reflection on the latest step sent, once per MessageSid; the first that speaks of danger is answered with
 * the support line. A pending signup is reminded to reply YES; an unknown number gets an empty answer. A keyword
 * whose MessageSid was already handled is a replay: it changes nothing and gets no reply.
 */
export async function answerInboundSms(services: Services, sms: InboundSms): Promise<InboundAnswer> {
  const { intent } = classifySmsReply(sms.body, sms.optOutType);
  if (intent === 'message') return answerMessage(services, sms);
  // A keyword acts once per MessageSid, like a reflection is kept once: a replayed YES after STOP changes nothing.
  const claim = `sms-keyword:${sms.messageSid}`;
  if (!(await claimInboundMessage(services.db, claim, sms.now))) return { outcome: 'duplicate', reply: null };
  try {
    return await answerMessage(services, sms);
  } catch (error) {
    await releaseInboundMessage(services.db, claim);
    throw error;
  }
}

async function answerMessage(services: Services, sms: InboundSms): Promise<InboundAnswer> {
  const { db, config } = services;
  const { intent, keyword } = classifySmsReply(sms.body, sms.optOutType);
  const subscriber = await findSubscriberByAddress(db, 'sms', sms.from);

  if (intent === 'opt-out') {
    const reason = keyword === 'REQUEST' ? 'sms: asked to stop' : `sms ${keyword ?? 'STOP'}`;
    // STOP is about the number, not one course: every course texted to it stops (a carrier STOP blocks them all anyway).
    if (subscriber) await endAllEnrolments(db, 'sms', sms.from, reason, sms.now);
    return { outcome: 'opted_out', reply: null };
  }
  if (intent === 'help') return { outcome: 'help', reply: await helpFor(services, subscriber) };
  if (!subscriber) return { outcome: 'unknown_number', reply: null };
  if (intent === 'opt-in') {
    // With several courses on one number, a YES answers the newest signup still waiting for it.
    const pending = (await findEnrolments(db, 'sms', sms.from)).find((enrolment) => enrolment.status === 'pending');
    const answer = await optInBySms(services, pending ?? subscriber, { now: sms.now, keyword: keyword ?? 'START' });
    return { outcome: answer.outcome, reply: answer.reply };
  }
  if (subscriber.status === 'pending') return { outcome: 'awaiting_confirmation', reply: composeConfirmationSms(PROGRAM_NAME, smsCourseOf(subscriber.course_id), messagesFor(courseOf(subscriber.course_id).language).sms) };

  const kept = await keepReflection(services, { subscriberId: subscriber.id, channel: 'sms', text: sms.body, sourceId: sms.messageSid, now: sms.now });
  if (!kept.kept) return { outcome: kept.reason === 'duplicate' ? 'duplicate' : 'unchanged', reply: null };
  if (!kept.sendSupportLine) return { outcome: 'reflection_kept', reply: null };
  const journal = await signToken(config.tokenSecret, 'journal', subscriber.id);
  return { outcome: 'reflection_kept', reply: composeSafetySms({ supportLine: config.supportLine, journalUrl: journalUrl(config.publicUrl, journal) }) };
}
