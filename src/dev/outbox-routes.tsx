// GET /dev/outbox: every message that would have been sent, for requests to localhost or with the admin token.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { findOutboxMessage, listOutbox } from '../db/outbox-queries';
import { AppError } from '../errors';
import { hasAdminToken } from '../security/admin-token';
import { OutboxPage } from '../pages/outbox-page';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

async function assertOutboxAccess(c: Context<AppEnv>): Promise<void> {
  const host = new URL(c.req.url).hostname;
  if (LOCAL_HOSTS.has(host)) return;
  if (await hasAdminToken(c.req.header('authorization'), c.var.services.config.adminToken)) return;
  throw new AppError('not_found', 'Not found.');
}

export const outboxRoutes = new Hono<AppEnv>()
  .get('/dev/outbox', async (c) => {
    await assertOutboxAccess(c);
    return c.html(<OutboxPage messages={await listOutbox(c.var.services.db)} />);
  })
  .get('/dev/outbox.json', async (c) => {
    await assertOutboxAccess(c);
    return c.json({ messages: await listOutbox(c.var.services.db) });
  })
  .get('/dev/outbox/:id', async (c) => {
    await assertOutboxAccess(c);
    const message = await findOutboxMessage(c.var.services.db, Number(c.req.param('id')));
    if (!message?.html) throw new AppError('not_found', 'No such outbox email.');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return c.html(message.html);
  });
