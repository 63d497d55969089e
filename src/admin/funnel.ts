// The course funnel as a full series: one bar for every message of the course, welcome to completion.
import { WELCOME_DAY, completionDay, defaultCourse, type Course } from '../course/course';

export interface FunnelDay {
  /** 0 the welcome, 1..N the steps, N + 1 the completion message. */
  day: number;
  /** Subscribers who were sent this day's message, each counted once across cycles. */
  subscribers: number;
}

/**
 * Days 0..N+1 of `course` in order, each with its count from `counted` (rows of a GROUP BY
 * day) or 0 when no row names it. Rows for days outside the course are ignored.
 */
export function buildFunnel(counted: readonly FunnelDay[], course: Course = defaultCourse): FunnelDay[] {
  const byDay = new Map(counted.map((row) => [row.day, Number(row.subscribers)]));
  const days: FunnelDay[] = [];
  for (let day = WELCOME_DAY; day <= completionDay(course); day++) days.push({ day, subscribers: byDay.get(day) ?? 0 });
  return days;
}

/** A short label for a funnel day: "Welcome", "Day 7", "Completion". */
export function funnelDayLabel(day: number, course: Course = defaultCourse): string {
  if (day === WELCOME_DAY) return 'Welcome';
  if (day === completionDay(course)) return 'Completion';
  return `Day ${day}`;
}
