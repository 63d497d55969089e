// Whether the operator may read what subscribers wrote (SPEC §6: only with ADMIN_SHOWS_REFLECTIONS=true), and the one place text is revealed.

/** True only when ADMIN_SHOWS_REFLECTIONS is exactly "true"; otherwise the admin shows counts and safety flags only. */
export function adminShowsReflections(env: Pick<Env, 'ADMIN_SHOWS_REFLECTIONS'>): boolean {
  return env.ADMIN_SHOWS_REFLECTIONS?.trim() === 'true';
}

/**
 * The reflection's text as the admin may show it. The admin calls this only when adminShowsReflections is true,
 * and only for rows it is about to display: when reflections are stored encrypted, decrypting belongs here.
 */
export async function revealReflection(stored: string): Promise<string> {
  return stored;
}
