// The journal's pure core: exports hold everything the person gave us and no secrets; the page view groups and dates correctly.
import { describe, expect, it } from 'vitest';
import { defaultCourse as course } from '../../src/course/course';
import type { JournalRecord } from '../../src/db/journal-queries';
import type { Delivery, Reflection, Subscriber } from '../../src/db/schema';
import { buildJsonExport, buildMarkdownExport } from '../../src/journal/export';
import { actionsFor, buildJournalView } from '../../src/journal/journal-view';
import { allowedSendHours, parseRhythmSettings, timeZoneChoices } from '../../src/journal/settings-input';

const at = (iso: string) => Date.parse(iso);
const SUBSCRIBER_ID = 'abcdefghijklmnop';

function subscriber(overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    id: SUBSCRIBER_ID,
    channel: 'email',
    address: 'reader@example.com',
    status: 'active',
    course_id: 'rebuild-trust',
    course_version: null,
    role: 'together',
    timezone: 'America/New_York',
    send_hour: 8,
    cycle: 1,
    next_day: 3,
    next_due_at: at('2026-03-04T13:00:00Z'),
    lease_until: null,
    last_day_sent: 2,
    last_sent_at: at('2026-03-03T13:00:00Z'),
    created_at: at('2026-03-01T15:00:00Z'),
    confirmed_at: at('2026-03-01T15:05:00Z'),
    ended_at: null,
    end_reason: null,
    confirmation_sent_at: at('2026-03-01T15:00:00Z'),
    ...overrides,
  };
}

let nextId = 1;
function delivery(cycle: number, day: number, sentAt: string | null, status: Delivery['status'] = 'sent'): Delivery {
  return {
    id: nextId++,
    subscriber_id: SUBSCRIBER_ID,
    cycle,
    day,
    channel: 'email',
    status,
    attempts: 1,
    claimed_at: sentAt ? at(sentAt) : 0,
    sent_at: sentAt ? at(sentAt) : null,
    provider_id: `provider-secret-${day}`,
    idempotency_key: `rt-idempotency-${day}`,
    last_error: null,
    updated_at: sentAt ? at(sentAt) : 0,
  };
}

function reflection(cycle: number, day: number, body: string, receivedAt: string, flagged = false): Reflection {
  return {
    id: nextId++,
    subscriber_id: SUBSCRIBER_ID,
    cycle,
    day,
    channel: day % 2 === 0 ? 'sms' : 'email',
    body,
    raw_text: null,
    extractor_version: 0,
    edited_at: null,
    source_id: `inbound-source-${nextId}`,
    flagged,
    received_at: at(receivedAt),
  };
}

function record(overrides: Partial<JournalRecord> = {}): JournalRecord {
  return {
    subscriber: subscriber(),
    consents: [
      { id: 1, subscriber_id: SUBSCRIBER_ID, channel: 'email', consented_at: at('2026-03-01T15:00:00Z'), source_ip: '203.0.113.7', text_version: 'email-2026-01', method: 'form' },
    ],
    deliveries: [delivery(1, 0, '2026-03-01T15:05:00Z'), delivery(1, 1, '2026-03-02T13:00:00Z'), delivery(1, 2, '2026-03-03T13:00:00Z', 'delivered')],
    reflections: [
      reflection(1, 1, 'I told the truth today.\n# not a heading\nsecond line', '2026-03-03T02:30:00Z'),
      reflection(1, 2, 'He threatened me again last night.', '2026-03-03T20:00:00Z', true),
    ],
    ...overrides,
  };
}

const NOW = at('2026-03-03T22:00:00Z');

