// POST /admin/find, GET /admin/subscribers/:id, GET (confirm) and POST (do) /admin/subscribers/:id/:action: one subscriber at a time.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env';
import { completionDay, courseOf } from '../course/course';
import { findEnrolment, findEnrolments } from '../db/admin-queries';
import { AppError } from '../errors';
import { isOwnFormPost } from '../http/same-origin';
import { AdminConfirmPage, AdminFindPage, AdminSubscriberPage } from '../pages/admin-subscriber-page';
import { readSearchAddress } from './find-address';
import { requireAdmin } from './guard';
import { DESK_ACTIONS, allowedActions, loadSubscriberDesk, runDeskAction, type DeskAction } from './subscriber-desk';

const limitBody = bodyLimit({
  maxSize: 4 * 1024,
  onError: () => {
    throw new AppError('payload_too_large', 'The form is larger than 4 KiB.');
  },
});

const DONE_NOTES: Record<string, string> = {
  resend: "Today's step was sent again.",
  pause: 'Paused: nothing more is sent until they resume from their journal.',
  unsubscribe: 'Unsubscribed: nothing more is sent.',
};

/** A form posted from another site's page is refused (the session cookie is SameSite=Strict too). */
function assertSameOrigin(c: Context<AppEnv>): void {
  if (!isOwnFormPost({ fetchSite: c.req.header('sec-fetch-site'), origin: c.req.header('origin') }, new URL(c.req.url).origin)) throw new AppError('forbidden', 'The admin only takes its own forms.');
}

function readAction(raw: string): DeskAction {
  if (!(DESK_ACTIONS as readonly string[]).includes(raw)) throw new AppError('not_found', 'There is nothing at this address.');
  return raw as DeskAction;
}

async function enrolmentOr404(c: Context<AppEnv>) {
  const enrolment = await findEnrolment(c.var.services.db, c.req.param('id') ?? '');
  if (!enrolment) throw new AppError('not_found', 'No subscriber has this id.');
  return enrolment;
}

export const adminDeskRoutes = new Hono<AppEnv>()
  .post('/admin/find', requireAdmin, limitBody, async (c) => {
    assertSameOrigin(c);
    const form = await c.req.parseBody();
    const query = typeof form.address === 'string' ? form.address.trim().slice(0, 320) : '';
    const target = readSearchAddress(query);
    if (!target) return c.html(<AdminFindPage query={query} enrolments={[]} error="That is not an email address or a phone number. The search matches one whole address, never part of one." />, 422);
    return c.html(<AdminFindPage query={query} enrolments={await findEnrolments(c.var.services.db, target.channel, target.address)} error={null} />);
  })
  .get('/admin/subscribers/:id{[a-z0-9]{1,64}}', requireAdmin, async (c) => {
    const desk = await loadSubscriberDesk(c.var.services.db, c.req.param('id'));
    if (!desk) throw new AppError('not_found', 'No subscriber has this id.');
    const done = c.req.query('done');
    return c.html(<AdminSubscriberPage desk={desk} allowed={allowedActions(desk.enrolment)} notice={done ? (DONE_NOTES[done] ?? null) : null} completionDay={completionDay(courseOf(desk.enrolment.course_id))} />);
  })
  .get('/admin/subscribers/:id{[a-z0-9]{1,64}}/:action', requireAdmin, async (c) => {
    const action = readAction(c.req.param('action'));
    const enrolment = await enrolmentOr404(c);
    if (!allowedActions(enrolment)[action]) return c.redirect(`/admin/subscribers/${enrolment.id}`, 303);
    return c.html(<AdminConfirmPage enrolment={enrolment} action={action} />);
  })
  .post('/admin/subscribers/:id{[a-z0-9]{1,64}}/:action', requireAdmin, limitBody, async (c) => {
    assertSameOrigin(c);
    const action = readAction(c.req.param('action'));
    const enrolment = await enrolmentOr404(c);
    const result = await runDeskAction(c.var.services, enrolment, action, c.var.now);
    c.var.services.log.info('operator_action', { action, done: result.done });
    if (!result.done) throw new AppError('invalid_request', result.message);
    return c.redirect(`/admin/subscribers/${enrolment.id}?done=${action}`, 303);
  });
