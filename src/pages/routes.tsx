// The public pages: the landing page with the signup form, each course's own page, and the web version of each step.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { DEFAULT_COURSE_ID, courses, dayPath, findCourse, findCourseDay, type Course } from '../course/course';
import { messagesFor } from '../i18n/messages';
import { CONSENT_TEXTS } from '../subscribe/consent-text';
import { DayPage } from './day-page';
import { LandingPage, type CourseSummary } from './landing-page';
import { NoticePage } from './notice-page';

const DAY_NUMBER = /^\d{1,3}$/;

function coursePath(course: Course): string {
  return course.id === DEFAULT_COURSE_ID ? '/' : `/c/${course.id}`;
}

function summaryOf(course: Course): CourseSummary {
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    language: course.language,
    dir: course.dir,
    path: coursePath(course),
    days: course.days.map(({ day, title }) => ({ day, title, path: dayPath(course, day) })),
  };
}

/** The course's page: its introduction's first paragraphs, its steps, the other courses and the signup form for it. */
function coursePage(c: Context<AppEnv>, course: Course) {
  const { config } = c.var.services;
  const opening = course.introduction.filter((block) => block.kind === 'paragraph');
  const firstHeading = course.introduction.findIndex((block) => block.kind === 'heading');
  const intro = (firstHeading === -1 ? opening.slice(0, 2) : course.introduction.slice(0, firstHeading)).map((block) => block.text);
  return c.html(
    <LandingPage
      course={summaryOf(course)}
      otherCourses={courses.filter((other) => other.id !== course.id).map(summaryOf)}
      intro={intro}
      supportLine={config.supportLine}
      defaultSendHour={config.defaultSendHour}
      emailConsentText={CONSENT_TEXTS.email.text}
      smsConsentText={CONSENT_TEXTS.sms.text}
      smsCountries={config.smsAllowedCountries}
    />,
  );
}

function dayPage(c: Context<AppEnv>, course: Course, param: string) {
  const t = messagesFor(course.language).page;
  const day = DAY_NUMBER.test(param) ? findCourseDay(course, Number(param)) : undefined;
  const total = course.days.length;
  if (!day) return c.html(<NoticePage title={t.noSuchStep} message={t.noSuchStepText(total)} />, 404);
  const context = { language: course.language, dir: course.dir, path: coursePath(course), dayPath: (n: number) => dayPath(course, n) };
  return c.html(<DayPage day={day} total={total} course={context} t={t} />);
}

function notFoundCourse(c: Context<AppEnv>) {
  return c.html(<NoticePage title="No such course" message="There is no course at this address. The courses are listed on the home page." />, 404);
}

export const pageRoutes = new Hono<AppEnv>()
  .get('/', (c) => coursePage(c, findCourse(DEFAULT_COURSE_ID)!))
  .get('/day/:n', (c) => dayPage(c, findCourse(DEFAULT_COURSE_ID)!, c.req.param('n')))
  .get('/c/:course', (c) => {
    const course = findCourse(c.req.param('course'));
    return course ? coursePage(c, course) : notFoundCourse(c);
  })
  .get('/c/:course/day/:n', (c) => {
    const course = findCourse(c.req.param('course'));
    return course ? dayPage(c, course, c.req.param('n')) : notFoundCourse(c);
  });
