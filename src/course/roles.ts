// How a person comes to a course (SPEC §3): the partner who broke trust, the partner who was hurt, or both together.

export const ROLES = ['broke_trust', 'was_hurt', 'together'] as const;
export type Role = (typeof ROLES)[number];

/** What each role is called where a person chooses it (SPEC §3). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  broke_trust: 'I broke trust',
  was_hurt: 'I was hurt',
  together: 'We are doing this together',
};

export const DEFAULT_ROLE: Role = 'together';
