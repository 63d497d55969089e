// GET /confirm?token=…: confirms an email signup (safe to open twice) and sends the welcome at once.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { clientIp } from '../http/request-meta';
import { journalUrl } from '../messages/links';
import { ConfirmedPage } from '../pages/confirmed-page';
import { NoticePage } from '../pages/notice-page';
import { describeWhen } from '../schedule/due';
import { signToken, verifyToken } from '../security/tokens';
import { CONSENT_TEXTS } from '../messages/consent-text';
import { confirmSubscription } from './confirm';

export const confirmRoutes = new Hono<AppEnv>().get('/confirm', async (c) => {
  const services = c.var.services;
  const { config } = services;
  const subscriberId = await verifyToken(config.tokenSecret, 'confirm', c.req.query('token') ?? '');
  const invalid = () =>
    c.html(<NoticePage title="This link isn't valid" message="The confirmation link is incomplete or has been changed. Please sign up again from the home page." />, 404);
  if (!subscriberId) return invalid();
  const now = c.var.now;
  const result = await confirmSubscription(services, subscriberId, {
    now,
    sourceIp: clientIp(c),
    method: 'email-link',
    textVersion: CONSENT_TEXTS.email.version,
  });
  if (result.status === 'not_found') return invalid();
  const { subscriber } = result;
  if (subscriber.status === 'unsubscribed' || subscriber.status === 'suppressed') {
    return c.html(<NoticePage title="You're not subscribed" message="This address has left the course, so nothing will be sent. You can sign up again from the home page at any time." />);
  }
  const journalLink = journalUrl(config.publicUrl, await signToken(config.tokenSecret, 'journal', subscriber.id));
  const nextAt = subscriber.next_due_at;
  const firstStepWhen = nextAt ? describeWhen(nextAt, now, subscriber.timezone) : 'soon';
  return c.html(<ConfirmedPage firstStepWhen={firstStepWhen} journalUrl={journalLink} alreadyConfirmed={result.status === 'already_confirmed'} />);
});
