// The full web version of one step (GET /day/:n): the seed's words, then our practice and reflection prompt, clearly marked.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface DayPageProps {
  day: { day: number; title: string; quote: string; text: string; ours: { prompt: string; practice: string } };
  /** How many steps the course has. */
  total: number;
}

/** One step with its quote, text, practice and prompt, and links to the steps before and after where they exist. */
export function DayPage({ day, total }: DayPageProps) {
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
          <h3>A practice for today</h3>
          <p>{day.ours.practice}</p>
          <h3>To reflect on</h3>
          <p>{day.ours.prompt}</p>
        </section>
      </article>
      <nav class="pager" aria-label="Other steps">
        {previous && (
          <a class="previous" href={`/day/${previous}`} rel="prev">
            ← Day {previous}
          </a>
        )}
        {next && (
          <a class="next" href={`/day/${next}`} rel="next">
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
