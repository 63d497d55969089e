// The page after a signup form is sent: what to look for next, in the inbox or on the phone.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export type SignupChannel = 'email' | 'sms';

/** What a person is told once a signup is accepted; the landing page shows the same words inline. */
export const PENDING_COPY: Record<SignupChannel, { heading: string; paragraphs: string[] }> = {
  email: {
    heading: 'Check your inbox',
    paragraphs: [
      'A message with a link to confirm is on its way. Open it and tap the link, and the course begins.',
      'If nothing arrives in a few minutes, look in your spam or promotions folder.',
    ],
  },
  sms: {
    heading: 'Check your phone: reply YES',
    paragraphs: [
      'A text is on its way. Reply YES to it to confirm, and the course begins.',
      'You can reply STOP at any time to stop the texts, or HELP for help.',
    ],
  },
};

export interface PendingPageProps {
  channel: SignupChannel;
}

/** "Check your inbox" or "Check your phone: reply YES", shown after a form POST without JavaScript. */
export function PendingPage({ channel }: PendingPageProps) {
  const copy = PENDING_COPY[channel];
  return (
    <Layout title={copy.heading} noindex>
      <h1>{copy.heading}</h1>
      {copy.paragraphs.map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <p>
        <a href="/">Back to the home page</a>
      </p>
    </Layout>
  );
}
