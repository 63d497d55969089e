// The unsubscribe page: one plain button to stop, then a kind confirmation that nothing more will be sent.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface UnsubscribePageProps {
  /** Where the button posts (the same /u/:token address). */
  actionUrl: string;
  done: boolean;
  /** The subscriber's journal, where their place is kept and they can come back; absent when unknown. */
  journalUrl?: string;
}

/** GET /u/:token shows the button; after POST, `done` shows that the unsubscribe took effect. */
export function UnsubscribePage({ actionUrl, done, journalUrl }: UnsubscribePageProps) {
  if (done) {
    return (
      <Layout title="You're unsubscribed" noindex>
        <h1>You're unsubscribed. Nothing more will be sent.</h1>
        <p class="lead">Thank you for the time you gave to this. Stopping is a choice you are allowed to make.</p>
        <p>Whatever comes next, we hope it is gentle with you. You are welcome back whenever you like.</p>
        {journalUrl && (
          <p>
            Your journal keeps your reflections and your place in the course. If you change your mind, you can resume from
            there: <a href={journalUrl}>open your journal</a>.
          </p>
        )}
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </Layout>
    );
  }
  return (
    <Layout title="Unsubscribe" noindex>
      <h1>Stop the daily steps?</h1>
      <p class="lead">You can stop at any time, for any reason. One tap below and nothing more will be sent.</p>
      <form method="post" action={actionUrl}>
        <button type="submit">Unsubscribe</button>
      </form>
      <p class="notice muted">
        If you only need a break, you can pause instead{journalUrl ? <> from <a href={journalUrl}>your journal</a></> : ''}; nothing changes
        until you press the button.
      </p>
    </Layout>
  );
}
