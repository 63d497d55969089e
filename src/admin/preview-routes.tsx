// GET /admin/preview/email/:day and /admin/preview/sms/:day: any day's message as the sender would build it.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { AppError } from '../errors';
import { AdminSmsPreviewPage } from '../pages/admin-sms-preview-page';
import { requireAdmin } from './guard';
import { courseOf, findCourse, type Course } from '../course/course';
import { parsePreviewKey, previewEmail, previewLabel, previewSms, type PreviewKey } from './previews';

/** Runs nothing and loads nothing: the email's own inline styles only, in a sandbox. */
const EMAIL_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

/** The course named by `?course=` (the seed's course without one). */
function previewCourseOf(c: Context<AppEnv>): Course {
  const id = c.req.query('course');
  const course = id === undefined ? courseOf('rebuild-trust') : findCourse(id);
  if (!course) throw new AppError('not_found', 'There is no course with that id.');
  return course;
}

function previewKeyOf(c: Context<AppEnv>, course: Course): PreviewKey {
  const key = parsePreviewKey(c.req.param('day') ?? '', course);
  const last = course.days.length + 1;
  if (key === null) throw new AppError('not_found', `There is no such message: use confirmation, or a day from 0 (welcome) to ${last} (completion).`);
  return key;
}

export const adminPreviewRoutes = new Hono<AppEnv>()
  .get('/admin/preview/email/:day', requireAdmin, (c) => {
    const course = previewCourseOf(c);
    const email = previewEmail(c.var.services.config, previewKeyOf(c, course), c.var.now, course);
    c.header('Content-Security-Policy', EMAIL_PREVIEW_CSP);
    return c.html(email.html);
  })
  .get('/admin/preview/sms/:day', requireAdmin, (c) => {
    const course = previewCourseOf(c);
    const key = previewKeyOf(c, course);
    const { text, count } = previewSms(c.var.services.config, key, c.var.now, course);
    return c.html(<AdminSmsPreviewPage label={`${course.title}: ${previewLabel(key, course)}`} text={text} encoding={count.encoding} units={count.units} segments={count.segments} />);
  });
