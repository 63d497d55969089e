// The page a confirmation link opens: the welcome is on its way, when Day 1 arrives, and the way to the private journal.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface ConfirmedPageProps {
  /** When Day 1 arrives, in words, e.g. "tomorrow at 8:00 a.m., New York time". */
  firstStepWhen: string;
  journalUrl: string;
  /** True when the link was opened before; the page then reassures instead of welcoming again. */
  alreadyConfirmed: boolean;
}

/** GET /confirm: a warm welcome (or "already confirmed"), the first step's time and the journal link. */
export function ConfirmedPage({ firstStepWhen, journalUrl, alreadyConfirmed }: ConfirmedPageProps) {
  const heading = alreadyConfirmed ? "You're already confirmed" : "You're in. Welcome.";
  return (
    <Layout title={heading} noindex>
      <h1>{heading}</h1>
      {alreadyConfirmed ? (
        <p class="lead">This link was used before, so there is nothing more to do. Your course is set up.</p>
      ) : (
        <p class="lead">A welcome message is on its way to you now.</p>
      )}
      <p>Day 1 arrives {firstStepWhen}. After that, one step a day, at the same hour.</p>
      <div class="card">
        <h2>Your private journal</h2>
        <p>
          Your replies are kept there as reflections, next to your progress. From the journal you can also change the
          time or the questions you get, pause, restart, or unsubscribe whenever you need to.
        </p>
        <p>
          <a class="button" href={journalUrl}>
            Open your journal
          </a>
        </p>
        <p class="hint">Anyone with this link can open your journal, so keep it to yourself.</p>
      </div>
      <p>Be gentle with yourself along the way. Small steps count.</p>
    </Layout>
  );
}
