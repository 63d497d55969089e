// SPEC §4's timing rules as pure functions: first send hour, one step per local day, DST, odd offsets, outages.
import { describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../src/schedule/format-time';
import { describeWhen, isInSmsWindow, nextSendAt, nextSmsWindowOpening } from '../../src/schedule/due';
import { localDateKey, startOfLocalHour, toLocal } from '../../src/schedule/local-time';

const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();

describe('startOfLocalHour', () => {
  it('finds 08:00 in New York on both sides of the spring change', () => {
    expect(iso(startOfLocalHour({ year: 2026, month: 3, day: 7 }, 8, 'America/New_York'))).toBe('2026-03-07T13:00:00.000Z');
    expect(iso(startOfLocalHour({ year: 2026, month: 3, day: 8 }, 8, 'America/New_York'))).toBe('2026-03-08T12:00:00.000Z');
  });

  it('moves an hour skipped by the spring change to the moment the clock jumps past it', () => {
    expect(iso(startOfLocalHour({ year: 2026, month: 3, day: 8 }, 2, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(toLocal(at('2026-03-08T07:00:00Z'), 'America/New_York').hour).toBe(3);
  });

  it('takes the first of the two 01:00s when New York clocks go back', () => {
    expect(iso(startOfLocalHour({ year: 2026, month: 11, day: 1 }, 1, 'America/New_York'))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(startOfLocalHour({ year: 2026, month: 11, day: 1 }, 8, 'America/New_York'))).toBe('2026-11-01T13:00:00.000Z');
  });

  it('handles Kathmandu at UTC+05:45', () => {
    expect(iso(startOfLocalHour({ year: 2026, month: 6, day: 1 }, 8, 'Asia/Kathmandu'))).toBe('2026-06-01T02:15:00.000Z');
  });

  it('handles Lord Howe Island, whose clocks move by 30 minutes', () => {
    // 4 October 2026: 02:00 becomes 02:30 (+10:30 to +11).
    expect(iso(startOfLocalHour({ year: 2026, month: 10, day: 4 }, 2, 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z');
    expect(iso(startOfLocalHour({ year: 2026, month: 10, day: 4 }, 8, 'Australia/Lord_Howe'))).toBe('2026-10-03T21:00:00.000Z');
    // 5 April 2026: 02:00 becomes 01:30 (+11 to +10:30); 08:00 is at +10:30.
    expect(iso(startOfLocalHour({ year: 2026, month: 4, day: 5 }, 1, 'Australia/Lord_Howe'))).toBe('2026-04-04T14:00:00.000Z');
    expect(iso(startOfLocalHour({ year: 2026, month: 4, day: 5 }, 8, 'Australia/Lord_Howe'))).toBe('2026-04-04T21:30:00.000Z');
  });
});

describe('nextSendAt', () => {
  const newYork = { timezone: 'America/New_York', sendHour: 8 };

  it('sends Day 1 at the first 08:00 local after confirmation', () => {
    expect(iso(nextSendAt({ ...newYork, lastStepSentAt: null }, at('2026-03-07T15:00:00Z')))).toBe('2026-03-08T12:00:00.000Z');
    expect(iso(nextSendAt({ ...newYork, lastStepSentAt: null }, at('2026-03-07T12:59:00Z')))).toBe('2026-03-07T13:00:00.000Z');
  });

  it('sends Day 1 at 08:00 local time across the spring DST change, then keeps 08:00', () => {
    const day1 = nextSendAt({ ...newYork, lastStepSentAt: null }, at('2026-03-07T20:00:00Z'));
    expect(iso(day1)).toBe('2026-03-08T12:00:00.000Z');
    const day2 = nextSendAt({ ...newYork, lastStepSentAt: day1 }, day1);
    expect(iso(day2)).toBe('2026-03-09T12:00:00.000Z');
    expect(toLocal(day2, 'America/New_York').hour).toBe(8);
  });

  it('keeps 08:00 local across the autumn DST change', () => {
    const before = at('2026-10-31T12:00:00Z');
    const next = nextSendAt({ ...newYork, lastStepSentAt: before }, before);
    expect(iso(next)).toBe('2026-11-01T13:00:00.000Z');
    expect(toLocal(next, 'America/New_York').hour).toBe(8);
  });

  it('never gives two steps on one local day, even when a step went out late in the day', () => {
    const lateSend = at('2026-03-14T22:00:00Z'); // 18:00 in New York after an outage
    const next = nextSendAt({ ...newYork, lastStepSentAt: lateSend }, lateSend);
    expect(localDateKey(next, 'America/New_York')).toBe('2026-03-15');
  });

  it('after an outage of several days, the next step is due at once and the one after on the next local day', () => {
    const lastSent = at('2026-03-10T12:00:00Z');
    const due = nextSendAt({ ...newYork, lastStepSentAt: lastSent }, lastSent);
    expect(iso(due)).toBe('2026-03-11T12:00:00.000Z');
    const outageEnds = at('2026-03-14T19:00:00Z');
    expect(due).toBeLessThanOrEqual(outageEnds); // still due: sent late, not skipped
    const afterThat = nextSendAt({ ...newYork, lastStepSentAt: outageEnds }, outageEnds);
    expect(iso(afterThat)).toBe('2026-03-15T12:00:00.000Z');
  });

  it('in Nuuk at 23:00, a slot moved past midnight by the spring change belongs to the Saturday it was computed for', () => {
    const nuuk = { timezone: 'America/Nuuk', sendHour: 23 };
    // Saturday 28 March 2026: at 23:00 (-02) the clock jumps to 00:00 Sunday (-01), so Saturday's 23:00 is 00:00 Sunday.
    expect(iso(startOfLocalHour({ year: 2026, month: 3, day: 28 }, 23, 'America/Nuuk'))).toBe('2026-03-29T01:00:00.000Z');
    // A step sent on time on Friday: the next one takes Saturday's moved slot.
    const friday = at('2026-03-28T01:00:00Z'); // Friday 23:00 (-02)
    expect(iso(nextSendAt({ ...nuuk, lastStepSentAt: friday }, friday))).toBe('2026-03-29T01:00:00.000Z');
    // A step sent late on Saturday: Saturday's slot is already used, so the next one is Sunday at 23:00, not 00:00.
    const lateSaturday = at('2026-03-28T14:00:00Z'); // Saturday 12:00 (-02)
    const next = nextSendAt({ ...nuuk, lastStepSentAt: lateSaturday }, lateSaturday);
    expect(iso(next)).toBe('2026-03-30T00:00:00.000Z'); // Sunday 23:00 (-01)
    expect(toLocal(next, 'America/Nuuk')).toMatchObject({ day: 29, hour: 23 });
  });

  it('gives the same answer when a tick is replayed for the same instant', () => {
    const rhythm = { timezone: 'Asia/Kathmandu', sendHour: 8, lastStepSentAt: at('2026-06-01T02:15:00Z') };
    expect(nextSendAt(rhythm, at('2026-06-01T02:15:00Z'))).toBe(nextSendAt(rhythm, at('2026-06-01T02:15:00Z')));
    expect(iso(nextSendAt(rhythm, at('2026-06-01T02:15:00Z')))).toBe('2026-06-02T02:15:00.000Z');
  });

  it('lands on quarter-hour ticks in Kathmandu and half-hour ticks on Lord Howe', () => {
    const kathmandu = nextSendAt({ timezone: 'Asia/Kathmandu', sendHour: 8, lastStepSentAt: null }, at('2026-06-01T00:00:00Z'));
    expect(kathmandu % (15 * 60_000)).toBe(0);
    const lordHowe = nextSendAt({ timezone: 'Australia/Lord_Howe', sendHour: 2, lastStepSentAt: at('2026-10-02T15:00:00Z') }, at('2026-10-02T15:00:00Z'));
    expect(iso(lordHowe)).toBe('2026-10-03T15:30:00.000Z');
  });
});

describe('SMS quiet hours', () => {
  it('allows 09:00-19:59 local and waits for 09:00 otherwise', () => {
    expect(isInSmsWindow(at('2026-06-01T13:00:00Z'), 'America/New_York')).toBe(true); // 09:00
    expect(isInSmsWindow(at('2026-06-02T00:00:00Z'), 'America/New_York')).toBe(false); // 20:00
    expect(iso(nextSmsWindowOpening(at('2026-06-02T01:00:00Z'), 'America/New_York'))).toBe('2026-06-02T13:00:00.000Z');
    expect(iso(nextSmsWindowOpening(at('2026-06-01T11:00:00Z'), 'America/New_York'))).toBe('2026-06-01T13:00:00.000Z');
  });
});

describe('describeWhen', () => {
  it('speaks of today, tomorrow or a date', () => {
    const now = at('2026-06-01T10:00:00Z');
    expect(describeWhen(at('2026-06-01T12:00:00Z'), now, 'UTC')).toBe(`today at ${formatLocalTime(at('2026-06-01T12:00:00Z'), 'UTC')}`);
    expect(describeWhen(at('2026-06-02T08:00:00Z'), now, 'UTC')).toBe(`tomorrow at ${formatLocalTime(at('2026-06-02T08:00:00Z'), 'UTC')}`);
    expect(describeWhen(at('2026-06-05T08:00:00Z'), now, 'UTC')).toMatch(/^on (5 June|June 5) at /);
  });
});
