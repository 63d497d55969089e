// Picks a day's prompt and practice (ours) for how the subscriber comes to the course: pure, one place for the rule.
import type { Role } from '../db/schema';
import type { CourseDay } from './course';

/** Our text for a day: one string for everyone, or one per role. */
export type RoleText = string | Readonly<Record<Role, string>>;

/** What each role is called where a person chooses it (SPEC §3). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  broke_trust: 'I broke trust',
  was_hurt: 'I was hurt',
  together: 'We are doing this together',
};

export const DEFAULT_ROLE: Role = 'together';

/** The text meant for `role`; a plain string is everyone's. */
export function textForRole(text: RoleText, role: Role): string {
  return typeof text === 'string' ? text : text[role];
}

/** The day's reflection prompt for `role`. */
export function promptFor(day: Pick<CourseDay, 'ours'>, role: Role): string {
  return textForRole(day.ours.prompt, role);
}

/** The day's practice for `role`. */
export function practiceFor(day: Pick<CourseDay, 'ours'>, role: Role): string {
  return textForRole(day.ours.practice, role);
}

/** A day as the message builders take it: the seed's words, and our prompt and practice for one role. */
export type RoleStep = Omit<CourseDay, 'ours'> & { ours: { prompt: string; practice: string } };

/** The day with our prompt and practice for `role`. */
export function stepForRole(day: CourseDay, role: Role): RoleStep {
  return { ...day, ours: { prompt: promptFor(day, role), practice: practiceFor(day, role) } };
}
