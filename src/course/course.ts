// The course as a typed model: the seed's introduction and 30 steps, with our prompt and practice for each day.
import courseData from '../../content/course.json';
import type { RoleText } from './roles';

/** One day of the course. `title`, `quote` and `text` are the seed's words; `ours` is written by the team, per role. */
export interface CourseDay {
  day: number;
  title: string;
  /** The quote without its surrounding quotation marks. */
  quote: string;
  text: string;
  ours: { prompt: RoleText; practice: RoleText };
}

export interface IntroductionSection {
  heading: string;
  paragraphs: string[];
}

export interface Course {
  title: string;
  introduction: { opening: string[]; sections: IntroductionSection[] };
  days: CourseDay[];
}

export const COURSE_LENGTH = 30;
/** Day numbers of the messages around the steps. */
export const WELCOME_DAY = 0;
export const COMPLETION_DAY = COURSE_LENGTH + 1;

export const course: Course = courseData;

/** The step for day `n` (1..30), or undefined for any other number. */
export function findCourseDay(n: number): CourseDay | undefined {
  return Number.isInteger(n) ? course.days[n - 1] : undefined;
}
