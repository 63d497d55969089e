// The course funnel as a full series: one bar for every message of the course, welcome to completion.
import { WELCOME_DAY, completionDay, defaultCourse, findCourse, type Course } from '../course/course';

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

/** One bar of a course's funnel, from signup to completion. */
export interface FunnelStage {
  /** "signed_up", "confirmed", or the message day (0 welcome, 1..N, N+1 completion). */
  key: string;
  label: string;
  /** The axis label under the bar: "S", "OK", "W", "1"…, "C". */
  short: string;
  count: number;
}

export interface CourseFunnel {
  courseId: string;
  stages: FunnelStage[];
}

/**
 * The full funnel of each course: signed up (pending or later) → confirmed → welcome → Day 1..N → completion.
 * N is the course's length; for a course no longer in content/ it is the highest day sent so far. Courses
 * come in id order; a course with signups but no sends still gets every bar, at zero.
 */
export function buildCourseFunnels(
  signups: readonly { courseId: string; signedUp: number; confirmed: number }[],
  sent: readonly { courseId: string; day: number; subscribers: number }[],
): CourseFunnel[] {
  const ids = [...new Set([...signups.map((row) => row.courseId), ...sent.map((row) => row.courseId)])].sort();
  return ids.map((courseId) => {
    const signup = signups.find((row) => row.courseId === courseId);
    const days = sent.filter((row) => row.courseId === courseId);
    const byDay = new Map(days.map((row) => [row.day, Number(row.subscribers)]));
    const course = findCourse(courseId);
    const lastDay = course ? completionDay(course) : Math.max(2, ...days.map((row) => row.day));
    const stages: FunnelStage[] = [
      { key: 'signed_up', label: 'Signed up', short: 'S', count: Number(signup?.signedUp ?? 0) },
      { key: 'confirmed', label: 'Confirmed', short: 'OK', count: Number(signup?.confirmed ?? 0) },
    ];
    for (let day = WELCOME_DAY; day <= lastDay; day++) {
      const label = day === WELCOME_DAY ? 'Welcome' : day === lastDay && course ? 'Completion' : `Day ${day}`;
      const short = day === WELCOME_DAY ? 'W' : label === 'Completion' ? 'C' : String(day);
      stages.push({ key: String(day), label, short, count: byDay.get(day) ?? 0 });
    }
    return { courseId, stages };
  });
}
