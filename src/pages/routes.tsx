// The public pages: the landing page with the signup form, and the web version of each step.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { COURSE_LENGTH, course, findCourseDay } from '../course/course';
import { DEFAULT_ROLE, stepForRole } from '../course/roles';
import { ROLES } from '../db/schema';
import { CONSENT_TEXTS } from '../subscribe/consent-text';
import { DayPage } from './day-page';
import { FAVICON_ICO, FAVICON_SVG } from './favicon';
import { IntroductionPage } from './introduction-page';
import { LandingPage } from './landing-page';
import { NoticePage } from './notice-page';

/** Day 1 as the landing page shows it: the seed's words and our texts for people taking the course together. */
function sampleStep() {
  const step = stepForRole(course.days[0]!, DEFAULT_ROLE);
  return { day: step.day, title: step.title, quote: step.quote, text: step.text, practice: step.ours.practice, prompt: step.ours.prompt };
}

export const pageRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const { config } = c.var.services;
    return c.html(
      <LandingPage
        days={course.days.map(({ day, title }) => ({ day, title }))}
        intro={course.introduction.opening}
        sample={sampleStep()}
        supportLine={config.supportLine}
        operatorName={config.operatorName}
        adminShowsReflections={config.adminShowsReflections}
        defaultSendHour={config.defaultSendHour}
        emailConsentText={CONSENT_TEXTS.email.text}
        smsConsentText={CONSENT_TEXTS.sms.text}
        smsCountries={config.smsAllowedCountries}
      />,
    );
  })
  .get('/introduction', (c) => c.html(<IntroductionPage title={course.title} introduction={course.introduction} />))
  .get('/favicon.ico', (c) => c.body(FAVICON_ICO, 200, { 'content-type': 'image/x-icon', 'cache-control': 'public, max-age=86400' }))
  .get('/favicon.svg', (c) => c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' }))
  .get('/day/:n', (c) => {
    const param = c.req.param('n');
    const day = /^\d{1,2}$/.test(param) ? findCourseDay(Number(param)) : undefined;
    if (!day) return c.html(<NoticePage title="No such step" message={`The course has ${COURSE_LENGTH} steps, numbered 1 to ${COURSE_LENGTH}.`} />, 404);
    const role = ROLES.find((option) => option === c.req.query('role'));
    return c.html(<DayPage day={day} total={COURSE_LENGTH} role={role} />);
  });
