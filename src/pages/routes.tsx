// The public pages: the landing page with the signup form, each course's own page, and the web version of each step.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { DEFAULT_COURSE_ID, courses, dayPath, findCourse, findCourseDay, type Course } from '../course/course';
import { messagesFor } from '../i18n/messages';
import { CONSENT_TEXTS } from '../messages/consent-text';
import { stepForRole } from '../course/role-text';
import { DEFAULT_ROLE, ROLES } from '../course/roles';
import { DayPage } from './day-page';
import { FAVICON_ICO, FAVICON_SVG } from './favicon';
import { IntroductionPage } from './introduction-page';
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
      sample={sampleStep(course)}
      supportLine={config.supportLine}
      operatorName={config.operatorName}
      adminShowsReflections={config.adminShowsReflections}
      defaultSendHour={config.defaultSendHour}
      emailConsentText={CONSENT_TEXTS.email.text}
      smsConsentText={CONSENT_TEXTS.sms.text}
      smsCountries={config.smsAllowedCountries}
    />,
  );
}

/** Day 1 as the course's page shows it: the course's words and our texts for people taking the course together. */
function sampleStep(course: Course) {
  const step = stepForRole(course.days[0]!, DEFAULT_ROLE);
  return { day: step.day, title: step.title, quote: step.quote, text: step.text, practice: step.ours.practice, prompt: step.ours.prompt };
}

function dayPage(c: Context<AppEnv>, course: Course, param: string) {
  const t = messagesFor(course.language).page;
  const day = DAY_NUMBER.test(param) ? findCourseDay(course, Number(param)) : undefined;
  const total = course.days.length;
  if (!day) return c.html(<NoticePage title={t.noSuchStep} message={t.noSuchStepText(total)} />, 404);
  const context = { language: course.language, dir: course.dir, path: coursePath(course), dayPath: (n: number) => dayPath(course, n) };
  const role = ROLES.find((option) => option === c.req.query('role'));
  return c.html(<DayPage day={day} total={total} course={context} t={t} role={role} />);
}

function notFoundCourse(c: Context<AppEnv>) {
  return c.html(<NoticePage title="No such course" message="There is no course at this address. The courses are listed on the home page." />, 404);
}

export const pageRoutes = new Hono<AppEnv>()
  .get('/', (c) => coursePage(c, findCourse(DEFAULT_COURSE_ID)!))
  .get('/day/:n', (c) => dayPage(c, findCourse(DEFAULT_COURSE_ID)!, c.req.param('n')))
  .get('/introduction', (c) => {
    const course = findCourse(DEFAULT_COURSE_ID)!;
    return c.html(<IntroductionPage title={course.title} language={course.language} dir={course.dir} introduction={course.introduction} />);
  })
  .get('/favicon.ico', (c) => c.body(FAVICON_ICO, 200, { 'content-type': 'image/x-icon', 'cache-control': 'public, max-age=86400' }))
  .get('/favicon.svg', (c) => c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }))
  .get('/c/:course', (c) => {
    const course = findCourse(c.req.param('course'));
    return course ? coursePage(c, course) : notFoundCourse(c);
  })
  .get('/c/:course/day/:n', (c) => {
    const course = findCourse(c.req.param('course'));
    return course ? dayPage(c, course, c.req.param('n')) : notFoundCourse(c);
  });
