// A provider's status callback can prove a send was accepted after our call went unanswered: settle that delivery.
import { findCourse } from '../course/course';
import { recordOutcomes, type DueRow } from '../db/dispatch-queries';
import { findUnsettledDelivery } from '../db/unsettled-deliveries';
import { advanceAfterSend } from '../schedule/progress';

/** The key each SMS delivery is sent under; it also rides on the StatusCallback URL. */
export function smsDeliveryKey(subscriberId: string, cycle: number, day: number): string {
  return `rt-${subscriberId}-${cycle}-${day}`;
}

/** The (subscriber, cycle, day) of an SMS delivery key, or null for anything else (confirmations, help texts). */
export function parseSmsDeliveryKey(key: string): { subscriberId: string; cycle: number; day: number } | null {
  const match = /^rt-([a-z2-7]{8,40})-(\d{1,4})-(\d{1,2})$/.exec(key);
  return match ? { subscriberId: match[1]!, cycle: Number(match[2]), day: Number(match[3]) } : null;
}

/**
 * When Twilio reports on a message we never heard back about (the call timed out, or the worker died), the
 * delivery is marked sent with that MessageSid and the subscriber moves on, exactly as if the call had answered.
 * A delivery already sent (by a later attempt) is left alone. Returns true when it settled one.
 */
export async function settleAcceptedDelivery(d1: D1Database, deliveryKey: string, providerId: string): Promise<boolean> {
  const parsed = parseSmsDeliveryKey(deliveryKey);
  if (!parsed) return false;
  const unsettled = await findUnsettledDelivery(d1, parsed);
  if (!unsettled) return false;
  const subscriber: DueRow = unsettled.subscriber;
  const sentAt = unsettled.claimedAt;
  const course = findCourse(subscriber.course_id);
  if (!course) return false;
  const progress = advanceAfterSend(
    {
      courseLength: course.days.length,
      id: subscriber.id,
      channel: subscriber.channel,
      timezone: subscriber.timezone,
      sendHour: subscriber.send_hour,
      cycle: subscriber.cycle,
      nextDay: subscriber.next_day,
      lastSentAt: subscriber.last_sent_at,
    },
    parsed.day,
    sentAt,
  );
  await d1.batch(recordOutcomes(d1, [{ id: parsed.subscriberId, cycle: parsed.cycle, day: parsed.day, providerId, courseVersion: course.version, ...progress }], [], sentAt));
  return true;
}
