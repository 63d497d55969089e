// The developer outbox (GET /dev/outbox): every stored email and SMS, newest first, with headers, text and sandboxed HTML.
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { Layout } from './layout';

export interface OutboxEntry {
  id: number;
  channel: 'email' | 'sms';
  to_address: string;
  from_address: string;
  subject: string | null;
  html: string | null;
  text: string;
  headers: Record<string, string> | null;
  /** Milliseconds since the epoch. */
  created_at: number;
}

export interface OutboxPageProps {
  messages: OutboxEntry[];
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;

/** Lists the messages newest first; an email's HTML is shown in a sandboxed frame that runs nothing. */
export function OutboxPage({ messages }: OutboxPageProps) {
  const newestFirst = [...messages].sort((a, b) => b.created_at - a.created_at || b.id - a.id);
  return (
    <Layout title="Outbox" wide noindex>
      <h1>Outbox</h1>
      <p class="lead">
        Messages stored here instead of being sent, because no provider keys are set. Newest first.{' '}
        <a href="/dev/outbox">Refresh</a>
      </p>
      {newestFirst.length === 0 ? (
        <p class="card">Nothing here yet. Sign up on the home page and the confirmation message will appear here.</p>
      ) : (
        <div class="outbox">
          <p class="muted">
            {newestFirst.length} {newestFirst.length === 1 ? 'message' : 'messages'}
          </p>
          {newestFirst.map((message) => (
            <OutboxMessage message={message} />
          ))}
        </div>
      )}
    </Layout>
  );
}

function OutboxMessage({ message }: { message: OutboxEntry }) {
  const sentAt = new Date(message.created_at).toISOString();
  const headers = Object.entries(message.headers ?? {});
  const headingId = `message-${message.id}`;
  return (
    <article data-outbox-id={message.id} data-channel={message.channel} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {message.channel === 'email' ? (message.subject ?? '(no subject)') : 'Text message'} to {message.to_address}
      </h2>
      <dl>
        <dt>Time</dt>
        <dd>
          <time datetime={sentAt}>{sentAt}</time>
        </dd>
        <dt>Channel</dt>
        <dd>{message.channel}</dd>
        <dt>From</dt>
        <dd>{message.from_address}</dd>
        <dt>To</dt>
        <dd>{message.to_address}</dd>
        {message.subject !== null && (
          <>
            <dt>Subject</dt>
            <dd>{message.subject}</dd>
          </>
        )}
      </dl>
      {headers.length > 0 && (
        <details>
          <summary>Headers ({headers.length})</summary>
          <dl>
            {headers.map(([name, value]) => (
              <>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </>
            ))}
          </dl>
        </details>
      )}
      <pre>{linkify(message.text)}</pre>
      {message.channel === 'email' && message.html !== null && (
        <>
          <p>
            <a href={`/dev/outbox/${message.id}`}>Open HTML</a>
          </p>
          <iframe sandbox="" srcdoc={message.html} title={`HTML of message ${message.id}`} loading="lazy" />
        </>
      )}
    </article>
  );
}

/** The text with each http(s) URL turned into a link; everything else stays text, so it is escaped. */
function linkify(text: string): Child[] {
  const parts: Child[] = [];
  let rest = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (!url) continue;
    parts.push(text.slice(rest, match.index));
    parts.push(<a href={url}>{url}</a>);
    rest = match.index + url.length;
  }
  parts.push(text.slice(rest));
  return parts;
}
