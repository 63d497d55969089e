// Pure: what the journal page shows, built from a subscriber's record and `now`: progress, rounds, reflections, actions.
import { WELCOME_DAY, completionDay, courseOf, defaultCourse, findCourseDay, type Course } from '../course/course';
import type { Channel, Delivery, Reflection, Role, SubscriberStatus } from '../db/schema';
import type { JournalRecord } from '../db/journal-queries';
import { describeWhen } from '../schedule/due';
import { formatSendHour, formatSendHourWithPlace } from '../schedule/format-time';
import { formatLocalDate, formatLocalDateTime } from './local-dates';
import { allowedSendHours, timeZoneChoices } from './settings-input';

export interface ReflectionView {
  id: number;
  text: string;
  /** The subscriber rewrote it in the journal (re-extraction never touches it then). */
  edited: boolean;
  /** The whole message it was taken from, when that says more than the reflection (email); shown one click away. */
  wholeMessage: string | null;
  /** When it arrived, in the subscriber's zone. */
  receivedOn: string;
  channel: Channel;
  /** It speaks of violence or danger: the page shows the support line beside it. */
  flagged: boolean;
}

export interface DayView {
  day: number;
  title: string;
  /** `sent`: delivered in this round; `next`: the one that comes next; `upcoming`: later. */
  state: 'sent' | 'next' | 'upcoming';
  sentOn: string | null;
  reflections: ReflectionView[];
}

export interface RoundView {
  cycle: number;
  /** Reflections written before Day 1 of the round (answers to the welcome). */
  beforeDayOne: ReflectionView[];
  days: DayView[];
  /** When the closing message of the round went out, if it did. */
  completedOn: string | null;
}

export interface JournalActions {
  pause: boolean;
  resume: boolean;
  restart: boolean;
  settings: boolean;
}

export interface JournalView {
  channel: Channel;
  address: string;
  status: SubscriberStatus;
  /** How they come to the course: picks their prompts and practices. */
  role: Role;
  /** When they left (unsubscribed or suppressed), in their zone; null otherwise. */
  leftOn: string | null;
  /** True once they unsubscribed or were suppressed: only export and delete remain. */
  left: boolean;
  stepsSent: number;
  total: number;
  /** The title of the enrolment's course. */
  courseTitle: string;
  /** The next message and when it comes; null when nothing is due (paused, finished, left). */
  next: { day: number; title: string; when: string } | null;
  current: RoundView;
  /** Earlier rounds (after a restart), newest first, with only the days sent or written about. */
  earlier: RoundView[];
  actions: JournalActions;
  settings: { timezone: string; sendHour: number; hours: number[]; zones: string[]; hourLabels: string[]; sendsAt: string };
  reflectionCount: number;
}

const SENT_STATUSES = new Set<Delivery['status']>(['sent', 'delivered']);
const LEFT_STATUSES = new Set<SubscriberStatus>(['unsubscribed', 'suppressed']);

/** The self-service actions that make sense in each status. */
export function actionsFor(status: SubscriberStatus): JournalActions {
  return {
    pause: status === 'active',
    resume: status === 'paused',
    restart: status === 'active' || status === 'paused' || status === 'completed',
    settings: !LEFT_STATUSES.has(status),
  };
}

/** The title of a course message by its day number: the step's title, or "Welcome" / "Closing message". */
export function titleOfDay(day: number, course: Course = defaultCourse): string {
  if (day === WELCOME_DAY) return 'Welcome';
  if (day >= completionDay(course)) return 'Closing message';
  return findCourseDay(course, day)?.title ?? `Day ${day}`;
}

/** The step a reflection is shown under: 0 (before Day 1) to N; replies after the closing message stay with Day N. */
export function journalDayOf(reflection: Pick<Reflection, 'day'>, course: Course = defaultCourse): number {
  return Math.min(Math.max(reflection.day, WELCOME_DAY), course.days.length);
}

function toReflectionView(reflection: Reflection, timezone: string): ReflectionView {
  return {
    id: reflection.id,
    text: reflection.body,
    edited: reflection.edited_at !== null,
    wholeMessage: reflection.raw_text && reflection.raw_text.trim() !== reflection.body.trim() ? reflection.raw_text : null,
    receivedOn: formatLocalDateTime(reflection.received_at, timezone),
    channel: reflection.channel,
    flagged: reflection.flagged,
  };
}

