// GET /u/:token shows a one-button page; POST /u/:token unsubscribes at once (also the RFC 8058 one-click target).
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { endSubscription, findSubscriber } from '../db/subscribers';
import { NoticePage } from '../pages/notice-page';
import { UnsubscribePage } from '../pages/unsubscribe-page';
import { signToken, verifyToken } from '../security/tokens';

const invalidLink = (
  <NoticePage title="This link isn't valid" message="The unsubscribe link is incomplete or has been changed. Use the link in your latest message, or reply STOP to a text." />
);

export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/u/:token', async (c) => {
    const { services } = c.var;
    const subscriberId = await verifyToken(services.config.tokenSecret, 'unsubscribe', c.req.param('token'));
    const subscriber = subscriberId ? await findSubscriber(services.db, subscriberId) : undefined;
    if (!subscriber) return c.html(invalidLink, 404);
    const done = subscriber.status === 'unsubscribed' || subscriber.status === 'suppressed';
    const journalUrl = `/journal/${await signToken(services.config.tokenSecret, 'journal', subscriber.id)}`;
    return c.html(<UnsubscribePage actionUrl={`/u/${c.req.param('token')}`} done={done} journalUrl={journalUrl} />);
  })
  .post('/u/:token', async (c) => {
    const { services } = c.var;
    const subscriberId = await verifyToken(services.config.tokenSecret, 'unsubscribe', c.req.param('token'));
    if (!subscriberId) return c.html(invalidLink, 404);
    const body = await c.req.text().catch(() => '');
    const oneClick = body.includes('List-Unsubscribe=One-Click');
    await endSubscription(services.db, subscriberId, 'unsubscribed', oneClick ? 'one-click unsubscribe' : 'unsubscribe link', Date.now());
    if (oneClick) return c.text('Unsubscribed.', 200);
    const journalUrl = `/journal/${await signToken(services.config.tokenSecret, 'journal', subscriberId)}`;
    return c.html(<UnsubscribePage actionUrl={`/u/${c.req.param('token')}`} done journalUrl={journalUrl} />);
  });
