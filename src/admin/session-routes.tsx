// POST /admin/login and /admin/logout: a browser signs in with ADMIN_TOKEN once and then carries a session cookie.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env';
import { AppError } from '../errors';
import { readJsonOrForm } from '../http/request-meta';
import { AdminLoginPage } from '../pages/admin-login-page';
import { ADMIN_SESSION_TTL_MS, signAdminSession } from '../security/admin-session';
import { isAdminToken } from '../security/admin-token';
import { adminCookieName, configuredAdminToken, isHttps, refuseAdmin, safeAdminPath } from './guard';

const MAX_FORM_BYTES = 16 * 1024;
const COOKIE_PATH = '/admin';

const formLimit = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', 'The form is larger than 16 KiB.');
  },
});

export const adminSessionRoutes = new Hono<AppEnv>()
  .get('/admin/login', (c) => {
    configuredAdminToken(c);
    return c.html(<AdminLoginPage next={safeAdminPath(c.req.query('next'))} />);
  })
  .post('/admin/login', formLimit, async (c) => {
    const adminToken = configuredAdminToken(c);
    const { body } = await readJsonOrForm(c);
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const next = safeAdminPath(fields.next);
    const given = typeof fields.token === 'string' ? fields.token : '';
    if (!(await isAdminToken(given, adminToken))) return refuseAdmin(c, { next, error: 'That is not the admin token.' });
    const { config } = c.var.services;
    setCookie(c, adminCookieName(config), await signAdminSession(adminToken, Date.now()), {
      path: COOKIE_PATH,
      httpOnly: true,
      secure: isHttps(config),
      sameSite: 'Strict',
      maxAge: ADMIN_SESSION_TTL_MS / 1000,
    });
    return c.redirect(next, 303);
  })
  .post('/admin/logout', (c) => {
    configuredAdminToken(c);
    const { config } = c.var.services;
    deleteCookie(c, adminCookieName(config), { path: COOKIE_PATH, httpOnly: true, secure: isHttps(config), sameSite: 'Strict' });
    return c.redirect('/admin', 303);
  });
