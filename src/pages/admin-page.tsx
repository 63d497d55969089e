// The operator's page: subscribers, the day-by-day funnel, failing steps, reflections, message previews and the CSV export.
/** @jsxImportSource hono/jsx */
import type { Dashboard } from '../admin/dashboard';
import type { PaceEstimate } from '../schedule/pace-estimate';
import { FunnelChart } from './admin-funnel-chart';
import { AdminPace } from './admin-pace';
import { ReflectionsTable, SubscribersTable } from './admin-tables';
import { Layout } from './layout';

export type AdminPageProps = Dashboard & { pace?: PaceEstimate };

const iso = (instant: number) => new Date(instant).toISOString().replace('T', ' ').slice(0, 16);

const SECTIONS = [
  ['subscribers', 'Subscribers'],
  ['funnel', 'Funnel'],
  ['failing', 'Failing steps'],
  ['flagged', 'Flagged reflections'],
  ['reflections', 'Recent reflections'],
  ['previews', 'Previews'],
] as const;

/** A plain, dense page for the operator: a chart and tables, no script; addresses arrive already masked. */
export function AdminPage({ counts, funnel, subscribers, failing, flagged, reflections, previews, pace }: AdminPageProps) {
  return (
    <Layout title="Operator" wide noindex>
      <h1>Operator</h1>
      <nav aria-label="Operator sections">
        <p>
          {SECTIONS.map(([id, label]) => (
            <>
              <a href={`#${id}`}>{label}</a>{' · '}
            </>
          ))}
          <a href="/admin/export.csv" download>
            Export all subscribers (CSV)
          </a>
        </p>
      </nav>
      <form method="post" action="/admin/logout">
        <button type="submit">Sign out</button>
      </form>

      <h2 id="subscribers">Subscribers</h2>
      <table>
        <caption class="muted">By channel and status</caption>
        <thead>
          <tr><th scope="col">Channel</th><th scope="col">Status</th><th scope="col">Count</th></tr>
        </thead>
        <tbody>
          {counts.map((row) => (
            <tr><td>{row.channel}</td><td>{row.status}</td><td>{row.count}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>Newest {subscribers.length} subscribers</h3>
      <SubscribersTable subscribers={subscribers} />

      <h2 id="funnel">Funnel</h2>
      <FunnelChart days={funnel} />

      {pace && <AdminPace estimate={pace} />}

      <h2 id="failing">Steps that keep failing ({failing.length})</h2>
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

      <h2 id="flagged">Reflections flagged for safety ({flagged.length})</h2>
      <ReflectionsTable reflections={flagged} />

      <h2 id="reflections">Recent reflections ({reflections.length})</h2>
      <ReflectionsTable reflections={reflections} />

      <h2 id="previews">Previews</h2>
      <p class="muted">Each message as a sample subscriber would get it, with placeholder links.</p>
      {previews.map((course) => (
        <table>
          <caption>{course.course}</caption>
          <thead>
            <tr><th scope="col">Message</th><th scope="col">Email</th><th scope="col">SMS</th></tr>
          </thead>
          <tbody>
            {course.messages.map((preview) => (
              <tr>
                <th scope="row">{preview.label}</th>
                <td><a href={preview.emailPath} aria-label={`Email: ${course.course}, ${preview.label}`}>Email</a></td>
                <td><a href={preview.smsPath} aria-label={`SMS: ${course.course}, ${preview.label}`}>SMS</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </Layout>
  );
}
