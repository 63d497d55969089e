// The providers' pace as a schedule of send slots (pure): tickets hand out slots at the allowed rate, in order, once.

/** Share of the provider's limit we plan for, so clock jitter between us and the provider does not cost 429s. */
export const PACE_SAFETY = 0.97;
/** Tickets are forgotten this long after their last slot has passed. */
const TICKET_MEMORY_MS = 5 * 60_000;

export type Provider = 'resend' | 'twilio';

/** When a ticket's first send may go (`waitMs` from now) and the spacing of the ones after it. */
export interface PaceSlot {
  waitMs: number;
  intervalMs: number;
}

interface Ticket {
  startAt: number;
  endAt: number;
}

/** One provider's schedule: the first free instant and the tickets handed out. */
export interface PaceSchedule {
  nextFreeAt: number;
  tickets: Map<string, Ticket>;
}

export function newPaceSchedule(): PaceSchedule {
  return { nextFreeAt: 0, tickets: new Map() };
}

/** Milliseconds between sends at `perSecond`, with the safety margin. */
export function paceInterval(perSecond: number): number {
  return 1000 / (perSecond * PACE_SAFETY);
}

/**
 * Reserves `count` consecutive slots for `ticket` at `now`, or returns the ones it already holds while their time
 * has not come: a queue message sent back to wait for its slot keeps its place instead of joining the end of the
 * line. A ticket whose first slot has passed (it was used, and the message came back after a 429 or a server
 * error) gets fresh slots at the end: its old ones now belong to others' time, and reusing them would be a burst.
 */
export function reserveSlots(schedule: PaceSchedule, ticket: string, count: number, perSecond: number, now: number): PaceSlot {
  const intervalMs = paceInterval(perSecond);
  forgetOldTickets(schedule, now);
  const held = schedule.tickets.get(ticket);
  if (held && held.startAt >= now) return { waitMs: held.startAt - now, intervalMs };
  const startAt = Math.max(now, schedule.nextFreeAt);
  const endAt = startAt + Math.max(1, count) * intervalMs;
  schedule.nextFreeAt = endAt;
  schedule.tickets.set(ticket, { startAt, endAt });
  return { waitMs: startAt - now, intervalMs };
}

/** The provider said to wait (429 Retry-After, or no requests left in its window): nothing starts before `until`. */
export function holdUntil(schedule: PaceSchedule, until: number): void {
  schedule.nextFreeAt = Math.max(schedule.nextFreeAt, until);
}

/** How far ahead the schedule is booked at `now`, in ms. */
export function bookedAhead(schedule: PaceSchedule, now: number): number {
  return Math.max(0, schedule.nextFreeAt - now);
}

function forgetOldTickets(schedule: PaceSchedule, now: number): void {
  for (const [id, ticket] of schedule.tickets) {
    if (ticket.endAt < now - TICKET_MEMORY_MS) schedule.tickets.delete(id);
  }
}

/**
 * How many sends may be planned on a tick: what the rate allows over `horizonMs`, less what is already booked.
 * Planning no more than this keeps every planned message's slot inside its lease.
 */
export function planAllowance(perSecond: number, horizonMs: number, bookedMs: number): number {
  return Math.max(0, Math.floor(((horizonMs - bookedMs) / 1000) * perSecond * PACE_SAFETY));
}

/** The gate the dispatch asks before each provider call; without a provider (the outbox) it never waits. */
export interface PaceGate {
  reserve(provider: Provider, ticket: string, count: number): Promise<PaceSlot>;
  /** Nothing more goes to `provider` for `forMs` (its Retry-After, or the rest of its rate window). */
  hold(provider: Provider, forMs: number): Promise<void>;
  bookedAheadMs(provider: Provider): Promise<number>;
  /** Sends per second allowed for the provider, or null when it is not paced. */
  rate(provider: Provider): number | null;
}
