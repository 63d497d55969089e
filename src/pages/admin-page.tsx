// The operator's page: subscribers by status, steps that keep failing, and reflections flagged for safety.
/** @jsxImportSource hono/jsx */
import { Layout } from './layout';

export interface AdminPageProps {
  counts: { channel: string; status: string; count: number }[];
  failing: { subscriberId: string; channel: string; day: number; status: string; attempts: number; lastError: string | null; updatedAt: number }[];
  flagged: { subscriberId: string; day: number; channel: string; body: string; receivedAt: number }[];
}

const iso = (instant: number) => new Date(instant).toISOString().replace('T', ' ').slice(0, 16);

/** A plain, dense page for the operator: tables only. */
export function AdminPage({ counts, failing, flagged }: AdminPageProps) {
  return (
    <Layout title="Operator" wide noindex>
      <h1>Operator</h1>
      <h2>Subscribers</h2>
      <table>
        <thead>
          <tr><th scope="col">Channel</th><th scope="col">Status</th><th scope="col">Count</th></tr>
        </thead>
        <tbody>
          {counts.map((row) => (
            <tr><td>{row.channel}</td><td>{row.status}</td><td>{row.count}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>Steps that keep failing ({failing.length})</h2>
      {failing.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">Subscriber</th><th scope="col">Channel</th><th scope="col">Day</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Updated (UTC)</th></tr>
          </thead>
          <tbody>
            {failing.map((row) => (
              <tr><td>{row.subscriberId}</td><td>{row.channel}</td><td>{row.day}</td><td>{row.status}</td><td>{row.attempts}</td><td>{row.lastError ?? ''}</td><td>{iso(row.updatedAt)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Reflections flagged for safety ({flagged.length})</h2>
      {flagged.length === 0 ? (
        <p>None.</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">Subscriber</th><th scope="col">Day</th><th scope="col">Channel</th><th scope="col">Received (UTC)</th><th scope="col">Reflection</th></tr>
          </thead>
          <tbody>
            {flagged.map((row) => (
              <tr><td>{row.subscriberId}</td><td>{row.day}</td><td>{row.channel}</td><td>{iso(row.receivedAt)}</td><td>{row.body}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
