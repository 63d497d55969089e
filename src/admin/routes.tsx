// GET /admin and /admin/export.csv, plus sign-in and previews: the operator's pages, behind ADMIN_TOKEN; without it there is no admin.
/** @jsxImportSource hono/jsx */
import { Hono, type Context, type Next } from 'hono';
import type { AppEnv } from '../app-env';
import { AdminPage } from '../pages/admin-page';
import { loadDashboard } from './dashboard';
import { adminDeskRoutes } from './desk-routes';
import { requireAdmin } from './guard';
import { adminPreviewRoutes } from './preview-routes';
import { adminSessionRoutes } from './session-routes';
import { streamSubscriberCsv } from './subscriber-export';

/** Operator pages are never cached nor indexed; they get the same strict policy as every page (a preview sets a stricter one). */
async function privateHeaders(c: Context<AppEnv>, next: Next) {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
}

export const adminRoutes = new Hono<AppEnv>()
  .use('/admin', privateHeaders)
  .use('/admin/*', privateHeaders)
  .route('/', adminSessionRoutes)
  .route('/', adminPreviewRoutes)
  .route('/', adminDeskRoutes)
  .get('/admin', requireAdmin, async (c) => {
    const { services } = c.var;
    const dashboard = await loadDashboard(services.db, { showReflections: services.config.adminShowsReflections, cipher: services.reflectionCipher });
    return c.html(<AdminPage {...dashboard} pace={await services.dispatch.estimatePace(c.var.now)} />);
  })
  // Re-runs the current extractor over stored messages (and re-encrypts under the current key), one page per call.
  .post('/admin/reflections/reextract', requireAdmin, async (c) => {
    const after = Number(c.req.query('after') ?? '0');
    return c.json(await c.var.services.reextractReflections(Number.isSafeInteger(after) && after > 0 ? after : 0));
  })
  .get('/admin/export.csv', requireAdmin, (c) => {
    const date = new Date(c.var.now).toISOString().slice(0, 10);
    return c.body(streamSubscriberCsv(c.var.services.db), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="rebuild-trust-subscribers-${date}.csv"`,
    });
  });
