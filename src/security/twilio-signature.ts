// X-Twilio-Signature with WebCrypto: HMAC-SHA1 over the signed URL and the sorted form parameters, compared in constant time.

/** Form parameters as Twilio posts them; a name sent more than once has every value. */
export type TwilioParams = Record<string, string | string[]>;

const encoder = new TextEncoder();

/**
 * The string Twilio signs: the URL exactly as configured (query included), then each parameter name in code-unit
 * order followed by its value; a repeated name contributes each distinct value, sorted.
 */
export function twilioSigningPayload(url: string, params: TwilioParams): string {
  let payload = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const one of values) payload += name + one;
  }
  return payload;
}

/** The base64 HMAC-SHA1 of the signing payload under `authToken`: the value Twilio puts in X-Twilio-Signature. */
export async function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(authToken), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(twilioSigningPayload(url, params))));
  return btoa(String.fromCharCode(...mac));
}

/**
 * Compares two strings in time that depends only on their lengths (the expected length is public: a SHA-1
 * MAC in base64). Uses the runtime's `crypto.subtle.timingSafeEqual` when it has one (workerd), else a
 * loop that visits every byte.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  if (a.byteLength !== b.byteLength) return false;
  const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual?: (x: ArrayBufferView, y: ArrayBufferView) => boolean };
  if (typeof subtle.timingSafeEqual === 'function') return subtle.timingSafeEqual(a, b);
  let difference = 0;
  for (let index = 0; index < a.byteLength; index++) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}

/**
 * The URL as given and its twin: without its port when it has one, with the scheme's default port when it has
 * none. Twilio may have signed either form, and its own libraries accept both.
 */
export function urlPortVariants(url: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const hostStart = Math.max(authority.lastIndexOf(']') + 1, authority.lastIndexOf('@') + 1);
  const portStart = authority.indexOf(':', hostStart);
  if (portStart !== -1) return [url, scheme + authority.slice(0, portStart) + rest];
  const defaultPort = scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return [url, scheme + authority + defaultPort + rest];
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface TwilioRequestToVerify {
  authToken: string;
  /** The URL Twilio was told to call: PUBLIC_URL + path (+ query). */
  url: string;
  /** The decoded form parameters (ignored when the URL carries `bodySHA256`: then the body itself is hashed). */
  params: TwilioParams;
  /** The X-Twilio-Signature header, or null when it was missing. */
  signature: string | null;
  /** The raw body, needed only for JSON webhooks signed with `bodySHA256`. */
  rawBody?: string;
}

/**
 * True when `signature` is Twilio's signature of this request under `authToken`, for the URL with or without its
 * default port. A URL with a `bodySHA256` query parameter is signed over the URL alone, and the body's SHA-256
 * (hex) must equal that parameter. Every comparison is constant-time.
 */
export async function verifyTwilioSignature(request: TwilioRequestToVerify): Promise<boolean> {
  const { authToken, url, signature } = request;
  if (!authToken || !signature) return false;
  const bodyHash = bodySha256Of(url);
  const params = bodyHash === null ? request.params : {};
  let matched = false;
  for (const candidate of urlPortVariants(url)) {
    // Every variant is checked, so the time taken does not tell which one matched.
    if (constantTimeEqual(signature, await computeTwilioSignature(authToken, candidate, params))) matched = true;
  }
  if (!matched || bodyHash === null) return matched;
  return constantTimeEqual(bodyHash, await sha256Hex(request.rawBody ?? ''));
}

function bodySha256Of(url: string): string | null {
  const query = url.indexOf('?');
  if (query === -1) return null;
  return new URLSearchParams(url.slice(query + 1).split('#')[0]).get('bodySHA256');
}

/**
 * Decodes an application/x-www-form-urlencoded body into Twilio parameters, keeping every value of a repeated name.
 * The result has no prototype, so a parameter named `constructor`, `toString` or `__proto__` is just a parameter.
 */
export function decodeTwilioForm(body: string): TwilioParams {
  const params: TwilioParams = Object.create(null);
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name];
    if (seen === undefined) params[name] = value;
    else params[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}
