// The one body reader: every route reads its body here, capped while it streams (Content-Length is not trusted), decoded without inherited names.
import type { Context } from 'hono';
import { AppError } from '../errors';
import { concatBytes } from '../platform/bytes';

/** A request form or JSON object as fields with no prototype: a field named `constructor` or `__proto__` is just a field. */
export type Fields = Record<string, unknown>;

export type BodyKind = 'json' | 'form';

/** The cap most routes use: a signup, a sign-in or a journal form is far smaller. */
export const MAX_FORM_BYTES = 16 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
}

/**
 * The body's bytes, reading at most `maxBytes`: a larger body (whatever its Content-Length says) is refused with
 * 413 as soon as the excess arrives, and the rest is never read.
 */
export async function readBodyBytes(c: Context, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_request', 'The request body could not be read.');
  }
  return concatBytes(chunks, size);
}

/** The body as UTF-8 text, capped at `maxBytes`; bytes that are not UTF-8 are refused with 400. */
export async function readBodyText(c: Context, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(c, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('invalid_request', 'The request body is not UTF-8 text.');
  }
}

/** The media type of the request, lower case, without parameters. */
export function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** URL-encoded form fields; a name sent twice keeps its first value. */
export function decodeUrlEncoded(text: string): Fields {
  const fields: Fields = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) if (!Object.hasOwn(fields, name)) fields[name] = value;
  return fields;
}

async function decodeMultipart(c: Context, bytes: Uint8Array): Promise<Fields> {
  let form: FormData;
  try {
    form = await new Request('http://body.invalid/', { method: 'POST', headers: { 'content-type': c.req.header('content-type') ?? '' }, body: bytes }).formData();
  } catch {
    throw new AppError('invalid_request', 'The multipart form could not be read.');
  }
  const fields: Fields = Object.create(null);
  for (const [name, value] of form) if (typeof value === 'string' && !Object.hasOwn(fields, name)) fields[name] = value;
  return fields;
}

function asFields(value: unknown): Fields | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.assign(Object.create(null) as Fields, value);
}

/**
 * Reads a JSON object or a form (URL-encoded or multipart) as fields with no prototype, capped at `maxBytes` (413).
 * Malformed JSON, a JSON value that is not an object, non-UTF-8 bytes or an unreadable multipart body: 400.
 * Any other content type: 415.
 */
export async function readJsonOrForm(c: Context, maxBytes: number = MAX_FORM_BYTES): Promise<{ kind: BodyKind; body: Fields }> {
  const type = mediaType(c);
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBodyText(c, maxBytes));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('invalid_json', 'The request body is not valid JSON.');
    }
    const body = asFields(parsed);
    if (!body) throw new AppError('invalid_request', 'Send the request as a JSON object.');
    return { kind: 'json', body };
  }
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', body: decodeUrlEncoded(await readBodyText(c, maxBytes)) };
  if (type === 'multipart/form-data') return { kind: 'form', body: await decodeMultipart(c, await readBodyBytes(c, maxBytes)) };
  throw new AppError('unsupported_media_type', 'Send the request as application/json or a form (application/x-www-form-urlencoded).');
}

/** Like readJsonOrForm, but a request with no content type (a bare form button) has no fields. */
export async function readOptionalFields(c: Context, maxBytes: number = MAX_FORM_BYTES): Promise<Fields> {
  if (!c.req.header('content-type')) {
    await readBodyBytes(c, maxBytes);
    return Object.create(null);
  }
  return (await readJsonOrForm(c, maxBytes)).body;
}
