// GET /u/:token shows the page; POST /u/:token unsubscribes this course at once (also the RFC 8058 one-click target);
// POST /u/:token/all stops every course the same address takes.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { courseOf } from '../course/course';
import { endAllEnrolments, endSubscription, findEnrolments, findSubscriber } from '../db/subscribers';
import type { Subscriber } from '../db/schema';
import { readBodyBytes } from '../http/read-body';
import { NoticePage } from '../pages/notice-page';
import { UnsubscribePage } from '../pages/unsubscribe-page';
import { signToken, verifyToken } from '../security/tokens';

const invalidLink = (
  <NoticePage title="This link isn't valid" message="The unsubscribe link is incomplete or has been changed. Use the link in your latest message, or reply STOP to a text." />
);

const STOPPED = new Set(['unsubscribed', 'suppressed']);

async function subscriberOf(c: Context<AppEnv>): Promise<Subscriber | undefined> {
  const { services } = c.var;
  const subscriberId = await verifyToken(services.config.tokenSecret, 'unsubscribe', c.req.param('token') ?? '');
  return subscriberId ? findSubscriber(services.db, subscriberId) : undefined;
}

/** How many other enrolments of the same address are still running. */
async function otherRunning(c: Context<AppEnv>, subscriber: Subscriber): Promise<number> {
  const enrolments = await findEnrolments(c.var.services.db, subscriber.channel, subscriber.address);
  return enrolments.filter((enrolment) => enrolment.id !== subscriber.id && !STOPPED.has(enrolment.status)).length;
}

export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/u/:token', async (c) => {
    const subscriber = await subscriberOf(c);
    if (!subscriber) return c.html(invalidLink, 404);
    const done = STOPPED.has(subscriber.status);
    const journalUrl = `/journal/${await signToken(c.var.services.config.tokenSecret, 'journal', subscriber.id)}`;
    const page = { actionUrl: `/u/${c.req.param('token')}`, courseTitle: courseOf(subscriber.course_id).title, otherCourses: await otherRunning(c, subscriber), journalUrl };
    return c.html(<UnsubscribePage {...page} done={done} />);
  })
  .post('/u/:token', async (c) => {
    const { services } = c.var;
    const subscriberId = await verifyToken(services.config.tokenSecret, 'unsubscribe', c.req.param('token'));
    if (!subscriberId) return c.html(invalidLink, 404);
    // The one-click body is 26 bytes; a larger one is refused (413) before more than 4 KiB is read.
    const body = new TextDecoder().decode(await readBodyBytes(c, 4 * 1024));
    const oneClick = body.includes('List-Unsubscribe=One-Click');
    await endSubscription(services.db, subscriberId, 'unsubscribed', oneClick ? 'one-click unsubscribe' : 'unsubscribe link', c.var.now);
    if (oneClick) return c.text('Unsubscribed.', 200);
    const subscriber = await findSubscriber(services.db, subscriberId);
    const others = subscriber ? await otherRunning(c, subscriber) : 0;
    const courseTitle = subscriber ? courseOf(subscriber.course_id).title : undefined;
    return c.html(<UnsubscribePage actionUrl={`/u/${c.req.param('token')}`} courseTitle={courseTitle} otherCourses={others} journalUrl={`/journal/${await signToken(services.config.tokenSecret, 'journal', subscriberId)}`} done />);
  })
  .post('/u/:token/all', async (c) => {
    const subscriber = await subscriberOf(c);
    if (!subscriber) return c.html(invalidLink, 404);
    await endAllEnrolments(c.var.services.db, subscriber.channel, subscriber.address, 'unsubscribe-all link', c.var.now);
    return c.html(<UnsubscribePage actionUrl={`/u/${c.req.param('token')}`} done allDone />);
  });