describe('buildJsonExport', () => {
  it('holds the settings, consents, deliveries and reflections, with titles and ISO times', () => {
    const data = buildJsonExport(record(), NOW);
    expect(data.subscriber).toEqual({
      channel: 'email',
      address: 'reader@example.com',
      status: 'active',
      timezone: 'America/New_York',
      sendHour: 8,
      round: 1,
      nextDay: 3,
      createdAt: '2026-03-01T15:00:00.000Z',
      confirmedAt: '2026-03-01T15:05:00.000Z',
      endedAt: null,
      endReason: null,
    });
    expect(data.consents).toEqual([{ channel: 'email', consentedAt: '2026-03-01T15:00:00.000Z', sourceIp: '203.0.113.7', textVersion: 'email-2026-01', method: 'form' }]);
    expect(data.deliveries.map((item) => [item.day, item.title, item.status])).toEqual([
      [0, 'Welcome', 'sent'],
      [1, course.days[0]!.title, 'sent'],
      [2, course.days[1]!.title, 'delivered'],
    ]);
    expect(data.reflections).toEqual([
      expect.objectContaining({ round: 1, day: 1, text: 'I told the truth today.\n# not a heading\nsecond line', flaggedForSafety: false }),
      expect.objectContaining({ day: 2, channel: 'sms', receivedAt: '2026-03-03T20:00:00.000Z', flaggedForSafety: true }),
    ]);
    expect(data.exportedAt).toBe('2026-03-03T22:00:00.000Z');
  });

  it('leaves out internal ids, provider ids, idempotency keys and source ids', () => {
    const text = JSON.stringify(buildJsonExport(record(), NOW));
    expect(text).not.toContain(SUBSCRIBER_ID);
    expect(text).not.toContain('provider-secret');
    expect(text).not.toContain('rt-idempotency');
    expect(text).not.toContain('inbound-source');
  });
});

