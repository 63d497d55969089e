// How a tick groups leased subscribers for the queue: one invocation's work per message, both channels, whole Resend calls.
import { describe, expect, it } from 'vitest';
import { MESSAGE_CAPACITY, takeGroups } from '../../src/dispatch/plan';
import type { PendingGroups } from '../../src/dispatch/plan';

const leased = (channel: 'email' | 'sms', from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({ id: `${channel}${from + index}`, channel }));

const sizes = (groups: { email: string[]; sms: string[] }[]) => groups.map((group) => [group.email.length, group.sms.length]);

describe('takeGroups', () => {
  it('fills each message up to one invocation’s capacity with both channels, and keeps the rest until the tick flushes', () => {
    expect(MESSAGE_CAPACITY).toEqual({ email: 400, sms: 40 });
    const pending: PendingGroups = { email: [], sms: [] };
    const first = takeGroups(pending, [...leased('email', 0, 950), ...leased('sms', 0, 52)], false);
    // 40 SMS fill the first message, which takes 400 emails with them; the next is full of emails; 150 emails and
    // 12 SMS wait for the next page.
    expect(sizes(first)).toEqual([
      [400, 40],
      [400, 12],
    ]);
    expect(pending.email).toHaveLength(150);
    expect(pending.sms).toHaveLength(0);
    expect(first[0]!.sms[0]).toBe('sms0');
    const second = takeGroups(pending, [...leased('email', 950, 50), ...leased('sms', 52, 3)], true);
    expect(sizes(second)).toEqual([[200, 3]]);
    expect(second[0]!.email[0]).toBe('email800');
    expect(pending).toEqual({ email: [], sms: [] });
  });

  it('takes whole Resend calls of 100 before the flush, so only the tick’s last call may be partial', () => {
    const pending: PendingGroups = { email: [], sms: [] };
    const groups = takeGroups(pending, [...leased('email', 0, 250), ...leased('sms', 0, 40)], false);
    expect(sizes(groups)).toEqual([[200, 40]]);
    expect(pending.email).toHaveLength(50);
  });

  it('puts each subscriber in its own channel’s list', () => {
    const groups = takeGroups({ email: [], sms: [] }, [...leased('sms', 0, 5), ...leased('email', 0, 5)], true);
    for (const group of groups) {
      expect(group.email.every((id) => id.startsWith('email'))).toBe(true);
      expect(group.sms.every((id) => id.startsWith('sms'))).toBe(true);
    }
  });
});
