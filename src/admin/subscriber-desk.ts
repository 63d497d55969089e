// One enrolment at the operator's desk: its facts, deliveries with their retry history, and the three actions (resend, pause, unsubscribe).
import type { Database } from '../db/client';
import { attemptsOf, deliveriesOf, findEnrolment, pauseEnrolment, recordOperatorResend, reflectionCountsOf } from '../db/admin-queries';
import type { Subscriber } from '../db/schema';
import { endSubscription } from '../db/subscribers';
import type { Services } from '../services';

export const DESK_ACTIONS = ['resend', 'pause', 'unsubscribe'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** The enrolment with its deliveries (newest first, each with its provider calls, oldest first) and reflection counts. */
export async function loadSubscriberDesk(db: Database, id: string) {
  const enrolment = await findEnrolment(db, id);
  if (!enrolment) return null;
  const [deliveries, reflections] = await Promise.all([deliveriesOf(db, id), reflectionCountsOf(db, id)]);
  const attempts = await attemptsOf(db, deliveries.map((delivery) => delivery.id));
  return {
    enrolment,
    deliveries: deliveries.map((delivery) => ({ ...delivery, history: attempts.filter((attempt) => attempt.deliveryId === delivery.id) })),
    reflections,
  };
}

export type SubscriberDesk = NonNullable<Awaited<ReturnType<typeof loadSubscriberDesk>>>;

/** The message "today's step" means for this enrolment: the last step sent, or the welcome before Day 1. */
export function todaysDay(enrolment: Pick<Subscriber, 'last_day_sent' | 'next_day'>): number | null {
  if (enrolment.last_day_sent > 0) return enrolment.last_day_sent;
  return enrolment.next_day > 0 ? 0 : null;
}

/** Which actions fit the enrolment's status: resend while on the course, pause while active, unsubscribe until it ended. */
export function allowedActions(enrolment: Pick<Subscriber, 'status' | 'last_day_sent' | 'next_day'>): Record<DeskAction, boolean> {
  const onCourse = enrolment.status === 'active' || enrolment.status === 'paused' || enrolment.status === 'completed';
  return {
    resend: onCourse && todaysDay(enrolment) !== null,
    pause: enrolment.status === 'active',
    unsubscribe: ['pending', 'active', 'paused', 'completed'].includes(enrolment.status),
  };
}

export type DeskResult = { done: true; message: string } | { done: false; message: string };

/**
 * Carries out one confirmed action. Resend composes today's message exactly as the daily send does and sends it
 * through the channel once (a second press within the same minute sends nothing new: same idempotency key), and
 * notes it in that delivery's retry history; it does not change where the subscriber is in the course.
 */
export async function runDeskAction(services: Services, enrolment: Subscriber, action: DeskAction, now: number): Promise<DeskResult> {
  if (!allowedActions(enrolment)[action]) return { done: false, message: `That cannot be done while the enrolment is ${enrolment.status}.` };
  if (action === 'pause') {
    return (await pauseEnrolment(services.db, enrolment.id)) ? { done: true, message: 'Paused: nothing more is sent until they resume from their journal.' } : { done: false, message: 'It was no longer active.' };
  }
  if (action === 'unsubscribe') {
    const ended = await endSubscription(services.db, enrolment.id, 'unsubscribed', 'operator', now);
    return ended ? { done: true, message: 'Unsubscribed: nothing more is sent.' } : { done: false, message: 'It had already ended.' };
  }
  const day = todaysDay(enrolment)!;
  const target = { id: enrolment.id, address: enrolment.address, timezone: enrolment.timezone, sendHour: enrolment.send_hour, day, courseId: enrolment.course_id, role: enrolment.role, dueAt: now };
  const key = `operator-resend-${enrolment.id}-${enrolment.cycle}-${day}-${Math.floor(now / 60_000)}`;
  const outcome = await services.dispatch.resendStep(enrolment.channel, target, key);
  const ok = outcome.outcome === 'sent' || outcome.outcome === 'duplicate';
  await recordOperatorResend(services.db, {
    subscriberId: enrolment.id,
    cycle: enrolment.cycle,
    day,
    channel: enrolment.channel,
    outcome: ok ? 'resent_by_operator' : 'operator_resend_failed',
    detail: ok ? null : 'error' in outcome ? outcome.error.slice(0, 200) : 'no answer',
    now,
  });
  const label = day === 0 ? 'the welcome' : `Day ${day}`;
  return ok ? { done: true, message: `Sent ${label} again.` } : { done: false, message: `${label} could not be sent again; the provider said: ${'error' in outcome ? outcome.error : 'nothing'}.` };
}
