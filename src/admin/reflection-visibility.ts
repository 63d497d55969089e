// The one place the admin turns a stored reflection back into words (SPEC §6: only with ADMIN_SHOWS_REFLECTIONS=true).
import { openReflection } from '../db/reflections';
import type { ReflectionCipher } from '../security/reflection-cipher';

/**
 * The reflection's text as the admin may show it. Call only when `config.adminShowsReflections` is true, and only
 * for rows about to be displayed: this decrypts.
 */
export async function revealReflection(cipher: ReflectionCipher, stored: string): Promise<string> {
  return (await openReflection(cipher, { body: stored, raw_text: null })).body;
}
