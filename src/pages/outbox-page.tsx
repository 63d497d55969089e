// The developer outbox (GET /dev/outbox): messages stored instead of sent, grouped by recipient, with buttons that answer and move time on.
/** @jsxImportSource hono/jsx */
import type { RecipientGroup } from '../dev/outbox-view';
import { DESK_STYLES } from './desk-styles';
import { Layout } from './layout';

export interface OutboxPageProps {
  groups: RecipientGroup[];
  filter: { channel: 'email' | 'sms' | null; address: string | null };
  /** The result of the last button pressed, shown once. */
  note: string | null;
  /** Where the try-out's clock stands, formatted. */
  clock: string;
  /** False when a provider key is set: then nothing may be answered or sent early from here. */
  canAct: boolean;
  total: number;
}

/** One short form with one button: a POST to `action` with hidden fields. */
export function ActionButton({ action, fields, label, secondary = false }: { action: string; fields: Record<string, string>; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={secondary ? 'small secondary' : 'small'}>
        {label}
      </button>
    </form>
  );
}

/** Buttons that text YES, HELP or STOP from `from`, as that person would from their phone. */
export function KeywordButtons({ from }: { from: string }) {
  return (
    <>
      {['YES', 'HELP', 'STOP'].map((word) => (
        <ActionButton action="/dev/outbox/text" fields={{ from, body: word }} label={`Text ${word}`} secondary />
      ))}
    </>
  );
}

/** The list: time buttons, a filter, then one box per recipient with their messages newest first. */
export function OutboxPage({ groups, filter, note, clock, canAct, total }: OutboxPageProps) {
  return (
    <Layout title="Outbox" wide noindex>
      <style dangerouslySetInnerHTML={{ __html: DESK_STYLES }} />
      <div class="desk">
        <h1>Outbox</h1>
        <p class="lead">
          Every message the worker would have sent, stored here because no provider keys are set. Open one to read it, follow its
          links, or answer it as its recipient would.
        </p>
        {note && (
          <p class="status-note" role="status">
            {note}
          </p>
        )}

        <h2 id="time">Time</h2>
        <p>
          The course&apos;s clock stands at <strong>{clock}</strong>. Cron does not fire by itself in local development: these
          buttons run the same tick and delivery code for a later moment.
        </p>
        {canAct ? (
          <div class="actions">
            <ActionButton action="/dev/outbox/advance" fields={{ mode: 'next' }} label="Run the tick for the next send" />
            <ActionButton action="/dev/outbox/advance" fields={{ mode: 'days', days: '7' }} label="Run the next 7 days" secondary />
          </div>
        ) : (
          <p class="muted">A provider key is set, so the buttons that answer messages or move time are off.</p>
        )}

        <h2 id="messages">Messages</h2>
        <form method="get" action="/dev/outbox" class="filters" role="search" aria-label="Filter the outbox">
          <div class="field">
            <label for="filter-channel">Channel</label>
            <select id="filter-channel" name="channel">
              <option value="" selected={!filter.channel}>Email and text</option>
              <option value="email" selected={filter.channel === 'email'}>Email</option>
              <option value="sms" selected={filter.channel === 'sms'}>Text messages</option>
            </select>
          </div>
          <div class="field">
            <label for="filter-address">Recipient (exact address or number)</label>
            <input id="filter-address" type="search" name="address" value={filter.address ?? ''} autocomplete="off" />
          </div>
          <button type="submit" class="small">Show</button>
          {(filter.channel || filter.address) && <a href="/dev/outbox">Show everything</a>}
        </form>
        <p class="muted">
          {total} {total === 1 ? 'message' : 'messages'}, newest first; times in the recipient&apos;s zone, then UTC.
        </p>
        {groups.length === 0 ? (
          <p class="card">Nothing here yet. Sign up on the home page and the confirmation will appear here.</p>
        ) : (
          groups.map((group) => <RecipientBox group={group} canAct={canAct} />)
        )}
      </div>
    </Layout>
  );
}

function RecipientBox({ group, canAct }: { group: RecipientGroup; canAct: boolean }) {
  const headingId = `to-${group.channel}-${group.rows[0]?.id ?? 0}`;
  return (
    <section class="recipient" aria-labelledby={headingId} data-recipient={group.address} data-channel={group.channel}>
      <h2 id={headingId}>
        {group.channel === 'email' ? 'Email to ' : 'Texts to '}
        {group.address}
      </h2>
      <p class="muted">
        {group.rows.length} {group.rows.length === 1 ? 'message' : 'messages'} · their zone: {group.timezone} ·{' '}
        <a href={`/dev/outbox?address=${encodeURIComponent(group.address)}`}>only these</a>
      </p>
      {canAct && (
        <div class="actions">
          {group.channel === 'sms' && <KeywordButtons from={group.address} />}
          <ActionButton action="/dev/outbox/advance" fields={{ mode: 'next', address: group.address }} label="Run their next step" secondary />
        </div>
      )}
      <ol class="messages">
        {group.rows.map((row) => (
          <li data-outbox-id={row.id}>
            <a href={`/dev/outbox/${row.id}`}>{row.summary}</a>
            <time datetime={new Date(row.createdAt).toISOString()}>
              {row.localTime} · {row.utcTime}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
