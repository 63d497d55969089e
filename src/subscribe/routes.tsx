// POST /api/subscribe: JSON or form in; 202 pending for every valid signup, known address or not.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env';
import { AppError } from '../errors';
import { clientIp, readJsonOrForm, wantsHtml } from '../http/request-meta';
import { PendingPage } from '../pages/pending-page';
import { enforceSignupLimit } from './rate-limit';
import { DEFAULT_COURSE_ID, courses } from '../course/course';
import { parseSignup } from './signup-input';

const COURSE_IDS = courses.map((course) => course.id);
import { requestSubscription } from './subscribe';

export const MAX_SIGNUP_BYTES = 16 * 1024;

export const subscribeRoutes = new Hono<AppEnv>().post(
  '/api/subscribe',
  bodyLimit({
    maxSize: MAX_SIGNUP_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', 'The signup is larger than 16 KiB.');
    },
  }),
  async (c) => {
    const services = c.var.services;
    const { config } = services;
    const now = Date.now();
    const { kind, body } = await readJsonOrForm(c);
    const signup = parseSignup(body, { defaultSendHour: config.defaultSendHour, smsAllowedCountries: config.smsAllowedCountries, courseIds: COURSE_IDS, defaultCourse: DEFAULT_COURSE_ID });
    await enforceSignupLimit(services.db, config.tokenSecret, clientIp(c), config.signupRateLimit, now);
    await requestSubscription(services, signup, { sourceIp: clientIp(c), method: kind === 'form' ? 'form' : 'api', now });
    if (kind === 'form' && wantsHtml(c)) return c.html(<PendingPage channel={signup.channel} />, 202);
    return c.json({ status: 'pending' }, 202);
  },
);
