// POST /api/subscribe: JSON or form in; 202 pending for every valid signup, known address or not, before any of the work that differs.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { clientIp, readJsonOrForm, wantsHtml } from '../http/request-meta';
import { PendingPage } from '../pages/pending-page';
import { enforceSignupLimit } from './rate-limit';
import { DEFAULT_COURSE_ID, courses } from '../course/course';
import { parseSignup } from './signup-input';

const COURSE_IDS = courses.map((course) => course.id);
import { requestSubscription } from './subscribe';

export const MAX_SIGNUP_BYTES = 16 * 1024;

export const subscribeRoutes = new Hono<AppEnv>().post('/api/subscribe', async (c) => {
  const services = c.var.services;
  const { config } = services;
  const now = c.var.now;
  const { kind, body } = await readJsonOrForm(c, MAX_SIGNUP_BYTES);
  const signup = parseSignup(body, { defaultSendHour: config.defaultSendHour, smsAllowedCountries: config.smsAllowedCountries, courseIds: COURSE_IDS, defaultCourse: DEFAULT_COURSE_ID });
  await enforceSignupLimit(services.db, config.tokenSecret, clientIp(c), config.signupRateLimit, now);
  // Recording and confirming run after the answer, for a new and a known address alike: same answer, same time.
  const work = requestSubscription(services, signup, { sourceIp: clientIp(c), method: kind === 'form' ? 'form' : 'api', now }).then(
    (outcome) => services.log.info('signup', { channel: signup.channel, outcome }),
    (error: unknown) => services.log.error('signup_failed', { channel: signup.channel, error }),
  );
  c.executionCtx.waitUntil(work);
  if (kind === 'form' && wantsHtml(c)) return c.html(<PendingPage channel={signup.channel} />, 202);
  return c.json({ status: 'pending' }, 202);
});
