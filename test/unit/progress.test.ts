// What a due subscriber gets and where they stand after a send (SPEC §4): welcome at once, SMS in its window, backoff.
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, advanceAfterSend, decideDue, retryDelay, type DueSubscriber } from '../../src/schedule/progress';

const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

const subscriber = (overrides: Partial<DueSubscriber> = {}): DueSubscriber => ({
  id: 'progresstestab',
  channel: 'email',
  timezone: 'America/New_York',
  sendHour: 8,
  cycle: 1,
  nextDay: 3,
  lastSentAt: at('2026-06-01T12:00:00Z'),
  courseLength: 30,
  ...overrides,
});

describe('decideDue', () => {
  it('sends an email step whatever the hour', () => {
    expect(decideDue(subscriber(), at('2026-06-03T03:00:00Z'))).toEqual({ action: 'send', day: 3 });
  });

  it('holds a daily SMS outside 09:00-20:00 local until 09:00', () => {
    const late = at('2026-06-03T00:30:00Z'); // 20:30 in New York
    expect(decideDue(subscriber({ channel: 'sms', sendHour: 19 }), late)).toEqual({ action: 'wait', until: at('2026-06-03T13:00:00Z') });
    expect(decideDue(subscriber({ channel: 'sms', sendHour: 19 }), at('2026-06-02T23:59:00Z'))).toEqual({ action: 'send', day: 3 });
  });

  it('sends the SMS welcome at once, at any hour: it answers the subscriber’s own YES', () => {
    expect(decideDue(subscriber({ channel: 'sms', nextDay: 0, lastSentAt: null }), at('2026-06-03T04:00:00Z'))).toEqual({ action: 'send', day: 0 });
  });
});

describe('advanceAfterSend', () => {
  it('after the welcome, Day 1 is due at the first send hour and the last step time is unchanged', () => {
    const welcomed = advanceAfterSend(subscriber({ nextDay: 0, lastSentAt: null }), 0, at('2026-06-01T15:00:00Z'));
    expect(welcomed).toEqual({ nextDay: 1, nextDueAt: at('2026-06-02T12:00:00Z'), lastDaySent: 0, lastSentAt: null, completed: false });
  });

  it('after a step sent late in the local day, the next is due on the following local day, not twice that day', () => {
    const sentAt = at('2026-06-03T22:00:00Z'); // 18:00 in New York
    const after = advanceAfterSend(subscriber(), 3, sentAt);
    expect(after).toEqual({ nextDay: 4, nextDueAt: at('2026-06-04T12:00:00Z'), lastDaySent: 3, lastSentAt: sentAt, completed: false });
  });

  it('after the completion message, nothing more is due and the subscriber is completed', () => {
    const after = advanceAfterSend(subscriber({ nextDay: 31 }), 31, at('2026-07-01T12:00:00Z'));
    expect(after).toMatchObject({ nextDay: 32, nextDueAt: null, lastDaySent: 30, completed: true });
  });
});

describe('retryDelay', () => {
  it('backs off 1, 2, 4 ... minutes up to an hour, or waits as long as the provider asked', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts) / MINUTE)).toEqual([1, 2, 4, 8]);
    expect(retryDelay(MAX_ATTEMPTS + 5)).toBe(60 * MINUTE);
    expect(retryDelay(1, 5 * MINUTE)).toBe(5 * MINUTE);
  });
});
