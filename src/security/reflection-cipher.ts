// Reflections encrypted at rest: AES-256-GCM (WebCrypto) under a key named in a versioned prefix, so keys can rotate.

/** Stored form: `rc1:<key id>:<base64url iv>:<base64url ciphertext>`. Anything without this prefix is legacy plaintext. */
const PREFIX = 'rc1:';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What a reflection column holds; bound into each ciphertext so a value cannot be moved to another column. */
export type ReflectionField = 'body' | 'raw_text';

export interface ReflectionCipher {
  encrypt(text: string, field: ReflectionField): Promise<string>;
  /** Decrypts a stored value; an unprefixed value (written before encryption) is returned as it is. */
  decrypt(stored: string, field: ReflectionField): Promise<string>;
  /** True when `stored` is not encrypted under the current key (legacy plaintext, or a previous key). */
  isStale(stored: string): Promise<boolean>;
}

export interface ReflectionKeySecrets {
  /** REFLECTIONS_KEY: the current key's secret, or null to derive one from TOKEN_SECRET. */
  reflectionsKey: string | null;
  /** REFLECTIONS_KEY_PREVIOUS: the key being rotated out, still read. */
  reflectionsKeyPrevious: string | null;
  tokenSecret: string;
}

interface NamedKey {
  id: string;
  key: CryptoKey;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** HKDF-SHA-256 from a secret to an AES-GCM key, and a short public id of that key (HMAC of a fixed label). */
async function deriveKey(secret: string): Promise<NamedKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey', 'deriveBits']);
  const params = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('rebuild-trust/reflections'), info: encoder.encode(info) });
  const key = await crypto.subtle.deriveKey(params('aes-gcm-256'), material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const idBits = new Uint8Array(await crypto.subtle.deriveBits(params('key-id'), material, 48));
  return { id: base64url(idBits), key };
}

/**
 * The cipher for reflections: encrypts under REFLECTIONS_KEY, or a key derived from TOKEN_SECRET by HKDF when no
 * REFLECTIONS_KEY is set; decrypts under whichever known key (current or previous) the stored id names.
 * Keys are derived once, on first use.
 */
export function createReflectionCipher(secrets: ReflectionKeySecrets): ReflectionCipher {
  let keys: Promise<NamedKey[]> | null = null;
  const loadKeys = () =>
    (keys ??= Promise.all([secrets.reflectionsKey ?? `token-secret:${secrets.tokenSecret}`, secrets.reflectionsKeyPrevious].filter((s): s is string => Boolean(s)).map(deriveKey)));

  return {
    async encrypt(text, field) {
      const [current] = await loadKeys();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(field) }, current!.key, encoder.encode(text));
      return `${PREFIX}${current!.id}:${base64url(iv)}:${base64url(new Uint8Array(sealed))}`;
    },
    async decrypt(stored, field) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [id, iv, sealed] = stored.slice(PREFIX.length).split(':');
      const known = (await loadKeys()).find((candidate) => candidate.id === id);
      if (!known || !iv || !sealed) throw new Error('reflection encrypted under an unknown key');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv), additionalData: encoder.encode(field) }, known.key, fromBase64url(sealed));
      return decoder.decode(plain);
    },
    async isStale(stored) {
      if (!stored.startsWith(PREFIX)) return true;
      const [current] = await loadKeys();
      return !stored.startsWith(`${PREFIX}${current!.id}:`);
    },
  };
}
