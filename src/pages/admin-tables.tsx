// The operator page's longer tables: the newest subscribers (addresses masked) and reflections with the flagged ones marked.
/** @jsxImportSource hono/jsx */

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
  body: string;
  flagged: boolean;
  receivedAt: number;
}

const dateOf = (instant: number) => new Date(instant).toISOString().slice(0, 10);
const minuteOf = (instant: number) => new Date(instant).toISOString().replace('T', ' ').slice(0, 16);
const WRAP = 'overflow-wrap:anywhere;white-space:pre-wrap';

/** Newest first: id, channel, masked address, status, last day sent (and round), timezone, send hour, signup date. */
export function SubscribersTable({ subscribers }: { subscribers: SubscriberRow[] }) {
  if (subscribers.length === 0) return <p>None yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Id</th><th scope="col">Channel</th><th scope="col">Address</th><th scope="col">Status</th>
          <th scope="col">Day reached</th><th scope="col">Timezone</th><th scope="col">Send hour</th><th scope="col">Created (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {subscribers.map((row) => (
          <tr data-subscriber={row.id}>
            <td>{row.id}</td>
            <td>{row.channel}</td>
            <td>{row.maskedAddress}</td>
            <td>{row.status}</td>
            <td>{row.cycle > 1 ? `${row.lastDaySent} (round ${row.cycle})` : row.lastDaySent}</td>
            <td>{row.timezone}</td>
            <td>{`${String(row.sendHour).padStart(2, '0')}:00`}</td>
            <td>{dateOf(row.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Newest first: subscriber, day, channel, when, the text; a flagged one says so in words, not by colour alone. */
export function ReflectionsTable({ reflections }: { reflections: ReflectionRow[] }) {
  if (reflections.length === 0) return <p>None.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Subscriber</th><th scope="col">Day</th><th scope="col">Channel</th><th scope="col">Received (UTC)</th>
          <th scope="col">Flagged</th><th scope="col">Reflection</th>
        </tr>
      </thead>
      <tbody>
        {reflections.map((row) => (
          <tr data-flagged={row.flagged ? 'true' : undefined}>
            <td>{row.subscriberId}</td>
            <td>{row.day}</td>
            <td>{row.channel}</td>
            <td>{minuteOf(row.receivedAt)}</td>
            <td>{row.flagged ? <strong>Flagged</strong> : ''}</td>
            <td style={WRAP}>{row.body}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
