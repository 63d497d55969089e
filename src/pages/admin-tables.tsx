// The operator page's tables: in boxes that scroll on their own on a phone, headers that never break, ids kept whole.
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

export interface SubscriberRow {
  id: string;
  channel: string;
  maskedAddress: string;
  status: string;
  lastDaySent: number;
  cycle: number;
  timezone: string;
  sendHour: number;
  createdAt: number;
}

export interface ReflectionRow {
  subscriberId: string;
  day: number;
  channel: string;
  /** The words, only when ADMIN_SHOWS_REFLECTIONS=true; null otherwise. */
  text: string | null;
  flagged: boolean;
  receivedAt: number;
}

export const dateOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);
export const minuteOf = (instant: number) => new Date(instant).toISOString().replace('T', ' ').slice(0, 16);

/**
 * A table in a box that scrolls sideways by itself when the screen is narrower than the table, so the page never
 * does; the box is a named, focusable region so keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      <table>{children}</table>
    </div>
  );
}

/** A link to the subscriber's desk page, showing their id whole. */
export function SubscriberLink({ id }: { id: string }) {
  return (
    <a class="id" href={`/admin/subscribers/${encodeURIComponent(id)}`}>
      {id}
    </a>
  );
}

/** Newest first: id, channel, masked address, status, last day sent (and round), timezone, send hour, signup date. */
export function SubscribersTable({ subscribers }: { subscribers: SubscriberRow[] }) {
  if (subscribers.length === 0) return <p>None yet.</p>;
  return (
    <ScrollTable label="Newest subscribers">
      <thead>
        <tr>
          <th scope="col">Id</th><th scope="col">Channel</th><th scope="col">Address</th><th scope="col">Status</th>
          <th scope="col">Day reached</th><th scope="col">Time zone</th><th scope="col">Send hour</th><th scope="col">Signed up (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {subscribers.map((row) => (
          <tr data-subscriber={row.id}>
            <td><SubscriberLink id={row.id} /></td>
            <td>{row.channel}</td>
            <td class="id">{row.maskedAddress}</td>
            <td>{row.status}</td>
            <td>{row.cycle > 1 ? `${row.lastDaySent} (round ${row.cycle})` : row.lastDaySent}</td>
            <td>{row.timezone}</td>
            <td>{`${String(row.sendHour).padStart(2, '0')}:00`}</td>
            <td class="nowrap">{dateOf(row.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/**
 * Newest first: subscriber, day, channel, when, whether flagged (in words, not colour alone), and the text only
 * when the operator may read reflections.
 */
export function ReflectionsTable({ reflections, label, showText }: { reflections: ReflectionRow[]; label: string; showText: boolean }) {
  if (reflections.length === 0) return <p>None.</p>;
  return (
    <ScrollTable label={label}>
      <thead>
        <tr>
          <th scope="col">Subscriber</th><th scope="col">Day</th><th scope="col">Channel</th><th scope="col">Received (UTC)</th>
          <th scope="col">Flagged</th>
          {showText && <th scope="col">Reflection</th>}
        </tr>
      </thead>
      <tbody>
        {reflections.map((row) => (
          <tr data-flagged={row.flagged ? 'true' : undefined}>
            <td><SubscriberLink id={row.subscriberId} /></td>
            <td>{row.day}</td>
            <td>{row.channel}</td>
            <td class="nowrap">{minuteOf(row.receivedAt)}</td>
            <td>{row.flagged ? <strong class="flag">Flagged</strong> : ''}</td>
            {showText && <td style="white-space:pre-wrap;min-width:16rem">{row.text ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
