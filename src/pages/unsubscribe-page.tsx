// The unsubscribe page: one plain button to stop this course, one to stop every course, then a kind confirmation.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface UnsubscribePageProps {
  /** Where the button posts (the same /u/:token address); `${actionUrl}/all` stops every course of the address. */
  actionUrl: string;
  done: boolean;
  /** The course this link belongs to. */
  courseTitle?: string;
  /** How many other courses this address is still taking; when any, an unsubscribe-all button is shown. */
  otherCourses?: number;
  /** True once every course of the address was stopped. */
  allDone?: boolean;
  /** The subscriber's journal, where their place is kept and they can come back; absent when unknown. */
  journalUrl?: string;
}

/** GET /u/:token shows the buttons; after POST, `done` shows that the unsubscribe took effect. */
export function UnsubscribePage({ actionUrl, done, courseTitle, otherCourses = 0, allDone = false, journalUrl }: UnsubscribePageProps) {
  if (done) {
    return (
      <Layout title="You're unsubscribed" noindex>
        <h1>{allDone ? "You're unsubscribed from every course. Nothing more will be sent." : "You're unsubscribed. Nothing more will be sent."}</h1>
        {!allDone && courseTitle && <p>{`No more steps of “${courseTitle}” will arrive.`}</p>}
        <p class="lead">Thank you for the time you gave to this. Stopping is a choice you are allowed to make.</p>
        <p>Whatever comes next, we hope it is gentle with you. You are welcome back whenever you like.</p>
        {!allDone && otherCourses > 0 && (
          <form method="post" action={`${actionUrl}/all`}>
            <p>{`You are still taking ${otherCourses === 1 ? 'one other course' : `${otherCourses} other courses`}.`}</p>
            <button type="submit">Stop every course</button>
          </form>
        )}
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
      {courseTitle && <p>{`This stops “${courseTitle}”.`}</p>}
      <form method="post" action={actionUrl}>
        <button type="submit">Unsubscribe</button>
      </form>
      {otherCourses > 0 && (
        <form method="post" action={`${actionUrl}/all`}>
          <p>{`You are also taking ${otherCourses === 1 ? 'one other course' : `${otherCourses} other courses`}.`}</p>
          <button type="submit">Stop every course</button>
        </form>
      )}
      <p class="notice muted">
        If you only need a break, you can pause instead{journalUrl ? <> from <a href={journalUrl}>your journal</a></> : ''}; nothing changes
        until you press the button.
      </p>
    </Layout>
  );
}
