// Signed links and reply addresses: `<subscriberId>.<mac>`, an HMAC-SHA256 over purpose and id, checked in constant time.
import { toBase32 } from './base32';

export type TokenPurpose = 'confirm' | 'unsubscribe' | 'journal' | 'reply';

const MAC_BYTES = 16;
const TOKEN_SHAPE = /^([a-z2-7]{8,40})\.([a-z2-7]{26})$/;
const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function importKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keyCache.set(secret, key);
  }
  return key;
}

async function macBytes(secret: string, purpose: TokenPurpose, subscriberId: string): Promise<Uint8Array> {
  const signature = await crypto.subtle.sign('HMAC', await importKey(secret), encoder.encode(`${purpose}:${subscriberId}`));
  return new Uint8Array(signature, 0, MAC_BYTES);
}

/** Makes the token that lets its holder act as `subscriberId` for `purpose` (a purpose never opens another). */
export async function signToken(secret: string, purpose: TokenPurpose, subscriberId: string): Promise<string> {
  return `${subscriberId}.${toBase32(await macBytes(secret, purpose, subscriberId))}`;
}

/**
 * Returns the subscriber id a token was signed for, or null when the token is malformed or its MAC does
 * not match. The MAC comparison takes the same time wherever the first difference is.
 */
export async function verifyToken(secret: string, purpose: TokenPurpose, token: string): Promise<string | null> {
  // No trimming: a token with anything around it (a %0A, a space) is not a token.
  const match = TOKEN_SHAPE.exec(token.toLowerCase());
  if (!match) return null;
  const [, subscriberId, givenMac] = match as unknown as [string, string, string];
  const expected = encoder.encode(toBase32(await macBytes(secret, purpose, subscriberId)));
  const given = encoder.encode(givenMac);
  if (expected.byteLength !== given.byteLength) return null;
  return crypto.subtle.timingSafeEqual(expected, given) ? subscriberId : null;
}
