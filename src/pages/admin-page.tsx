// The operator's page: find one subscriber, the funnel per course, sending pace, failing steps, safety flags, subscribers, previews.
/** @jsxImportSource hono/jsx */
import type { Dashboard } from '../admin/dashboard';
import type { PaceEstimate } from '../schedule/pace-estimate';
import { FunnelChart } from './admin-funnel-chart';
import { AdminFrame, FindSubscriberForm } from './admin-frame';
import { AdminPace } from './admin-pace';
import { ReflectionsTable, ScrollTable, SubscriberLink, SubscribersTable, minuteOf } from './admin-tables';

export type AdminPageProps = Dashboard & {
  /** The sending pace and backlog, shown under the funnel when given. */
  pace?: PaceEstimate;
};

const SECTIONS = [
  ['find', 'Find'],
  ['funnel', 'Funnel'],
  ['pace', 'Pace'],
  ['failing', 'Failing steps'],
  ['safety', 'Safety'],
  ['subscribers', 'Subscribers'],
  ['previews', 'Previews'],
] as const;

/** A plain page for the operator: no script, addresses arrive masked, reflections as counts unless allowed. */
export function AdminPage({ counts, funnels, subscribers, failing, flagged, reflectionCounts, reflections, showReflections, previews, pace }: AdminPageProps) {
  return (
    <AdminFrame title="Operator" heading="Operator">
      <nav aria-label="Operator sections">
        <ul>
          {SECTIONS.filter(([id]) => id !== 'pace' || pace).map(([id, label]) => (
            <li>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
          <li>
            <a href="/admin/export.csv" download>
              Export (CSV)
            </a>
          </li>
        </ul>
      </nav>

      <h2 id="find">Find a subscriber</h2>
      <FindSubscriberForm />

      <h2 id="funnel">Funnel</h2>
      {funnels.length === 0 ? <p>No one has signed up yet.</p> : funnels.map((funnel) => <FunnelChart funnel={funnel} />)}

      {pace && <AdminPace estimate={pace} />}

      <h2 id="status">By channel and status</h2>
      <ScrollTable label="Subscribers by channel and status">
        <thead>
          <tr><th scope="col">Channel</th><th scope="col">Status</th><th scope="col">Count</th></tr>
        </thead>
        <tbody>
          {counts.map((row) => (
            <tr><td>{row.channel}</td><td>{row.status}</td><td>{row.count}</td></tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2 id="failing">Steps that keep failing ({failing.length})</h2>
      {failing.length === 0 ? (
        <p>None.</p>
      ) : (
        <ScrollTable label="Steps that keep failing">
          <thead>
            <tr><th scope="col">Subscriber</th><th scope="col">Channel</th><th scope="col">Day</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Updated (UTC)</th></tr>
          </thead>
          <tbody>
            {failing.map((row) => (
              <tr><td><SubscriberLink id={row.subscriberId} /></td><td>{row.channel}</td><td>{row.day}</td><td>{row.status}</td><td>{row.attempts}</td><td style="min-width:12rem">{row.lastError ?? ''}</td><td class="nowrap">{minuteOf(row.updatedAt)}</td></tr>
            ))}
          </tbody>
        </ScrollTable>
      )}

      <h2 id="safety">Safety</h2>
      <p>
        {reflectionCounts.total} {reflectionCounts.total === 1 ? 'reflection' : 'reflections'} kept, <strong>{reflectionCounts.flagged} flagged</strong> for
        speaking of violence or danger (each was answered once with the support line).{' '}
        {showReflections ? 'Their words are shown because ADMIN_SHOWS_REFLECTIONS is true.' : 'Their words stay private: the admin shows counts and flags only.'}
      </p>
      <h3 id="flagged">Flagged ({flagged.length})</h3>
      <ReflectionsTable reflections={flagged} label="Flagged reflections" showText={showReflections} />
      {showReflections && (
        <>
          <h3 id="reflections">Recent reflections ({reflections.length})</h3>
          <ReflectionsTable reflections={reflections} label="Recent reflections" showText />
        </>
      )}

      <h2 id="subscribers">Newest {subscribers.length} subscribers</h2>
      <SubscribersTable subscribers={subscribers} />

      <h2 id="previews">Previews</h2>
      <p class="muted">Each message as a sample subscriber would get it, with placeholder links.</p>
      {previews.map((course) => (
        <ScrollTable label={`Message previews: ${course.course}`}>
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
        </ScrollTable>
      ))}
    </AdminFrame>
  );
}
