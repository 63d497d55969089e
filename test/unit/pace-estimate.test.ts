// The operator's pace estimate: backlog and when it clears at the limits, and the send hours the limits cannot meet.
import { describe, expect, it } from 'vitest';
import { estimatePace } from '../../src/schedule/pace-estimate';

const at = (iso: string) => Date.parse(iso);
const limits = { resendPerSecond: 2, twilioPerSecond: 1 };

describe('estimatePace', () => {
  it('clears a due backlog at the limits: 100 emails a request, one SMS a message', () => {
    const now = at('2026-06-03T12:00:00Z');
    const estimate = estimatePace(
      [
        { channel: 'email', timezone: 'UTC', dueAt: now, count: 1_000 },
        { channel: 'sms', timezone: 'America/New_York', dueAt: now - 60_000, count: 120 },
      ],
      limits,
      now,
    );
    expect(estimate.email).toEqual({ backlog: 1_000, clearsAt: now + 5_000 });
    expect(estimate.sms).toEqual({ backlog: 120, clearsAt: now + 120_000 });
    expect(estimate.warnings).toEqual([]);
  });

  it('warns when more SMS are due at 09:00 than the number can send before 20:00 local', () => {
    const now = at('2026-06-03T12:00:00Z');
    const nine = at('2026-06-03T13:00:00Z'); // 09:00 in New York
    const estimate = estimatePace([{ channel: 'sms', timezone: 'America/New_York', dueAt: nine, count: 40_000 }], limits, now);
    expect(estimate.sms.backlog).toBe(0);
    expect(estimate.warnings).toEqual([expect.stringMatching(/^40000 SMS \(America\/New_York\) due at 13:00 UTC cannot all go before 20:00 local/)]);
    // 39,600 is exactly 11 hours at 1/s: that fits.
    expect(estimatePace([{ channel: 'sms', timezone: 'America/New_York', dueAt: nine, count: 39_600 }], limits, now).warnings).toEqual([]);
  });

  it('warns when an hour’s emails take longer than one tick, counting what shares the limit before them', () => {
    const now = at('2026-06-03T06:00:00Z');
    const eight = at('2026-06-03T08:00:00Z');
    const fits = estimatePace([{ channel: 'email', timezone: 'Europe/London', dueAt: eight, count: 180_000 }], limits, now);
    expect(fits.warnings).toEqual([]);
    const crowded = estimatePace(
      [
        { channel: 'email', timezone: 'Europe/London', dueAt: eight, count: 180_000 },
        { channel: 'email', timezone: 'Africa/Lagos', dueAt: eight, count: 1_000 },
      ],
      limits,
      now,
    );
    expect(crowded.warnings).toEqual([expect.stringMatching(/^180000 emails \(Europe\/London\) due at 08:00 UTC go out by 08:15 UTC/)]);
  });

  it('never warns for a channel that is not paced (the outbox)', () => {
    const now = at('2026-06-03T12:00:00Z');
    const estimate = estimatePace([{ channel: 'sms', timezone: 'UTC', dueAt: now, count: 1_000_000 }], { resendPerSecond: null, twilioPerSecond: null }, now);
    expect(estimate.warnings).toEqual([]);
    expect(estimate.sms).toEqual({ backlog: 1_000_000, clearsAt: now });
  });
});
