// The course's introduction on the web (GET /introduction), the seed's words verbatim, linked from the welcome email.
/** @jsxImportSource hono/jsx */
import type { IntroductionBlock } from '../course/model';
import { Layout } from './layout';

export interface IntroductionPageProps {
  title: string;
  language: string;
  dir: 'ltr' | 'rtl';
  introduction: IntroductionBlock[];
}

/** The whole introduction, with its section headings, and the way to the steps. */
export function IntroductionPage({ title, language, dir, introduction }: IntroductionPageProps) {
  return (
    <Layout title={`Introduction: ${title}`}>
      <article aria-labelledby="intro-title" lang={language} dir={dir}>
        <p class="eyebrow">Before you begin</p>
        <h1 id="intro-title">{title}</h1>
        {introduction.map((block) => (block.kind === 'heading' ? <h2>{block.text}</h2> : <p>{block.text}</p>))}
      </article>
      <p class="notice">
        <a href="/day/1">Read Day 1</a> · <a href="/">About the course</a>
      </p>
    </Layout>
  );
}
