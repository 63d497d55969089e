// GET /admin: the operator's view, behind the ADMIN_TOKEN bearer token; without a token configured, there is no admin.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { countSubscribers, failingDeliveries, flaggedReflections } from '../db/admin-queries';
import { MAX_ATTEMPTS } from '../delivery/progress';
import { AppError } from '../errors';
import { AdminPage } from '../pages/admin-page';
import { hasAdminToken } from '../security/admin-token';

export const adminRoutes = new Hono<AppEnv>().get('/admin', async (c) => {
  const { config, db } = c.var.services;
  if (!config.adminToken) throw new AppError('not_found', 'There is nothing at this address.');
  if (!(await hasAdminToken(c.req.header('authorization'), config.adminToken))) {
    throw new AppError('unauthorized', 'Send the admin token as "Authorization: Bearer <ADMIN_TOKEN>".', null, { 'WWW-Authenticate': 'Bearer' });
  }
  const [counts, failing, flagged] = await Promise.all([countSubscribers(db), failingDeliveries(db, MAX_ATTEMPTS), flaggedReflections(db)]);
  c.header('Cache-Control', 'no-store');
  return c.html(<AdminPage counts={counts} failing={failing} flagged={flagged} />);
});
