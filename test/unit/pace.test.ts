// The shared send schedule: slots at the allowed rate, a ticket keeps its place, a provider's "wait" holds everyone.
import { describe, expect, it } from 'vitest';
import { PACE_SAFETY, bookedAhead, holdUntil, newPaceSchedule, paceInterval, planAllowance, reserveSlots } from '../../src/dispatch/pace';
import { withinAllowance } from '../../src/dispatch/plan';

describe('reserveSlots', () => {
  it('hands out consecutive slots at the rate, with a safety margin, to tickets in the order they ask', () => {
    const schedule = newPaceSchedule();
    const interval = paceInterval(2);
    expect(interval).toBeCloseTo(1000 / (2 * PACE_SAFETY));
    expect(reserveSlots(schedule, 'a', 1, 2, 10_000)).toEqual({ waitMs: 0, intervalMs: interval });
    expect(reserveSlots(schedule, 'b', 3, 2, 10_000).waitMs).toBeCloseTo(interval);
    expect(reserveSlots(schedule, 'c', 1, 2, 10_100).waitMs).toBeCloseTo(4 * interval - 100);
    expect(bookedAhead(schedule, 10_000)).toBeCloseTo(5 * interval);
  });

  it('gives a ticket that comes back the slot it already holds, instead of a place at the end of the line', () => {
    const schedule = newPaceSchedule();
    reserveSlots(schedule, 'first', 10, 1, 0);
    const later = reserveSlots(schedule, 'second', 1, 1, 0);
    expect(reserveSlots(schedule, 'second', 1, 1, 5_000).waitMs).toBeCloseTo(later.waitMs - 5_000);
    expect(bookedAhead(schedule, 0)).toBeCloseTo(11 * paceInterval(1));
  });

  it('gives a ticket whose slot has passed (it sent, then came back after a 429) fresh slots at the end of the line', () => {
    const schedule = newPaceSchedule();
    expect(reserveSlots(schedule, 'used', 2, 1, 0).waitMs).toBe(0);
    reserveSlots(schedule, 'next', 3, 1, 0);
    // Its old slots now belong to others' time: reusing them would send on top of 'next'.
    expect(reserveSlots(schedule, 'used', 1, 1, 1_500).waitMs).toBeCloseTo(5 * paceInterval(1) - 1_500);
  });

  it('starts nothing before a hold ends (a 429 with Retry-After)', () => {
    const schedule = newPaceSchedule();
    holdUntil(schedule, 3_000);
    expect(reserveSlots(schedule, 'a', 1, 5, 1_000).waitMs).toBe(2_000);
  });
});

describe('planning inside the pace', () => {
  it('allows what the rate sends over the horizon, less what is booked, never below zero', () => {
    expect(planAllowance(1, 25 * 60_000, 0)).toBe(Math.floor(1500 * PACE_SAFETY));
    expect(planAllowance(1, 25 * 60_000, 10 * 60_000)).toBe(Math.floor(900 * PACE_SAFETY));
    expect(planAllowance(1, 25 * 60_000, 30 * 60_000)).toBe(0);
  });

  it('takes a page up to each channel’s allowance and leaves the rest for the next tick', () => {
    const allowance = { email: 2, sms: 1 };
    const page = [
      { id: 'e1', channel: 'email' as const },
      { id: 's1', channel: 'sms' as const },
      { id: 's2', channel: 'sms' as const },
      { id: 'e2', channel: 'email' as const },
      { id: 'e3', channel: 'email' as const },
    ];
    const { taken, over } = withinAllowance(page, allowance);
    expect(taken.map((subscriber) => subscriber.id)).toEqual(['e1', 's1', 'e2']);
    expect(over).toEqual(['s2', 'e3']);
    expect(allowance).toEqual({ email: 0, sms: 0 });
  });
});
