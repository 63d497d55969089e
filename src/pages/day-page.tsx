// The full web version of one step (GET /day/:n): the seed's words, then our practice and reflection prompt, clearly marked.
/** @jsxImportSource hono/jsx */
import type { CourseDay } from '../course/course';
import { ROLE_LABELS, practiceFor, promptFor } from '../course/roles';
import { ROLES, type Role } from '../db/schema';
import { Layout } from './layout';

export interface DayPageProps {
  day: CourseDay;
  /** How many steps the course has. */
  total: number;
  /** Show only this role's practice and prompt; without one, all three, each under its own heading. */
  role?: Role;
}

/** Headings for each role's suggestions when the page shows all three. */
const ROLE_HEADINGS: Record<Role, string> = {
  broke_trust: 'If you broke trust',
  was_hurt: 'If you were hurt',
  together: 'If you are doing this together',
};

/** One step with its quote, text, practice and prompt, and links to the steps before and after where they exist. */
export function DayPage({ day, total, role }: DayPageProps) {
  const previous = day.day > 1 ? day.day - 1 : null;
  const next = day.day < total ? day.day + 1 : null;
  return (
    <Layout title={`Day ${day.day}: ${day.title}`}>
      <article aria-labelledby="step-title">
        <p class="eyebrow">
          Day {day.day} of {total}
        </p>
        <h1 id="step-title">{day.title}</h1>
        <blockquote>
          <p>{`\u201c${day.quote}\u201d`}</p>
        </blockquote>
        {day.text
          .split(/\n+/)
          .filter((paragraph) => paragraph.trim())
          .map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        <section class="ours" aria-labelledby="ours-heading">
          <h2 id="ours-heading">From us, for today</h2>
          <p class="hint">These suggestions are written by the Rebuild Trust team, not the course text above.</p>
          {role ? (
            <>
              <p class="hint">For: {ROLE_LABELS[role]}.</p>
              <h3>A practice for today</h3>
              <p>{practiceFor(day, role)}</p>
              <h3>To reflect on</h3>
              <p>{promptFor(day, role)}</p>
            </>
          ) : (
            ROLES.map((option) => (
              <section class="role-block" aria-labelledby={`role-${option}`}>
                <h3 id={`role-${option}`}>{ROLE_HEADINGS[option]}</h3>
                <p>
                  <strong>A practice for today:</strong> {practiceFor(day, option)}
                </p>
                <p>
                  <strong>To reflect on:</strong> {promptFor(day, option)}
                </p>
              </section>
            ))
          )}
        </section>
      </article>
      <nav class="pager" aria-label="Other steps">
        {previous && (
          <a class="previous" href={`/day/${previous}${role ? `?role=${role}` : ''}`} rel="prev">
            ← Day {previous}
          </a>
        )}
        {next && (
          <a class="next" href={`/day/${next}${role ? `?role=${role}` : ''}`} rel="next">
            Day {next} →
          </a>
        )}
      </nav>
      <p class="notice">
        <a href="/">About the course and how to receive one step a day</a>
      </p>
    </Layout>
  );
}
