// Pure: everything a subscriber gave us, as JSON for machines and as a readable Markdown journal; no internal ids or tokens.
import { WELCOME_DAY, courseOf, findCourseDay } from '../course/course';
import type { JournalRecord } from '../db/journal-queries';
import type { Reflection } from '../db/schema';
import { journalDayOf, titleOfDay } from './journal-view';
import { formatHour, formatLocalDateTime } from './local-dates';

const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

export interface JournalExport {
  exportedAt: string;
  subscriber: {
    channel: string;
    address: string;
    status: string;
    timezone: string;
    sendHour: number;
    round: number;
    nextDay: number;
    createdAt: string | null;
    confirmedAt: string | null;
    endedAt: string | null;
    endReason: string | null;
  };
  consents: { channel: string; consentedAt: string | null; sourceIp: string | null; textVersion: string; method: string }[];
  deliveries: { round: number; day: number; title: string; channel: string; status: string; sentAt: string | null }[];
  reflections: {
    round: number;
    day: number;
    title: string;
    channel: string;
    text: string;
    /** The whole message the reflection was taken from (email); null for SMS, whose text is the whole message. */
    wholeMessage: string | null;
    editedAt: string | null;
    receivedAt: string | null;
    flaggedForSafety: boolean;
  }[];
}

/** The machine-readable export: the subscriber's settings, consent records, messages sent and reflections, times in ISO 8601 UTC. */
export function buildJsonExport(record: JournalRecord, now: number): JournalExport {
  const { subscriber } = record;
  return {
    exportedAt: iso(now)!,
    subscriber: {
      channel: subscriber.channel,
      address: subscriber.address,
      status: subscriber.status,
      timezone: subscriber.timezone,
      sendHour: subscriber.send_hour,
      round: subscriber.cycle,
      nextDay: subscriber.next_day,
      createdAt: iso(subscriber.created_at),
      confirmedAt: iso(subscriber.confirmed_at),
      endedAt: iso(subscriber.ended_at),
      endReason: subscriber.end_reason,
    },
    consents: record.consents.map((consent) => ({
      channel: consent.channel,
      consentedAt: iso(consent.consented_at),
      sourceIp: consent.source_ip,
      textVersion: consent.text_version,
      method: consent.method,
    })),
    deliveries: record.deliveries.map((delivery) => ({
      round: delivery.cycle,
      day: delivery.day,
      title: titleOfDay(delivery.day, courseOf(record.subscriber.course_id)),
      channel: delivery.channel,
      status: delivery.status,
      sentAt: iso(delivery.sent_at),
    })),
    reflections: record.reflections.map((reflection) => ({
      round: reflection.cycle,
      day: reflection.day,
      title: titleOfDay(reflection.day, courseOf(record.subscriber.course_id)),
      channel: reflection.channel,
      text: reflection.body,
      wholeMessage: reflection.raw_text,
      editedAt: iso(reflection.edited_at),
      receivedAt: iso(reflection.received_at),
      flaggedForSafety: reflection.flagged,
    })),
  };
}

const CHANNEL_WORDS = { email: 'by email', sms: 'by text message' } as const;

/** Each line of `text` as a Markdown quote, so a person's own words never turn into headings or lists. */
function quoteLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}

function reflectionBlock(reflection: Reflection, timezone: string): string {
  const block = `My reflection, ${formatLocalDateTime(reflection.received_at, timezone)}, ${CHANNEL_WORDS[reflection.channel]}:\n\n${quoteLines(reflection.body)}`;
  const whole = reflection.raw_text?.trim();
  return whole && whole !== reflection.body.trim() ? `${block}\n\nThe whole message:\n\n${quoteLines(whole)}` : block;
}

function roundSection(record: JournalRecord, cycle: number, heading: string): string {
  const { timezone } = record.subscriber;
  const course = courseOf(record.subscriber.course_id);
  const reflectionsOf = (day: number) =>
    record.reflections.filter((item) => item.cycle === cycle && journalDayOf(item, course) === day);
  const sentAt = (day: number) =>
    record.deliveries.find((item) => item.cycle === cycle && item.day === day && (item.status === 'sent' || item.status === 'delivered'))?.sent_at ?? null;
  const parts = [`## ${heading}`];
  const early = reflectionsOf(WELCOME_DAY);
  if (early.length > 0) parts.push('### Before Day 1', ...early.map((item) => reflectionBlock(item, timezone)));
  for (let day = 1; day <= course.days.length; day++) {
    const sent = sentAt(day);
    const mine = reflectionsOf(day);
    if (sent === null && mine.length === 0) continue;
    const step = findCourseDay(course, day)!;
    parts.push(`### Day ${day}: ${step.title}`, ...(step.quote === null ? [] : [`*\u201c${step.quote}\u201d*`]));
    if (sent !== null) parts.push(`Received ${formatLocalDateTime(sent, timezone)}.`);
    parts.push(...mine.map((item) => reflectionBlock(item, timezone)));
  }
  if (parts.length === 1) parts.push('No steps or reflections yet.');
  return parts.join('\n\n');
}

/**
 * The human-readable export: who and how, consent records, then every round's steps (title, quote, when it
 * arrived) with the person's reflections under each. Dates are in the subscriber's time zone.
 */
export function buildMarkdownExport(record: JournalRecord, now: number): string {
  const { subscriber } = record;
  const tz = subscriber.timezone;
  const when = (instant: number | null) => (instant === null ? 'not yet' : formatLocalDateTime(instant, tz));
  const header = [
    '# My Rebuild Trust journal',
    `Exported ${formatLocalDateTime(now, tz)} (${tz}).`,
    [
      `- Receiving the course ${CHANNEL_WORDS[subscriber.channel]} at ${subscriber.address}`,
      `- Status: ${subscriber.status}`,
      `- Send hour: ${formatHour(subscriber.send_hour)} (${tz})`,
      `- Signed up: ${when(subscriber.created_at)}`,
      `- Confirmed: ${when(subscriber.confirmed_at)}`,
    ].join('\n'),
  ];
  const consentLines = record.consents.map(
    (consent) => `- ${formatLocalDateTime(consent.consented_at, tz)}: ${consent.method}, ${consent.channel}, wording ${consent.text_version}${consent.source_ip ? `, from ${consent.source_ip}` : ''}`,
  );
  const consentSection = ['## Consent records', consentLines.length > 0 ? consentLines.join('\n') : 'None recorded.'].join('\n\n');
  const cycles = [...new Set([subscriber.cycle, ...record.deliveries.map((item) => item.cycle), ...record.reflections.map((item) => item.cycle)])].sort((a, b) => a - b);
  const rounds = cycles.map((cycle) =>
    roundSection(record, cycle, cycles.length === 1 ? 'My steps and reflections' : `Round ${cycle}${cycle === subscriber.cycle ? ' (current)' : ''}`),
  );
  return `${[...header, consentSection, ...rounds].join('\n\n')}\n`;
}
