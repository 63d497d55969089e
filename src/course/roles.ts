// How a person comes to a course (SPEC §3): the partner who broke trust, the partner who was hurt, or both together.

export const ROLES = ['broke_trust', 'was_hurt', 'together'] as const;
export type Role = (typeof ROLES)[number];
