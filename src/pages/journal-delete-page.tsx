// Deleting a journal: the confirmation step (GET /journal/:token/delete) and the page that says it is done.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface JournalDeletePageProps {
  /** Where the confirming form posts (/journal/TOKEN/delete). */
  actionUrl: string;
  /** The journal, for changing one's mind. */
  journalUrl: string;
  /** The address the course goes to, so the person knows which data this is. */
  address: string;
  reflectionCount: number;
}

/** The confirmation step: what will be deleted, a suggestion to download first, and one button that deletes. */
export function JournalDeletePage({ actionUrl, journalUrl, address, reflectionCount }: JournalDeletePageProps) {
  const reflections = reflectionCount === 1 ? '1 reflection' : `${reflectionCount} reflections`;
  return (
    <Layout title="Delete everything?" noindex>
      <h1>Delete everything?</h1>
      <p class="lead">This removes, for good, everything we keep about {address}:</p>
      <ul>
        <li>your {reflections} and your progress through the course,</li>
        <li>the record of every message sent to you,</li>
        <li>your consent records and your settings.</li>
      </ul>
      <p>Nothing more will be sent, and this journal link will stop working. It can't be undone.</p>
      <p>
        If you would like a copy first, <a href={`${journalUrl}/export.md`}>download your journal</a> before you continue.
      </p>
      <form method="post" action={actionUrl}>
        <input type="hidden" name="confirm" value="delete" />
        <button type="submit">Yes, delete everything</button>
      </form>
      <p class="notice">
        <a href={journalUrl}>No, keep my journal</a>
      </p>
    </Layout>
  );
}

/** After POST /journal/:token/delete: the data is gone. */
export function JournalDeletedPage() {
  return (
    <Layout title="Everything is deleted" noindex>
      <h1>Everything is deleted</h1>
      <p class="lead" role="status">
        Your journal, your progress and every record about you have been removed. Nothing more will be sent.
      </p>
      <p>Thank you for the time you gave to this. You are welcome back whenever you like.</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Layout>
  );
}