function buildRound(record: JournalRecord, cycle: number, nextDay: number | null, allDays: boolean): RoundView {
  const { timezone } = record.subscriber;
  const course = courseOf(record.subscriber.course_id);
  const sentAt = new Map<number, number>();
  for (const delivery of record.deliveries) {
    if (delivery.cycle === cycle && SENT_STATUSES.has(delivery.status) && delivery.sent_at !== null) sentAt.set(delivery.day, delivery.sent_at);
  }
  const byDay = new Map<number, ReflectionView[]>();
  for (const reflection of record.reflections.filter((item) => item.cycle === cycle)) {
    const day = journalDayOf(reflection, course);
    byDay.set(day, [...(byDay.get(day) ?? []), toReflectionView(reflection, timezone)]);
  }
  const days: DayView[] = [];
  for (let day = 1; day <= course.days.length; day++) {
    const sent = sentAt.get(day);
    const reflections = byDay.get(day) ?? [];
    if (!allDays && sent === undefined && reflections.length === 0) continue;
    const state = sent !== undefined ? 'sent' : day === nextDay ? 'next' : 'upcoming';
    days.push({ day, title: titleOfDay(day, course), state, sentOn: sent === undefined ? null : formatLocalDate(sent, timezone), reflections });
  }
  const closedAt = [...sentAt.entries()].find(([day]) => day > course.days.length)?.[1];
  return { cycle, beforeDayOne: byDay.get(WELCOME_DAY) ?? [], days, completedOn: closedAt === undefined ? null : formatLocalDate(closedAt, timezone) };
}

function describeNext(record: JournalRecord, now: number): JournalView['next'] {
  const { subscriber } = record;
  const course = courseOf(subscriber.course_id);
  if (subscriber.status !== 'active' || subscriber.next_due_at === null || subscriber.next_day > completionDay(course)) return null;
  const when = subscriber.next_due_at <= now ? 'in the next few minutes' : describeWhen(subscriber.next_due_at, now, subscriber.timezone);
  return { day: subscriber.next_day, title: titleOfDay(subscriber.next_day, course), when };
}

/** The journal page's content for `record` as seen at `now`; dates are in the subscriber's own time zone. */
export function buildJournalView(record: JournalRecord, now: number): JournalView {
  const { subscriber } = record;
  const showsNext = subscriber.status === 'active' || subscriber.status === 'paused';
  const current = buildRound(record, subscriber.cycle, showsNext ? subscriber.next_day : null, true);
  const earlierCycles = [...new Set([...record.deliveries, ...record.reflections].map((item) => item.cycle))]
    .filter((cycle) => cycle < subscriber.cycle)
    .sort((a, b) => b - a);
  return {
    channel: subscriber.channel,
    address: subscriber.address,
    status: subscriber.status,
    role: subscriber.role,
    leftOn: LEFT_STATUSES.has(subscriber.status) && subscriber.ended_at !== null ? formatLocalDate(subscriber.ended_at, subscriber.timezone) : null,
    left: LEFT_STATUSES.has(subscriber.status),
    stepsSent: current.days.filter((day) => day.state === 'sent').length,
    total: courseOf(subscriber.course_id).days.length,
    courseTitle: courseOf(subscriber.course_id).title,
    next: describeNext(record, now),
    current,
    earlier: earlierCycles.map((cycle) => buildRound(record, cycle, null, false)),
    actions: actionsFor(subscriber.status),
    settings: {
      timezone: subscriber.timezone,
      sendHour: subscriber.send_hour,
      hours: allowedSendHours(subscriber.channel),
      hourLabels: allowedSendHours(subscriber.channel).map((hour) => formatSendHour(hour, subscriber.timezone)),
      sendsAt: formatSendHourWithPlace(subscriber.send_hour, subscriber.timezone),
      zones: timeZoneChoices(subscriber.timezone),
    },
    reflectionCount: record.reflections.length,
  };
}
