// Finding a delivery whose provider call went unanswered, with its subscriber, so a status callback can settle it.
import type { DueRow } from './dispatch-queries';

export interface UnsettledDelivery {
  claimedAt: number;
  subscriber: DueRow;
}

/** The delivery if it is still waiting (`sending`, `retry` or `failed`) and its subscriber is at that day of that cycle. */
export async function findUnsettledDelivery(
  d1: D1Database,
  key: { subscriberId: string; cycle: number; day: number },
): Promise<UnsettledDelivery | undefined> {
  const row = await d1
    .prepare(
      `SELECT d.claimed_at, s.id, s.channel, s.address, s.timezone, s.send_hour, s.role, s.cycle, s.next_day, s.last_sent_at, s.course_id, s.next_due_at
       FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
       WHERE d.subscriber_id = ?1 AND d.cycle = ?2 AND d.day = ?3 AND d.status IN ('sending', 'retry', 'failed')
         AND s.cycle = ?2 AND s.next_day = ?3`,
    )
    .bind(key.subscriberId, key.cycle, key.day)
    .first<DueRow & { claimed_at: number }>();
  if (!row) return undefined;
  const { claimed_at: claimedAt, ...subscriber } = row;
  return { claimedAt, subscriber };
}
