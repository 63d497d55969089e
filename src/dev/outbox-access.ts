// Who may use /dev/outbox: requests to localhost, or with the admin token; its buttons only from its own pages.
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { AppError } from '../errors';
import { isLocalRequestUrl } from '../http/local-request';
import { isOwnFormPost } from '../http/same-origin';
import { hasAdminToken } from '../security/admin-token';

/** Throws a 404 unless the request is addressed to this machine or carries `Authorization: Bearer <ADMIN_TOKEN>`. */
export async function assertOutboxAccess(c: Context<AppEnv>): Promise<void> {
  if (isLocalRequestUrl(c.req.url)) return;
  if (await hasAdminToken(c.req.header('authorization'), c.var.services.config.adminToken)) return;
  throw new AppError('not_found', 'There is nothing at this address.');
}

/**
 * Throws a 403 for a POST sent by another site's page: a page elsewhere must not press the outbox's buttons in a
 * developer's browser (see isOwnFormPost).
 */
export function assertSameOrigin(c: Context<AppEnv>): void {
  const allowed = isOwnFormPost({ fetchSite: c.req.header('sec-fetch-site'), origin: c.req.header('origin') }, new URL(c.req.url).origin);
  if (!allowed) throw new AppError('forbidden', 'The outbox only takes its own forms.');
}

/** True when no provider key is set for `channel`, so its messages go to the outbox and may be answered from here. */
export function usesOutbox(c: Context<AppEnv>, channel: 'email' | 'sms' | 'both'): boolean {
  const { config } = c.var.services;
  if (channel === 'email') return config.resend === null;
  if (channel === 'sms') return config.twilio === null;
  return config.resend === null && config.twilio === null;
}
