// Pure: what a due subscriber gets now, and their state after the provider accepted it (SPEC §4).
import { WELCOME_DAY } from '../course/course';
import type { Channel } from '../db/schema';
import { isInSmsWindow, nextSendAt, nextSmsWindowOpening } from './due';

export interface DueSubscriber {
  id: string;
  channel: Channel;
  timezone: string;
  sendHour: number;
  cycle: number;
  nextDay: number;
  lastSentAt: number | null;
  /** Number of steps N of the enrolment's course, as built now: any day after N is the completion. */
  courseLength: number;
}

export type DueDecision = { action: 'send'; day: number } | { action: 'wait'; until: number };

/**
 * What to do for a subscriber whose next message is due at `now`. The welcome goes at once; daily SMS
 * (steps and the completion) wait for the 09:00-20:00 local window.
 */
export function decideDue(subscriber: DueSubscriber, now: number): DueDecision {
  const day = subscriber.nextDay;
  if (subscriber.channel === 'sms' && day !== WELCOME_DAY && !isInSmsWindow(now, subscriber.timezone)) {
    return { action: 'wait', until: nextSmsWindowOpening(now, subscriber.timezone) };
  }
  return { action: 'send', day };
}

export interface ProgressAfterSend {
  nextDay: number;
  nextDueAt: number | null;
  lastDaySent: number;
  lastSentAt: number | null;
  completed: boolean;
}

/**
 * The subscriber's state once `day` was accepted by the provider at `sentAt`. After the welcome, Day 1 is
 * due at the first send hour; after a step, the next one on a later local day; after the completion, nothing.
 * The completion is whatever day comes after the course's last step (N + 1, or later when a course was shortened
 * under a running enrolment: its day number is then one never sent, so the delivery key stays unique).
 */
export function advanceAfterSend(subscriber: DueSubscriber, day: number, sentAt: number): ProgressAfterSend {
  if (day !== WELCOME_DAY && day > subscriber.courseLength) {
    return { nextDay: day + 1, nextDueAt: null, lastDaySent: day - 1, lastSentAt: subscriber.lastSentAt, completed: true };
  }
  const lastSentAt = day === WELCOME_DAY ? subscriber.lastSentAt : sentAt;
  return {
    nextDay: day + 1,
    nextDueAt: nextSendAtRemembered(subscriber.timezone, subscriber.sendHour, lastSentAt, sentAt),
    lastDaySent: day === WELCOME_DAY ? 0 : day,
    lastSentAt,
    completed: false,
  };
}

/** Everyone in a batch shares the same send instant, so the next instant is worked out once per zone and hour. */
const remembered = new Map<string, number>();
const REMEMBERED_MAX = 10_000;

function nextSendAtRemembered(timezone: string, sendHour: number, lastStepSentAt: number | null, after: number): number {
  const key = `${timezone}|${sendHour}|${lastStepSentAt}|${after}`;
  let next = remembered.get(key);
  if (next === undefined) {
    next = nextSendAt({ timezone, sendHour, lastStepSentAt }, after);
    if (remembered.size >= REMEMBERED_MAX) remembered.clear();
    remembered.set(key, next);
  }
  return next;
}

const MINUTE = 60_000;
/** Attempts before a step is shown to the operator as failed; it is still retried, less often, after that. */
export const MAX_ATTEMPTS = 8;

/** Backoff before the next attempt: 1, 2, 4 ... minutes, at most an hour, or the provider's Retry-After if longer. */
export function retryDelay(attempts: number, retryAfterMs = 0): number {
  const exponential = Math.min(60 * MINUTE, MINUTE * 2 ** Math.max(0, attempts - 1));
  return Math.max(exponential, retryAfterMs);
}
