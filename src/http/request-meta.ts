// Small readers of the incoming request: the client's IP, whether it came from a browser form, and its body.
import type { Context } from 'hono';
import { AppError } from '../errors';

/** The client IP Cloudflare reports, or null (local tools may not send it). */
export function clientIp(c: Context): string | null {
  return c.req.header('cf-connecting-ip') ?? null;
}

/** True when the client prefers an HTML page to JSON (a browser submitting a form). */
export function wantsHtml(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/html');
}

export type BodyKind = 'json' | 'form';

/**
 * Reads a JSON or form body as a plain object. Other content types are refused with 415, and
 * malformed JSON with 400; the body size is checked by the route's body limit before this runs.
 */
export async function readJsonOrForm(c: Context): Promise<{ kind: BodyKind; body: unknown }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      return { kind: 'json', body: await c.req.json() };
    } catch {
      throw new AppError('invalid_json', 'The request body is not valid JSON.');
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = await c.req.parseBody();
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(form)) if (typeof value === 'string') fields[name] = value;
    return { kind: 'form', body: fields };
  }
  throw new AppError('unsupported_media_type', 'Send the request as application/json or a form (application/x-www-form-urlencoded).');
}
