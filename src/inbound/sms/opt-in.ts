// START, UNSTOP or YES by SMS: confirm a pending signup, or bring someone who stopped back where they left off.
import { WELCOME_DAY, completionDay, courseOf } from '../../course/course';
import type { Subscriber } from '../../db/schema';
import { resumeAfterOptIn } from '../../db/sms-queries';
import { composeResumeSms } from '../../messages/sms';
import { describeWhen, nextSendAt } from '../../schedule/due';
import type { Services } from '../../services';
import { CONSENT_TEXTS } from '../../messages/consent-text';

export type OptInOutcome = 'confirmed' | 'resumed' | 'unchanged';

export interface OptInAnswer {
  outcome: OptInOutcome;
  /** The SMS to answer with by TwiML, or null when the welcome already went out or nothing changed. */
  reply: string | null;
}

/** "Welcome back, Day n arrives …" for a subscriber whose next step is `nextDay`, due at `dueAt`; null outside Day 1..N. */
function resumeReply(subscriber: Pick<Subscriber, 'next_day' | 'timezone' | 'course_id'>, dueAt: number | null, now: number): string | null {
  const course = courseOf(subscriber.course_id);
  if (dueAt === null || subscriber.next_day < 1 || subscriber.next_day > course.days.length) return null;
  return composeResumeSms({ nextDay: subscriber.next_day, nextStepWhen: describeWhen(dueAt, now, subscriber.timezone), length: course.days.length });
}

/**
 * Handles an opt-in keyword (`keyword` as classified, e.g. "YES") from `subscriber`'s number at `now`.
 * Pending: confirmed with a new consent record, and the welcome goes out at once (someone who had stopped
 * mid-course and signed up again resumes instead and is told when their next step comes). Unsubscribed,
 * suppressed or paused: back on the course at the step they had reached, due at their next send hour, with a
 * new consent record and a "welcome back" reply; never started: the welcome goes out at once. Active or
 * completed: nothing changes. Repeating the same opt-in changes nothing more.
 */
export async function optInBySms(services: Services, subscriber: Subscriber, meta: { now: number; keyword: string }): Promise<OptInAnswer> {
  const { now } = meta;
  const consent = { textVersion: CONSENT_TEXTS.sms.version, method: `sms-${meta.keyword.toLowerCase()}` };
  if (subscriber.status === 'pending') {
    const result = await services.confirmSubscription(subscriber.id, { now, sourceIp: null, ...consent });
    if (result.status !== 'confirmed') return { outcome: 'unchanged', reply: null };
    const reply = subscriber.next_day === WELCOME_DAY ? null : resumeReply(result.subscriber, result.subscriber.next_due_at, now);
    return { outcome: 'confirmed', reply };
  }
  if (subscriber.next_day > completionDay(courseOf(subscriber.course_id))) {
    const changed = await resumeAfterOptIn(services.db, subscriber, { now, status: 'completed', nextDueAt: null, consent });
    return { outcome: changed ? 'resumed' : 'unchanged', reply: null };
  }
  const rhythm = { timezone: subscriber.timezone, sendHour: subscriber.send_hour, lastStepSentAt: subscriber.last_sent_at };
  const nextDueAt = subscriber.next_day === WELCOME_DAY ? now : nextSendAt(rhythm, now);
  const changed = await resumeAfterOptIn(services.db, subscriber, { now, status: 'active', nextDueAt, consent });
  if (!changed) return { outcome: 'unchanged', reply: null };
  if (subscriber.next_day === WELCOME_DAY) {
    await services.dispatch.deliverNow([subscriber.id], now);
    return { outcome: 'resumed', reply: null };
  }
  return { outcome: 'resumed', reply: resumeReply(subscriber, nextDueAt, now) };
}
