// What a template needs to know of the course it is rendered for: its words, length, language and interface text.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourses } from '../src/course/build/load-courses';
import type { Course, IntroductionBlock } from '../src/course/model';
import { messagesFor, type Messages } from '../src/i18n/messages';

export interface EmailCourse {
  title: string;
  length: number;
  language: string;
  dir: 'ltr' | 'rtl';
  introduction: IntroductionBlock[];
  t: Messages['email'];
}

export interface CourseProp {
  course: EmailCourse;
}

/** The template context of one course. */
export function emailCourseOf(course: Course): EmailCourse {
  return {
    title: course.title,
    length: course.days.length,
    language: course.language,
    dir: course.dir,
    introduction: course.introduction,
    t: messagesFor(course.language).email,
  };
}

const CONTENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'content');

/** Stands in while content/ does not build, so importing a template never hides the build's own list of problems. */
const PLACEHOLDER_COURSE: Course = {
  id: 'rebuild-trust',
  title: 'A course',
  language: 'en',
  dir: 'ltr',
  description: 'A course whose content does not build yet.',
  roles: [],
  introduction: [{ kind: 'paragraph', text: 'The introduction.' }],
  version: 'placeholder',
  days: [1, 2, 3].map((day) => ({
    day,
    title: `Day ${day}`,
    quote: null,
    text: 'The step.',
    html: '<p>The step.</p>',
    ours: { prompt: 'A question?', practice: 'A practice.' },
    byRole: { prompt: 'A question?', practice: 'A practice.' },
    sms: null,
  })),
};

let preview: Course | undefined;

/** The seed's course read straight from content/, for the preview server's PreviewProps. */
export function previewCourse(): Course {
  preview ??= loadCourses(CONTENT_DIR).courses.find((candidate) => candidate.id === 'rebuild-trust') ?? PLACEHOLDER_COURSE;
  return preview;
}
