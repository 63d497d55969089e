// The courses as typed data, built from content/ at build time (SPEC §7): lookups by id and by day, and each course's length.
import { COURSES } from '../generated/courses';
import type { Course, CourseDay } from './model';

export type { Course, CourseDay, IntroductionBlock, RoleText } from './model';

/** The seed's course: where signups without `course` go, and the course of `/day/:n`. */
export const DEFAULT_COURSE_ID = 'rebuild-trust';
/** Day number of the welcome, sent at once after confirming. */
export const WELCOME_DAY = 0;

const BY_ID = new Map(COURSES.map((course) => [course.id, course]));

/** Every course, in folder-name order. */
export const courses: readonly Course[] = COURSES;

/** The course with this id, or undefined. */
export function findCourse(id: string): Course | undefined {
  return BY_ID.get(id);
}

/**
 * The course of an enrolment. An enrolment whose course folder was removed from content/ keeps working on the
 * seed's course's rules rather than failing every tick; the build keeps the seed's course present.
 */
export function courseOf(id: string): Course {
  const course = BY_ID.get(id) ?? BY_ID.get(DEFAULT_COURSE_ID) ?? COURSES[0];
  if (!course) throw new Error('No course was built');
  return course;
}

/** The seed's course. */
export const defaultCourse: Course = courseOf(DEFAULT_COURSE_ID);

/** Number of steps N of a course. */
export function courseLength(course: Course): number {
  return course.days.length;
}

/** Day number of the completion message: the day after the last step, N + 1. */
export function completionDay(course: Course): number {
  return course.days.length + 1;
}

/** The step for day `n` (1..N) of `course`, or undefined for any other number. */
export function findCourseDay(course: Course, n: number): CourseDay | undefined {
  return Number.isInteger(n) && n >= 1 ? course.days[n - 1] : undefined;
}

/** The web address path of a step: `/day/n` for the seed's course (SPEC §3), `/c/:course/day/n` for the others. */
export function dayPath(course: Course, n: number): string {
  return course.id === DEFAULT_COURSE_ID ? `/day/${n}` : `/c/${course.id}/day/${n}`;
}
