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

/** The seed's course read straight from content/, for the preview server's PreviewProps. */
export function previewCourse(): Course {
  const course = loadCourses(CONTENT_DIR).courses.find((candidate) => candidate.id === 'rebuild-trust');
  if (!course) throw new Error('content/rebuild-trust is missing or invalid');
  return course;
}
