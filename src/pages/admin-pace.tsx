// The operator's pace section: the due backlog per channel, when it clears at the configured limits, and warnings.
/** @jsxImportSource hono/jsx */
import type { PaceEstimate } from '../schedule/pace-estimate';

const iso = (instant: number) => new Date(instant).toISOString().replace('T', ' ').slice(0, 16);

/** Shows the backlog and its estimate; a warning list when a send hour's load cannot be met at the limits. */
export function AdminPace({ estimate }: { estimate: PaceEstimate }) {
  const { limits } = estimate;
  const rows = [
    ['Email', estimate.email, limits.resendPerSecond === null ? 'outbox, not paced' : `${limits.resendPerSecond} requests/s (100 emails each)`],
    ['SMS', estimate.sms, limits.twilioPerSecond === null ? 'outbox, not paced' : `${limits.twilioPerSecond} messages/s`],
  ] as const;
  return (
    <>
      <h2 id="pace">Sending pace</h2>
      <table>
        <caption class="muted">Due now, and when it is sent at the configured limits (UTC)</caption>
        <thead>
          <tr><th scope="col">Channel</th><th scope="col">Backlog</th><th scope="col">Clears by</th><th scope="col">Limit</th></tr>
        </thead>
        <tbody>
          {rows.map(([label, pace, limit]) => (
            <tr><td>{label}</td><td>{pace.backlog}</td><td>{pace.backlog === 0 ? '-' : iso(pace.clearsAt)}</td><td>{limit}</td></tr>
          ))}
        </tbody>
      </table>
      {estimate.warnings.length === 0 ? (
        <p class="muted">Every send hour of the next 24 hours fits the limits.</p>
      ) : (
        <ul role="list" aria-label="Send hours the limits cannot meet">
          {estimate.warnings.map((warning) => <li>{warning}</li>)}
        </ul>
      )}
    </>
  );
}
