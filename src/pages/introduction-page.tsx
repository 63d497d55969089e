// The course's introduction on the web (GET /introduction), the seed's words verbatim, linked from the welcome email.
/** @jsxImportSource hono/jsx */
import type { IntroductionSection } from '../course/course';
import { Layout } from './layout';

export interface IntroductionPageProps {
  title: string;
  introduction: { opening: string[]; sections: IntroductionSection[] };
}

/** The whole introduction, with its section headings, and the way to the steps. */
export function IntroductionPage({ title, introduction }: IntroductionPageProps) {
  return (
    <Layout title={`Introduction: ${title}`}>
      <article aria-labelledby="intro-title">
        <p class="eyebrow">Before you begin</p>
        <h1 id="intro-title">{title}</h1>
        {introduction.opening.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        {introduction.sections.map((section) => (
          <section>
            <h2>{section.heading}</h2>
            {section.paragraphs.map((paragraph) => (
              <p>{paragraph}</p>
            ))}
          </section>
        ))}
      </article>
      <p class="notice">
        <a href="/day/1">Read Day 1</a> · <a href="/">About the course</a>
      </p>
    </Layout>
  );
}
