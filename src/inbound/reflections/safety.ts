// Pure: does a reflection speak of violence or danger? Such reflections get the support line once and are flagged.
import { assessDanger } from './safety-check/assess-danger';

/** True when `text` speaks of violence, threats, coercion, control or danger to the writer's or the partner's life. */
export function speaksOfDanger(text: string): boolean {
  return assessDanger(text).danger;
}
