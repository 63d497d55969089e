// Proves reflections are encrypted at rest with a key that can rotate, and that rows written before still read.
import { describe, expect, it } from 'vitest';
import { createReflectionCipher } from '../../src/security/reflection-cipher';

const TOKEN_SECRET = 'a-token-secret-of-at-least-thirty-two-characters';
const OLD_KEY = 'the-reflections-key-we-are-rotating-out-0001';
const NEW_KEY = 'the-reflections-key-we-are-rotating-in-00002';

describe('reflection cipher', () => {
  it('round-trips a reflection with fresh randomness each time, and the stored form reveals nothing', async () => {
    const cipher = createReflectionCipher({ reflectionsKey: null, reflectionsKeyPrevious: null, tokenSecret: TOKEN_SECRET });
    const first = await cipher.encrypt('I told her the truth.', 'body');
    const second = await cipher.encrypt('I told her the truth.', 'body');
    expect(first).toMatch(/^rc1:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('truth');
    expect(await cipher.decrypt(first, 'body')).toBe('I told her the truth.');
  });

  it('binds a value to its column: a body moved into raw_text does not decrypt', async () => {
    const cipher = createReflectionCipher({ reflectionsKey: null, reflectionsKeyPrevious: null, tokenSecret: TOKEN_SECRET });
    await expect(cipher.decrypt(await cipher.encrypt('mine', 'body'), 'raw_text')).rejects.toThrow();
  });

  it('reads unprefixed legacy plaintext as it is, and calls it stale so it is re-encrypted', async () => {
    const cipher = createReflectionCipher({ reflectionsKey: NEW_KEY, reflectionsKeyPrevious: null, tokenSecret: TOKEN_SECRET });
    expect(await cipher.decrypt('written before encryption', 'body')).toBe('written before encryption');
    expect(await cipher.isStale('written before encryption')).toBe(true);
  });

  it('rotates: the previous key still reads, new values go under the new key, an unknown key is refused', async () => {
    const before = createReflectionCipher({ reflectionsKey: OLD_KEY, reflectionsKeyPrevious: null, tokenSecret: TOKEN_SECRET });
    const stored = await before.encrypt('an old reflection', 'body');
    const during = createReflectionCipher({ reflectionsKey: NEW_KEY, reflectionsKeyPrevious: OLD_KEY, tokenSecret: TOKEN_SECRET });
    expect(await during.decrypt(stored, 'body')).toBe('an old reflection');
    expect(await during.isStale(stored)).toBe(true);
    const rewritten = await during.encrypt('an old reflection', 'body');
    expect(await during.isStale(rewritten)).toBe(false);
    const after = createReflectionCipher({ reflectionsKey: NEW_KEY, reflectionsKeyPrevious: null, tokenSecret: TOKEN_SECRET });
    expect(await after.decrypt(rewritten, 'body')).toBe('an old reflection');
    await expect(after.decrypt(stored, 'body')).rejects.toThrow(/unknown key/);
  });

  it('derives a different key from TOKEN_SECRET than from REFLECTIONS_KEY', async () => {
    const derived = createReflectionCipher({ reflectionsKey: null, reflectionsKeyPrevious: null, tokenSecret: TOKEN_SECRET });
    const explicit = createReflectionCipher({ reflectionsKey: NEW_KEY, reflectionsKeyPrevious: null, tokenSecret: TOKEN_SECRET });
    await expect(explicit.decrypt(await derived.encrypt('x', 'body'), 'body')).rejects.toThrow();
  });
});
