// POST /admin/login and /admin/logout: a browser signs in with ADMIN_TOKEN once and then carries a session cookie.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env';
import { recordAdminSession, revokeAdminSession } from '../db/admin-sessions';
import { readJsonOrForm } from '../http/read-body';
import { AdminLoginPage } from '../pages/admin-login-page';
import { ADMIN_SESSION_TTL_MS, adminSessionExpiry, adminSessionId, signAdminSession } from '../security/admin-session';
import { isAdminToken } from '../security/admin-token';
import { adminCookieName, configuredAdminToken, countFailedSignIn, isHttps, refuseAdmin, refuseThrottledClient, safeAdminPath } from './guard';

const COOKIE_PATH = '/admin';

export const adminSessionRoutes = new Hono<AppEnv>()
  .get('/admin/login', (c) => {
    configuredAdminToken(c);
    return c.html(<AdminLoginPage next={safeAdminPath(c.req.query('next'))} />);
  })
  .post('/admin/login', async (c) => {
    const adminToken = configuredAdminToken(c);
    await refuseThrottledClient(c);
    const { body: fields } = await readJsonOrForm(c);
    const next = safeAdminPath(fields.next);
    const given = typeof fields.token === 'string' ? fields.token : '';
    if (!(await isAdminToken(given, adminToken))) {
      await countFailedSignIn(c);
      return refuseAdmin(c, { next, error: 'That is not the admin token.' });
    }
    const { config, db } = c.var.services;
    const now = c.var.now;
    const session = await signAdminSession(adminToken, now);
    await recordAdminSession(db, await adminSessionId(session), now, adminSessionExpiry(session)!);
    setCookie(c, adminCookieName(config), session, {
      path: COOKIE_PATH,
      httpOnly: true,
      secure: isHttps(config),
      sameSite: 'Strict',
      maxAge: ADMIN_SESSION_TTL_MS / 1000,
    });
    return c.redirect(next, 303);
  })
  .post('/admin/logout', async (c) => {
    configuredAdminToken(c);
    const { config, db } = c.var.services;
    // Signing out ends the session on the server too: a copy of the cookie opens nothing afterwards.
    const cookie = getCookie(c, adminCookieName(config));
    if (cookie) await revokeAdminSession(db, await adminSessionId(cookie), c.var.now);
    deleteCookie(c, adminCookieName(config), { path: COOKIE_PATH, httpOnly: true, secure: isHttps(config), sameSite: 'Strict' });
    return c.redirect('/admin', 303);
  });
