// The full web version of one step (GET /day/:n, /c/:course/day/:n): the course's words, then ours, clearly marked.
/** @jsxImportSource hono/jsx */
import type { Messages } from '../i18n/messages';
import { EN } from '../i18n/en';
import { practiceFor, promptFor } from '../course/role-text';
import { ROLES, ROLE_LABELS, type Role } from '../course/roles';
import type { CourseDay } from '../course/model';
import { Layout } from './layout';

export interface DayPageProps {
  day: CourseDay;
  /** How many steps the course has. */
  total: number;
  /** The course's language and direction, its page, and the path of any of its days. */
  course?: { language: string; dir: 'ltr' | 'rtl'; path: string; dayPath: (n: number) => string };
  /** Interface text in the course's language. */
  t?: Messages['page'];
  /** Show only this role's practice and prompt; without one, all three, each under its own heading. */
  role?: Role;
}

/** Headings for each role's suggestions when the page shows all three. */
const ROLE_HEADINGS: Record<Role, string> = {
  broke_trust: 'If you broke trust',
  was_hurt: 'If you were hurt',
  together: 'If you are doing this together',
};

const SEED_COURSE = { language: 'en', dir: 'ltr' as const, path: '/', dayPath: (n: number) => `/day/${n}` };

/** One step with its quote, text, practice and prompt, and links to the steps before and after where they exist. */
export function DayPage({ day, total, course = SEED_COURSE, t = EN.page, role }: DayPageProps) {
  const previous = day.day > 1 ? day.day - 1 : null;
  const next = day.day < total ? day.day + 1 : null;
  return (
    <Layout title={`${t.dayEyebrow(day.day, total)}: ${day.title}`} lang={course.language} dir={course.dir}>
      <article aria-labelledby="step-title">
        <p class="eyebrow">{t.dayEyebrow(day.day, total)}</p>
        <h1 id="step-title">{day.title}</h1>
        {day.quote !== null && (
          <blockquote>
            <p>{`\u201c${day.quote}\u201d`}</p>
          </blockquote>
        )}
        {day.text
          .split(/\n+/)
          .filter((paragraph) => paragraph.trim())
          .map((paragraph) => (
            <p>{paragraph}</p>
          ))}
        <section class="ours" aria-labelledby="ours-heading">
          <h2 id="ours-heading">{t.oursHeading}</h2>
          <p class="hint">{t.oursHint}</p>
          {role ? (
            <>
              <p class="hint">For: {ROLE_LABELS[role]}.</p>
              <h3>{t.practiceHeading}</h3>
              <p>{practiceFor(day, role)}</p>
              <h3>{t.reflectHeading}</h3>
              <p>{promptFor(day, role)}</p>
            </>
          ) : (
            ROLES.map((option) => (
              <section class="role-block" aria-labelledby={`role-${option}`}>
                <h3 id={`role-${option}`}>{ROLE_HEADINGS[option]}</h3>
                <p>
                  <strong>{t.practiceHeading}:</strong> {practiceFor(day, option)}
                </p>
                <p>
                  <strong>{t.reflectHeading}:</strong> {promptFor(day, option)}
                </p>
              </section>
            ))
          )}
        </section>
      </article>
      <nav class="pager" aria-label={t.otherSteps}>
        {previous && (
          <a class="previous" href={`${course.dayPath(previous)}${role ? `?role=${role}` : ''}`} rel="prev">
            {t.previous(previous)}
          </a>
        )}
        {next && (
          <a class="next" href={`${course.dayPath(next)}${role ? `?role=${role}` : ''}`} rel="next">
            {t.next(next)}
          </a>
        )}
      </nav>
      <p class="notice">
        <a href={course.path}>{t.about}</a>
      </p>
    </Layout>
  );
}
