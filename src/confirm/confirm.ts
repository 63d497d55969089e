// Confirming a signup (email link or SMS YES): the subscriber becomes active and the welcome goes out at once.
import { WELCOME_DAY, completionDay, courseOf } from '../course/course';
import type { Database } from '../db/client';
import type { Subscriber } from '../db/schema';
import { activateSubscriber, findSubscriber } from '../db/subscribers';
import { nextSendAt } from '../schedule/due';

/** What confirming needs: the database, and the daily send to deliver the welcome at once (injected by the wiring). */
export interface ConfirmServices {
  db: Database;
  dispatch: { deliverNow(ids: string[], now: number): Promise<unknown> };
}

/** When and how the subscriber said yes, kept as the consent record. */
export interface ConfirmMeta {
  now: number;
  sourceIp: string | null;
  method: string;
  textVersion: string;
}

export type ConfirmOutcome = { status: 'confirmed' | 'already_confirmed'; subscriber: Subscriber } | { status: 'not_found' };

/**
 * Activates a pending subscriber and sends what is due at once: the welcome for a new subscriber; someone
 * coming back after stopping resumes where they left off, at their next send hour.
 */
export async function confirmSubscription(
  services: ConfirmServices,
  subscriberId: string,
  meta: ConfirmMeta,
): Promise<ConfirmOutcome> {
  const current = await findSubscriber(services.db, subscriberId);
  if (!current) return { status: 'not_found' };
  if (current.status !== 'pending') return { status: 'already_confirmed', subscriber: current };
  // Someone who finished the course, left, and signs up again starts a new round from the welcome.
  const finished = current.next_day > completionDay(courseOf(current.course_id));
  const startOver = current.next_day === WELCOME_DAY || finished;
  const nextDueAt = startOver
    ? meta.now
    : nextSendAt({ timezone: current.timezone, sendHour: current.send_hour, lastStepSentAt: current.last_sent_at }, meta.now);
  const activated = await activateSubscriber(services.db, current, {
    now: meta.now,
    nextDueAt,
    startOver,
    newCycle: finished,
    courseVersion: courseOf(current.course_id).version,
    consent: { sourceIp: meta.sourceIp, textVersion: meta.textVersion, method: meta.method },
  });
  if (!activated) return { status: 'already_confirmed', subscriber: current };
  if (startOver) await services.dispatch.deliverNow([subscriberId], meta.now);
  const fresh = await findSubscriber(services.db, subscriberId);
  return fresh ? { status: 'confirmed', subscriber: fresh } : { status: 'not_found' };
}
