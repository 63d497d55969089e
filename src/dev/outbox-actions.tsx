// POST /dev/outbox/:id/reply, /dev/outbox/text and /dev/outbox/advance: answer a message as its recipient, or move the clock on.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env';
import { findOutboxMessage } from '../db/outbox-queries';
import { AppError } from '../errors';
import type { InboundEmailOutcome } from '../inbound/email/inbound-email';
import { advanceDays, advanceToNextSend, type AdvanceSummary } from './advance-time';
import { assertSameOrigin, usesOutbox } from './outbox-access';
import { formatUtc } from './outbox-view';
import { replyToEmail, textTheService } from './simulated-inbound';

const MAX_FORM_BYTES = 16 * 1024;
const MAX_DAYS = 31;
const PHONE = /^\+[1-9]\d{6,14}$/;

const limitBody = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', 'The form is larger than 16 KiB.');
  },
});

async function formField(c: Context<AppEnv>, name: string): Promise<string> {
  const form = await c.req.parseBody();
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** Back to the outbox (filtered to `address` when given) with one sentence about what happened. */
function backTo(c: Context<AppEnv>, note: string, address?: string) {
  const query = new URLSearchParams({ ...(address ? { address } : {}), note });
  return c.redirect(`/dev/outbox?${query}`, 303);
}

function requireOutbox(c: Context<AppEnv>, channel: 'email' | 'sms' | 'both'): void {
  if (!usesOutbox(c, channel)) throw new AppError('forbidden', 'A provider key is set, so messages are really sent: the outbox cannot answer or move time.');
}

/** One sentence about what happened to a reply. */
export function describeReply(outcome: InboundEmailOutcome): string {
  switch (outcome.outcome) {
    case 'stored':
      return `The reply was kept as a reflection on Day ${outcome.day}${outcome.flagged ? ', flagged for safety' : ''}${outcome.supportLineSent ? '; the support line was sent' : ''}.`;
    case 'unsubscribed':
      return 'The reply went to the unsubscribe address: unsubscribed.';
    case 'duplicate':
      return 'That reply was already kept.';
    case 'empty':
      return 'Nothing was kept: once quoted text was removed, the reply was empty.';
    case 'automatic':
      return 'Nothing was kept: it looked like an automatic reply.';
    case 'not_confirmed':
      return 'Nothing was kept: this address has not confirmed yet.';
    default:
      return 'Nothing was kept: no subscriber matched this reply.';
  }
}

function describeAdvance(summary: AdvanceSummary): string {
  if (summary.reachedAt === null) return 'Nothing is due: no one is waiting for a step.';
  const sent = `${summary.sent} ${summary.sent === 1 ? 'message' : 'messages'} sent`;
  return summary.ticks === 1 ? `Ran the tick at ${formatUtc(summary.reachedAt)}: ${sent}.` : `Ran ${summary.ticks} ticks up to ${formatUtc(summary.reachedAt)}: ${sent}.`;
}

export const outboxActionRoutes = new Hono<AppEnv>()
  .post('/dev/outbox/:id{[0-9]+}/reply', limitBody, async (c) => {
    assertSameOrigin(c);
    requireOutbox(c, 'email');
    const message = await findOutboxMessage(c.var.services.db, Number(c.req.param('id')));
    if (!message || message.channel !== 'email') throw new AppError('not_found', 'No such outbox email.');
    const text = (await formField(c, 'text')).trim();
    if (!text) throw new AppError('invalid_field', 'Write a reply first.', 'text');
    const outcome = await replyToEmail(c.var.services, message, text, c.var.now);
    return backTo(c, describeReply(outcome), message.to_address);
  })
  .post('/dev/outbox/text', limitBody, async (c) => {
    assertSameOrigin(c);
    requireOutbox(c, 'sms');
    const form = await c.req.parseBody();
    const from = typeof form.from === 'string' ? form.from.trim() : '';
    const body = typeof form.body === 'string' ? form.body.trim() : '';
    if (!PHONE.test(from)) throw new AppError('invalid_field', 'The sender must be a phone number in E.164 form, like +14155550123.', 'from');
    if (!body || body.length > 1600) throw new AppError('invalid_field', 'Write a text of 1 to 1,600 characters.', 'body');
    const answer = await textTheService(c.var.services, c.env, { from, body, now: c.var.now });
    if (answer.status >= 400) return backTo(c, `The webhook answered ${answer.status}.`, from);
    const said = answer.replies.length > 0 ? ' The service answered by text.' : '';
    return backTo(c, `Texted "${body.slice(0, 60)}" from ${from}.${said} Anything sent back is at the top below.`, from);
  })
  .post('/dev/outbox/advance', limitBody, async (c) => {
    assertSameOrigin(c);
    requireOutbox(c, 'both');
    const form = await c.req.parseBody();
    const address = typeof form.address === 'string' && form.address.trim() ? form.address.trim() : undefined;
    const now = c.var.now;
    if (form.mode === 'days') {
      const days = Number(form.days);
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw new AppError('invalid_field', `Days must be a whole number from 1 to ${MAX_DAYS}.`, 'days');
      return backTo(c, describeAdvance(await advanceDays(c.var.services, now, days)));
    }
    return backTo(c, describeAdvance(await advanceToNextSend(c.var.services, now, address)), address);
  });