describe('buildMarkdownExport', () => {
  const markdown = buildMarkdownExport(record(), NOW);

  it('is a readable journal: each step sent with its title and quote, the reflections quoted under it', () => {
    expect(markdown.startsWith('# My Rebuild Trust journal\n')).toBe(true);
    const dayOne = markdown.indexOf(`### Day 1: ${course.days[0]!.title}`);
    const dayTwo = markdown.indexOf(`### Day 2: ${course.days[1]!.title}`);
    expect(dayOne).toBeGreaterThan(0);
    expect(dayTwo).toBeGreaterThan(dayOne);
    expect(markdown).toContain(`*\u201c${course.days[0]!.quote}\u201d*`);
    const told = markdown.indexOf('> I told the truth today.');
    expect(told).toBeGreaterThan(dayOne);
    expect(told).toBeLessThan(dayTwo);
    expect(markdown).toContain('> # not a heading\n> second line');
    expect(markdown.indexOf('> He threatened me again last night.')).toBeGreaterThan(dayTwo);
    expect(markdown).not.toContain('### Day 3:');
  });

  it('writes dates in the subscriber\u2019s own zone and lists the consent records', () => {
    // 02:30 UTC on 3 March is still 2 March, 21:30 in New York.
    expect(markdown).toContain('My reflection, 2 March 2026 at 21:30, by email:');
    expect(markdown).toContain('Received 2 March 2026 at 08:00.');
    expect(markdown).toMatch(/## Consent records\n\n- 1 March 2026 at 10:00: form, email, wording email-2026-01, from 203\.0\.113\.7/);
    expect(markdown).not.toContain(SUBSCRIBER_ID);
  });

  it('keeps earlier rounds after a restart, each under its own heading', () => {
    const restarted = record({
      subscriber: subscriber({ cycle: 2, next_day: 1, last_day_sent: 0, last_sent_at: null }),
      reflections: [reflection(1, 1, 'First time round.', '2026-03-02T20:00:00Z'), reflection(2, 0, 'Starting over.', '2026-03-05T20:00:00Z')],
    });
    const text = buildMarkdownExport(restarted, NOW);
    const roundOne = text.indexOf('## Round 1');
    const roundTwo = text.indexOf('## Round 2 (current)');
    expect(roundOne).toBeGreaterThan(0);
    expect(roundTwo).toBeGreaterThan(roundOne);
    expect(text.indexOf('> First time round.')).toBeLessThan(roundTwo);
    expect(text.indexOf('### Before Day 1')).toBeGreaterThan(roundTwo);
    expect(text.indexOf('> Starting over.')).toBeGreaterThan(roundTwo);
  });
});

describe('buildJournalView', () => {
  it('shows progress, the next step with its time, and each reflection under its step', () => {
    const view = buildJournalView(record(), NOW);
    expect(view.stepsSent).toBe(2);
    expect(view.next).toEqual({ day: 3, title: course.days[2]!.title, when: 'tomorrow at 8:00 a.m., New York time' });
    expect(view.current.days).toHaveLength(30);
    expect(view.current.days.slice(0, 4).map((day) => [day.state, day.sentOn])).toEqual([
      ['sent', '2 March 2026'],
      ['sent', '3 March 2026'],
      ['next', null],
      ['upcoming', null],
    ]);
    expect(view.current.days[0]!.reflections.map((item) => [item.text.split('\n')[0], item.receivedOn, item.flagged])).toEqual([
      ['I told the truth today.', '2 March 2026 at 21:30', false],
    ]);
    expect(view.current.days[1]!.reflections).toEqual([expect.objectContaining({ channel: 'sms', flagged: true })]);
    expect(view.actions).toEqual({ pause: true, resume: false, restart: true, settings: true });
  });

  it('does not count a step still waiting for a retry as received', () => {
    const view = buildJournalView(record({ deliveries: [delivery(1, 1, '2026-03-02T13:00:00Z'), delivery(1, 2, null, 'retry')] }), NOW);
    expect(view.stepsSent).toBe(1);
    expect(view.current.days[1]!.state).toBe('upcoming');
  });

  it('keeps an earlier round with only the days that were sent or written about', () => {
    const view = buildJournalView(
      record({
        subscriber: subscriber({ cycle: 2, next_day: 1, last_day_sent: 0, last_sent_at: null }),
        deliveries: [delivery(1, 1, '2026-03-02T13:00:00Z'), delivery(1, 2, '2026-03-03T13:00:00Z')],
      }),
      NOW,
    );
    expect(view.stepsSent).toBe(0);
    expect(view.current.days[0]!.state).toBe('next');
    expect(view.earlier.map((round) => [round.cycle, round.days.map((day) => day.day)])).toEqual([[1, [1, 2]]]);
    expect(view.earlier[0]!.days[0]!.reflections).toHaveLength(1);
  });

  it('offers only export and delete once someone has left, and nothing due while paused', () => {
    const left = buildJournalView(record({ subscriber: subscriber({ status: 'unsubscribed', next_due_at: null }) }), NOW);
    expect(left.left).toBe(true);
    expect(left.next).toBeNull();
    expect(left.actions).toEqual({ pause: false, resume: false, restart: false, settings: false });
    expect(buildJournalView(record({ subscriber: subscriber({ status: 'paused', next_due_at: null }) }), NOW).next).toBeNull();
    expect(actionsFor('paused')).toEqual({ pause: false, resume: true, restart: true, settings: true });
    expect(actionsFor('completed')).toEqual({ pause: false, resume: false, restart: true, settings: true });
    expect(actionsFor('suppressed').restart).toBe(false);
  });
});

describe('parseRhythmSettings', () => {
  it('accepts an hour and an IANA zone from a form', () => {
    expect(parseRhythmSettings({ sendHour: '21', timezone: 'Asia/Kathmandu' }, 'email')).toEqual({ sendHour: 21, timezone: 'Asia/Kathmandu' });
    expect(parseRhythmSettings({ sendHour: '9', timezone: 'Europe/London' }, 'sms')).toEqual({ sendHour: 9, timezone: 'Europe/London' });
  });

  it.each([
    [{ sendHour: '24', timezone: 'UTC' }, 'email', 'invalid_field', 'sendHour'],
    [{ sendHour: 'eight', timezone: 'UTC' }, 'email', 'invalid_field', 'sendHour'],
    [{ timezone: 'UTC' }, 'email', 'invalid_field', 'sendHour'],
    [{ sendHour: '8', timezone: 'Mars/Olympus' }, 'email', 'invalid_field', 'timezone'],
    [{ sendHour: '8', timezone: 'UTC' }, 'sms', 'send_hour_not_allowed', 'sendHour'],
    [{ sendHour: '20', timezone: 'UTC' }, 'sms', 'send_hour_not_allowed', 'sendHour'],
  ] as const)('refuses %j for %s with %s on %s', (body, channel, code, field) => {
    expect(() => parseRhythmSettings(body, channel)).toThrow(expect.objectContaining({ code, field }));
  });

  it('offers 0-23 for email, 9-19 for texts, and a zone list that includes the current zone', () => {
    expect(allowedSendHours('email')).toEqual(Array.from({ length: 24 }, (_, hour) => hour));
    expect(allowedSendHours('sms')).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const zones = timeZoneChoices('America/New_York');
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('UTC');
    expect(zones.length).toBeGreaterThan(100);
  });
});
