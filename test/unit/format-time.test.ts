// Proves the one time formatter: every hour a subscriber reads says it in their convention and names their place.
import { describe, expect, it } from 'vitest';
import { describeWhen } from '../../src/schedule/due';
import { formatClock, formatLocalTime, formatSendHour, formatSendHourWithPlace, placeOfZone, usesTwelveHourClock } from '../../src/schedule/format-time';

const at = (iso: string) => Date.parse(iso);

describe('formatLocalTime', () => {
  it('writes 8:00 a.m. in New York with the place', () => {
    expect(formatLocalTime(at('2026-12-02T13:00:00Z'), 'America/New_York')).toBe('8:00 a.m., New York time');
  });

  it('keeps the local hour across the daylight-saving change', () => {
    expect(formatLocalTime(at('2026-07-02T12:00:00Z'), 'America/New_York')).toBe('8:00 a.m., New York time');
    expect(formatLocalTime(at('2026-07-02T07:00:00Z'), 'Europe/London')).toBe('08:00, London time');
    expect(formatLocalTime(at('2026-12-02T08:00:00Z'), 'Europe/London')).toBe('08:00, London time');
  });

  it('writes noon, midnight and the evening the way each convention does', () => {
    expect(formatClock(at('2026-12-02T17:00:00Z'), 'America/New_York')).toBe('12:00 p.m.');
    expect(formatClock(at('2026-12-02T05:00:00Z'), 'America/New_York')).toBe('12:00 a.m.');
    expect(formatClock(at('2026-12-03T01:30:00Z'), 'America/New_York')).toBe('8:30 p.m.');
    expect(formatClock(at('2026-12-02T00:00:00Z'), 'Europe/Berlin')).toBe('01:00');
    expect(formatClock(at('2026-12-01T23:00:00Z'), 'Europe/Berlin')).toBe('00:00');
    expect(formatClock(at('2026-12-02T19:00:00Z'), 'Europe/Berlin')).toBe('20:00');
  });

  it('handles half-hour and quarter-hour zones', () => {
    expect(formatLocalTime(at('2026-12-02T02:30:00Z'), 'Asia/Kolkata')).toBe('8:00 a.m., Kolkata time');
    expect(formatLocalTime(at('2026-12-02T02:15:00Z'), 'Asia/Kathmandu')).toBe('8:00 a.m., Kathmandu time');
    expect(formatLocalTime(at('2026-12-01T21:30:00Z'), 'Australia/Adelaide')).toBe('8:00 a.m., Adelaide time');
  });

  it('names multi-word and nested places, and UTC plainly', () => {
    expect(placeOfZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(placeOfZone('America/Los_Angeles')).toBe('Los Angeles time');
    expect(formatLocalTime(at('2026-12-02T08:00:00Z'), 'UTC')).toBe('08:00 UTC');
    expect(formatLocalTime(at('2026-12-02T08:00:00Z'), 'Etc/UTC')).toBe('08:00 UTC');
  });

  it('guesses the clock convention from the zone', () => {
    for (const zone of ['America/New_York', 'America/Toronto', 'America/Chicago', 'Australia/Sydney', 'Pacific/Auckland', 'Pacific/Honolulu']) {
      expect(usesTwelveHourClock(zone), zone).toBe(true);
    }
    for (const zone of ['Europe/London', 'Europe/Dublin', 'Europe/Paris', 'Asia/Tokyo', 'UTC', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires']) {
      expect(usesTwelveHourClock(zone), zone).toBe(false);
    }
  });
});

describe('formatSendHour', () => {
  it('writes each hour of the day once, in the convention of the zone', () => {
    const twelve = Array.from({ length: 24 }, (_, hour) => formatSendHour(hour, 'America/Chicago'));
    expect(twelve.slice(0, 2)).toEqual(['12:00 a.m.', '1:00 a.m.']);
    expect(twelve[12]).toBe('12:00 p.m.');
    expect(twelve[19]).toBe('7:00 p.m.');
    expect(new Set(twelve).size).toBe(24);
    expect(formatSendHour(9, 'Europe/Dublin')).toBe('09:00');
    expect(formatSendHourWithPlace(8, 'America/New_York')).toBe('8:00 a.m., New York time');
    expect(formatSendHourWithPlace(19, 'UTC')).toBe('19:00 UTC');
  });
});

describe('describeWhen', () => {
  const now = at('2026-12-01T15:00:00Z');
  it('says today, tomorrow or the date, always with the place', () => {
    expect(describeWhen(at('2026-12-01T23:00:00Z'), now, 'America/New_York')).toBe('today at 6:00 p.m., New York time');
    expect(describeWhen(at('2026-12-02T13:00:00Z'), now, 'America/New_York')).toBe('tomorrow at 8:00 a.m., New York time');
    expect(describeWhen(at('2026-12-04T13:00:00Z'), now, 'America/New_York')).toBe('on December 4 at 8:00 a.m., New York time');
    expect(describeWhen(at('2026-12-04T08:00:00Z'), now, 'Europe/London')).toBe('on 4 December at 08:00, London time');
  });
});
