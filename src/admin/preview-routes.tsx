// GET /admin/preview/email/:day and /admin/preview/sms/:day: any day's message as the sender would build it.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { AppError } from '../errors';
import { AdminSmsPreviewPage } from '../pages/admin-sms-preview-page';
import { requireAdmin } from './guard';
import { parsePreviewKey, previewEmail, previewLabel, previewSms, type PreviewKey } from './previews';

/** Runs nothing and loads nothing: the email's own inline styles only, in a sandbox. */
const EMAIL_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";

function previewKeyOf(c: Context<AppEnv>): PreviewKey {
  const key = parsePreviewKey(c.req.param('day') ?? '');
  if (key === null) throw new AppError('not_found', 'There is no such message: use confirmation, or a day from 0 (welcome) to 31 (completion).');
  return key;
}

export const adminPreviewRoutes = new Hono<AppEnv>()
  .get('/admin/preview/email/:day', requireAdmin, (c) => {
    const email = previewEmail(c.var.services.config, previewKeyOf(c), Date.now());
    c.header('Content-Security-Policy', EMAIL_PREVIEW_CSP);
    return c.html(email.html);
  })
  .get('/admin/preview/sms/:day', requireAdmin, (c) => {
    const key = previewKeyOf(c);
    const { text, count } = previewSms(c.var.services.config, key, Date.now());
    return c.html(<AdminSmsPreviewPage label={previewLabel(key)} text={text} encoding={count.encoding} units={count.units} segments={count.segments} />);
  });
