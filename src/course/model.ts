// The shape of a course as the worker sees it: built from content/<id>/ at build time (SPEC §7), no I/O here.
import type { Role } from './roles';

/** A course's own words for each role, as the author wrote them: one text for everyone, or one per role. */
export type RoleText = string | Partial<Record<Role, string>>;

/** One block of a course's introduction, in reading order. */
export interface IntroductionBlock {
  kind: 'heading' | 'paragraph';
  /** Plain text, no Markdown. */
  text: string;
}

/** One day of a course. For the seed's course, `title`, `quote` and `text` are the seed's words; `ours` is written by the team. */
export interface CourseDay {
  day: number;
  title: string;
  /** The quote without quotation marks, or null when the day has none. */
  quote: string | null;
  /** The step's text as plain paragraphs separated by a blank line. */
  text: string;
  /** The step's text as HTML, from its Markdown. */
  html: string;
  /** The prompt and practice shown to a subscriber whose role has no text of its own (the `together` text, or the one string). */
  ours: { prompt: string; practice: string };
  /** Prompt and practice exactly as written, per role where the author wrote them per role. */
  byRole: { prompt: RoleText; practice: RoleText };
  /** The author's own SMS text for the day (the link is added), or null: the SMS is derived from title, quote and prompt. */
  sms: string | null;
}

export interface Course {
  /** The folder name under content/: lowercase letters, digits and `-`. */
  id: string;
  title: string;
  /** BCP 47 language tag of the course's text. */
  language: string;
  /** Writing direction of that language. */
  dir: 'ltr' | 'rtl';
  description: string;
  /** Roles the course speaks to (SPEC §3); empty when it speaks to everyone alike. */
  roles: Role[];
  introduction: IntroductionBlock[];
  /** Content hash of the course folder at build time; stored on each enrolment as `course_version`. */
  version: string;
  days: CourseDay[];
}
