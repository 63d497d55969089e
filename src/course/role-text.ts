// Picks a day's prompt and practice (ours) for how the subscriber comes to the course: pure, one place for the rule.
import type { CourseDay, RoleText } from './model';
import type { Role } from './roles';

/** The text meant for `role`: a plain string is everyone's; a role the author left out gets the shared text. */
function textForRole(text: RoleText, shared: string, role: Role): string {
  return typeof text === 'string' ? text : (text[role] ?? shared);
}

/** The day's reflection prompt for `role`. */
export function promptFor(day: Pick<CourseDay, 'ours' | 'byRole'>, role: Role): string {
  return textForRole(day.byRole.prompt, day.ours.prompt, role);
}

/** The day's practice for `role`. */
export function practiceFor(day: Pick<CourseDay, 'ours' | 'byRole'>, role: Role): string {
  return textForRole(day.byRole.practice, day.ours.practice, role);
}

/** The day with our prompt and practice for `role` in `ours`, as the message builders take it. */
export function stepForRole(day: CourseDay, role: Role): CourseDay {
  return { ...day, ours: { prompt: promptFor(day, role), practice: practiceFor(day, role) } };
}
