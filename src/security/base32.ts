// Lower-case base32 (RFC 4648 alphabet, no padding): safe in URLs, in email plus-addresses and through case-folding mail systems.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Encodes bytes as unpadded lower-case base32. */
export function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** A random identifier of `bytes` random bytes, base32-encoded. */
export function randomId(bytes = 10): string {
  return toBase32(crypto.getRandomValues(new Uint8Array(bytes)));
}
