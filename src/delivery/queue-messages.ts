// What the cron tick hands to the delivery queue: groups of due subscribers, or "go on planning" for very large ticks.
export type DeliveryQueueMessage =
  | { type: 'deliver'; now: number; subscriberIds: string[] }
  | { type: 'plan'; now: number };

/** Subscribers per queue message: one Resend batch call's worth. */
export const SUBSCRIBERS_PER_MESSAGE = 100;
