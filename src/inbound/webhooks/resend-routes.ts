// POST /webhooks/resend: Resend's events, Svix-signed; verified on the raw body before anything is read or stored.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../errors';
import { readBodyText } from '../../http/read-body';
import { handleResendEvent } from './resend-events';
import { verifyResendWebhook } from './resend-signature';

/** Resend's event bodies are metadata only (a received email's content is fetched separately). */
const MAX_RESEND_WEBHOOK_BYTES = 256 * 1024;

export const resendWebhookRoutes = new Hono<AppEnv>().post('/webhooks/resend', async (c) => {
  const { services } = c.var;
  const secret = services.config.resendWebhookSecret;
  if (!secret) throw new AppError('not_configured', 'Resend webhooks are not set up here: RESEND_WEBHOOK_SECRET is not configured.');
  const rawBody = await readBodyText(c, MAX_RESEND_WEBHOOK_BYTES);
  const check = verifyResendWebhook(secret, rawBody, {
    id: c.req.header('svix-id'),
    timestamp: c.req.header('svix-timestamp'),
    signature: c.req.header('svix-signature'),
  });
  if (check.outcome === 'invalid_signature') {
    services.log.warn('resend_signature_rejected', { reason: check.reason });
    throw new AppError('invalid_signature', 'The webhook signature is missing, does not match, or is more than 5 minutes old.');
  }
  if (check.outcome === 'invalid_json') throw new AppError('invalid_json', 'The webhook body is not valid JSON.');
  const result = await handleResendEvent(services, check.event, c.var.now);
  return c.json({ received: true, ...result }, 200);
});
