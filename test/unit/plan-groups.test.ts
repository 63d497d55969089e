// How a tick groups leased subscribers for the queue: full groups per channel, only the last one partial.
import { describe, expect, it } from 'vitest';
import { takeGroups } from '../../src/dispatch/plan';
import type { PendingGroups } from '../../src/dispatch/plan';

const leased = (channel: 'email' | 'sms', from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `${channel}${from + index}`, channel }));

describe('takeGroups', () => {
  it('keeps a partial group back until the tick flushes, so groups fill across pages', () => {
    const pending: PendingGroups = { email: [], sms: [] };
    const first = takeGroups(pending, [...leased('email', 0, 950), ...leased('sms', 0, 52)], false);
    expect(first.map((group) => group.subscriberIds.length)).toEqual([100, 10, 100, 10, 100, 10, 100, 10, 100, 10, 100, 100, 100, 100]);
    expect(pending.email).toHaveLength(50);
    expect(pending.sms).toHaveLength(2);
    expect(first[1]).toMatchObject({ channel: 'sms', subscriberIds: expect.arrayContaining(['sms0']) });
    const second = takeGroups(pending, leased('email', 950, 50), true);
    expect(second.map((group) => group.subscriberIds.length)).toEqual([100, 2]);
    expect(second[0]!.subscriberIds[0]).toBe('email900');
    expect(pending).toEqual({ email: [], sms: [] });
  });

  it('never mixes channels in one group', () => {
    const groups = takeGroups({ email: [], sms: [] }, [...leased('sms', 0, 5), ...leased('email', 0, 5)], true);
    for (const group of groups) expect(group.subscriberIds.every((id) => id.startsWith(group.channel))).toBe(true);
  });
});
