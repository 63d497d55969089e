// One outbox message on its own page (GET /dev/outbox/:id): its text with working links, its HTML, and forms to answer it.
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { DESK_STYLES } from './desk-styles';
import { Layout } from './layout';
import { ActionButton, KeywordButtons } from './outbox-page';

export interface OutboxMessageView {
  id: number;
  channel: 'email' | 'sms';
  to: string;
  from: string;
  subject: string | null;
  text: string;
  /** The email's HTML with `target="_top"` on its links, so a click leaves the preview; null for a text message. */
  previewHtml: string | null;
  headers: Record<string, string>;
  localTime: string;
  utcTime: string;
  createdAt: number;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;

/**
 * The frame runs nothing (no allow-scripts) and stays a unique origin (no allow-same-origin); a click on a
 * link may open it in this tab or a new one, which is what a person does with an email.
 */
const PREVIEW_SANDBOX = 'allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox';

/** The message with its facts, an "answer as the recipient" form, the plain text with links, and the HTML preview. */
export function OutboxMessagePage({ message, canAct }: { message: OutboxMessageView; canAct: boolean }) {
  const title = message.channel === 'email' ? (message.subject ?? '(no subject)') : `Text message to ${message.to}`;
  const headers = Object.entries(message.headers);
  return (
    <Layout title={`Outbox: ${title}`} wide noindex>
      <style dangerouslySetInnerHTML={{ __html: DESK_STYLES }} />
      <div class="desk" data-outbox-id={message.id} data-channel={message.channel}>
        <nav aria-label="Outbox">
          <ul>
            <li>
              <a href="/dev/outbox">All messages</a>
            </li>
            <li>
              <a href={`/dev/outbox?address=${encodeURIComponent(message.to)}`}>Everything to {message.to}</a>
            </li>
          </ul>
        </nav>
        <h1>{title}</h1>
        <dl class="facts">
          <dt>To</dt>
          <dd>{message.to}</dd>
          <dt>From</dt>
          <dd>{message.from}</dd>
          <dt>Sent</dt>
          <dd>
            <time datetime={new Date(message.createdAt).toISOString()}>{message.localTime}</time> · {message.utcTime}
          </dd>
          {message.headers['Reply-To'] && (
            <>
              <dt>Reply-To</dt>
              <dd>{message.headers['Reply-To']}</dd>
            </>
          )}
        </dl>

        <h2 id="answer">Answer as {message.to}</h2>
        {canAct ? <AnswerForms message={message} /> : <p class="muted">A provider key is set for this channel, so answering from here is off.</p>}

        <h2 id="text">{message.channel === 'email' ? 'Plain text' : 'Text'}</h2>
        <pre>{linkify(message.text)}</pre>

        {message.previewHtml !== null && (
          <>
            <h2 id="html">As it looks</h2>
            <p>
              Links in the preview work. <a href={`/dev/outbox/${message.id}/html`}>Open the HTML on its own page</a>
            </p>
            <iframe sandbox={PREVIEW_SANDBOX} srcdoc={message.previewHtml} title={`The email "${title}" as it looks`} />
          </>
        )}
        {headers.length > 0 && (
          <details>
            <summary>Headers ({headers.length})</summary>
            <dl class="facts">
              {headers.map(([name, value]) => (
                <>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </>
              ))}
            </dl>
          </details>
        )}
      </div>
    </Layout>
  );
}

function AnswerForms({ message }: { message: OutboxMessageView }) {
  if (message.channel === 'email') {
    return (
      <>
        <form method="post" action={`/dev/outbox/${message.id}/reply`}>
          <div class="field">
            <label for="reply-text">Your reply</label>
            <textarea id="reply-text" name="text" required maxlength={10000}></textarea>
            <p class="hint">Sent to the Reply-To address through the Email Routing handler, with this email quoted below it.</p>
          </div>
          <button type="submit">Send the reply</button>
        </form>
        <div class="actions">
          <ActionButton action="/dev/outbox/advance" fields={{ mode: 'next', address: message.to }} label="Run their next step" secondary />
        </div>
      </>
    );
  }
  return (
    <>
      <div class="actions">
        <KeywordButtons from={message.to} />
        <ActionButton action="/dev/outbox/advance" fields={{ mode: 'next', address: message.to }} label="Run their next step" secondary />
      </div>
      <form method="post" action="/dev/outbox/text">
        <input type="hidden" name="from" value={message.to} />
        <div class="field">
          <label for="sms-text">Your text</label>
          <textarea id="sms-text" name="body" required maxlength={1600}></textarea>
          <p class="hint">Sent to the Twilio webhook, signed as Twilio would sign it.</p>
        </div>
        <button type="submit">Send the text</button>
      </form>
    </>
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
