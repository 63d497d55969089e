// What the operator page shows: addresses masked, the funnel filled for every day, previews keyed by day.
import { describe, expect, it } from 'vitest';
import { buildFunnel, funnelDayLabel } from '../../src/admin/funnel';
import { maskAddress } from '../../src/admin/mask-address';
import { allPreviewKeys, parsePreviewKey, previewLabel } from '../../src/admin/previews';
import { defaultCourse as course } from '../../src/course/course';

describe('maskAddress', () => {
  it('keeps two characters of an email local part and the whole domain', () => {
    expect(maskAddress('anna@example.com')).toBe('an…@example.com');
    expect(maskAddress('op@example.com')).toBe('o…@example.com');
    expect(maskAddress('a@example.com')).toBe('a…@example.com');
  });

  it('keeps the first five and last two characters of a phone number', () => {
    expect(maskAddress('+14155550123')).toBe('+1415…23');
    expect(maskAddress('+447700900123')).toBe('+4477…23');
  });

  it('never shows a short non-email value whole', () => {
    expect(maskAddress('12345')).toBe('1…');
  });
});

describe('buildFunnel', () => {
  it('has a bar for the welcome, each of the 30 days and the completion, zero where nothing was sent', () => {
    const funnel = buildFunnel([{ day: 0, subscribers: 5 }, { day: 2, subscribers: 3 }, { day: 31, subscribers: 1 }, { day: 40, subscribers: 9 }]);
    expect(funnel).toHaveLength(32);
    expect(funnel.map((entry) => entry.day)).toEqual(Array.from({ length: 32 }, (_, day) => day));
    expect(funnel[0]).toEqual({ day: 0, subscribers: 5 });
    expect(funnel[1]).toEqual({ day: 1, subscribers: 0 });
    expect(funnel[2]).toEqual({ day: 2, subscribers: 3 });
    expect(funnel[31]).toEqual({ day: 31, subscribers: 1 });
  });

  it('labels the ends by name', () => {
    expect([0, 1, 30, 31].map((day) => funnelDayLabel(day))).toEqual(['Welcome', 'Day 1', 'Day 30', 'Completion']);
  });
});

describe('parsePreviewKey', () => {
  it('reads "confirmation" and the days 0..31, nothing else', () => {
    expect(parsePreviewKey('confirmation')).toBe('confirmation');
    expect(parsePreviewKey('0')).toBe(0);
    expect(parsePreviewKey('31')).toBe(31);
    for (const bad of ['32', '03', '-1', '1.5', '', 'Confirmation', '1e1']) expect(parsePreviewKey(bad), bad).toBeNull();
  });

  it('lists every preview in course order with its label', () => {
    const keys = allPreviewKeys();
    expect(keys).toHaveLength(33);
    expect(keys.slice(0, 3)).toEqual(['confirmation', 0, 1]);
    expect(previewLabel(3)).toBe(`Day 3: ${course.days[2]!.title}`);
    expect(previewLabel(31)).toBe('Completion');
  });
});
