// GET /dev/outbox (list), /dev/outbox.json, /dev/outbox/:id (one message), /dev/outbox/:id/html (its HTML alone): local or admin only.
/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { CHANNELS, type Channel } from '../db/schema';
import { findOutboxMessage, latestSendInstant, listOutbox, recipientTimezones } from '../db/outbox-queries';
import { AppError } from '../errors';
import { OutboxMessagePage } from '../pages/outbox-message-page';
import { OutboxPage } from '../pages/outbox-page';
import { assertOutboxAccess, usesOutbox } from './outbox-access';
import { outboxActionRoutes } from './outbox-actions';
import { formatLocal, formatUtc, groupByRecipient, withTopTarget } from './outbox-view';

/** The standalone HTML of an email: its own styles only, no script, nothing loaded from elsewhere, forms nowhere. */
const EMAIL_HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'";
const MAX_FILTER_CHARS = 320;

function readFilter(query: (name: string) => string | undefined) {
  const channel = query('channel');
  const address = query('address')?.trim().toLowerCase().slice(0, MAX_FILTER_CHARS) || null;
  return { channel: CHANNELS.includes(channel as Channel) ? (channel as Channel) : null, address };
}

function messageId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not_found', 'No such outbox message.');
  return id;
}

export const outboxRoutes = new Hono<AppEnv>()
  .use('/dev/outbox', async (c, next) => {
    await assertOutboxAccess(c);
    await next();
  })
  .use('/dev/outbox/*', async (c, next) => {
    await assertOutboxAccess(c);
    await next();
  })
  .use('/dev/outbox.json', async (c, next) => {
    await assertOutboxAccess(c);
    await next();
  })
  .get('/dev/outbox', async (c) => {
    const { db } = c.var.services;
    const filter = readFilter((name) => c.req.query(name));
    const messages = await listOutbox(db, { channel: filter.channel ?? undefined, address: filter.address ?? undefined });
    const zones = await recipientTimezones(db, messages.map((message) => message.to_address));
    const clock = Math.max(c.var.now, (await latestSendInstant(db)) ?? 0);
    return c.html(
      <OutboxPage
        groups={groupByRecipient(messages, zones)}
        filter={filter}
        note={c.req.query('note')?.slice(0, 500) ?? null}
        clock={formatUtc(clock)}
        canAct={usesOutbox(c, 'both')}
        total={messages.length}
      />,
    );
  })
  .get('/dev/outbox.json', async (c) => {
    const filter = readFilter((name) => c.req.query(name));
    return c.json({ messages: await listOutbox(c.var.services.db, { channel: filter.channel ?? undefined, address: filter.address ?? undefined }) });
  })
  .get('/dev/outbox/:id{[0-9]+}', async (c) => {
    const { db } = c.var.services;
    const message = await findOutboxMessage(db, messageId(c.req.param('id')));
    if (!message) throw new AppError('not_found', 'No such outbox message.');
    const zone = (await recipientTimezones(db, [message.to_address])).get(message.to_address) ?? 'UTC';
    const view = {
      id: message.id,
      channel: message.channel,
      to: message.to_address,
      from: message.from_address,
      subject: message.subject,
      text: message.text,
      previewHtml: message.channel === 'email' && message.html ? withTopTarget(message.html) : null,
      headers: message.headers ?? {},
      localTime: formatLocal(message.created_at, zone),
      utcTime: formatUtc(message.created_at),
      createdAt: message.created_at,
    };
    return c.html(<OutboxMessagePage message={view} canAct={usesOutbox(c, message.channel)} />);
  })
  .get('/dev/outbox/:id{[0-9]+}/html', async (c) => {
    const message = await findOutboxMessage(c.var.services.db, messageId(c.req.param('id')));
    if (!message?.html) throw new AppError('not_found', 'No such outbox email.');
    c.header('Content-Security-Policy', EMAIL_HTML_POLICY);
    return c.html(message.html);
  })
  .route('/', outboxActionRoutes);
