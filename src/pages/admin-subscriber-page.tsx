// The operator's desk for one enrolment (GET /admin/subscribers/:id), the search results, and the confirmation before an action.
/** @jsxImportSource hono/jsx */
import type { DeskAction, SubscriberDesk } from '../admin/subscriber-desk';
import type { Subscriber } from '../db/schema';
import { AdminFrame, FindSubscriberForm } from './admin-frame';
import { ScrollTable, SubscriberLink, minuteOf } from './admin-tables';

const ACTION_LABELS: Record<DeskAction, { button: string; question: string; consequence: string }> = {
  resend: {
    button: "Resend today's step",
    question: "Send today's step again?",
    consequence: 'They get the same message once more, now. Where they are in the course does not change.',
  },
  pause: {
    button: 'Pause',
    question: 'Pause this course?',
    consequence: 'Nothing more is sent until they resume from their journal. Their progress and reflections stay.',
  },
  unsubscribe: {
    button: 'Unsubscribe',
    question: 'Unsubscribe this enrolment?',
    consequence: 'Nothing more is sent, at once. They can sign up again themselves; their journal stays until they delete it.',
  },
};

const when = (instant: number | null) => (instant === null ? '—' : `${minuteOf(instant)} UTC`);
const dayLabel = (day: number, completionDay: number) => (day === 0 ? 'Welcome' : day >= completionDay ? 'Completion' : `Day ${day}`);

/** Facts, actions (each behind a confirmation page), deliveries with provider status, and each one's provider calls. */
export function AdminSubscriberPage({ desk, allowed, notice, completionDay }: { desk: SubscriberDesk; allowed: Record<DeskAction, boolean>; notice: string | null; completionDay: number }) {
  const { enrolment, deliveries, reflections } = desk;
  const withHistory = deliveries.filter((delivery) => delivery.history.length > 0);
  return (
    <AdminFrame title="Subscriber" heading="Subscriber">
      <p>
        <a href="/admin">Back to the operator page</a>
      </p>
      {notice && (
        <p class="status-note" role="status">
          {notice}
        </p>
      )}
      <EnrolmentFacts enrolment={enrolment} />
      <p>
        {reflections.total} {reflections.total === 1 ? 'reflection' : 'reflections'}, {reflections.flagged} flagged for safety.
      </p>
      <h2 id="actions">Actions</h2>
      <div class="actions">
        {(Object.keys(ACTION_LABELS) as DeskAction[])
          .filter((action) => allowed[action])
          .map((action) => (
            <a class={action === 'unsubscribe' ? 'button secondary' : 'button'} href={`/admin/subscribers/${encodeURIComponent(enrolment.id)}/${action}`}>
              {ACTION_LABELS[action].button}…
            </a>
          ))}
      </div>
      {!Object.values(allowed).some(Boolean) && <p class="muted">No action fits an enrolment that is {enrolment.status}.</p>}

      <h2 id="deliveries">Deliveries ({deliveries.length})</h2>
      {deliveries.length === 0 ? (
        <p>Nothing sent yet.</p>
      ) : (
        <ScrollTable label="Deliveries">
          <thead>
            <tr><th scope="col">Message</th><th scope="col">Round</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Sent</th><th scope="col">Provider id</th><th scope="col">Last error</th></tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr data-delivery={delivery.id}>
                <td class="nowrap">{dayLabel(delivery.day, completionDay)}</td>
                <td>{delivery.cycle}</td>
                <td>{delivery.status}</td>
                <td>{delivery.attempts}</td>
                <td class="nowrap">{when(delivery.sentAt)}</td>
                <td class="id">{delivery.providerId ?? '—'}</td>
                <td style="min-width:12rem">{delivery.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <h2 id="history">Retry history</h2>
      {withHistory.length === 0 ? (
        <p>No provider calls recorded.</p>
      ) : (
        <ScrollTable label="Retry history">
          <thead>
            <tr><th scope="col">Message</th><th scope="col">When</th><th scope="col">Outcome</th><th scope="col">Detail</th></tr>
          </thead>
          <tbody>
            {withHistory.flatMap((delivery) =>
              delivery.history.map((attempt) => (
                <tr>
                  <td class="nowrap">{`${dayLabel(delivery.day, completionDay)} (round ${delivery.cycle})`}</td>
                  <td class="nowrap">{when(attempt.attemptedAt)}</td>
                  <td>{attempt.outcome}</td>
                  <td>{attempt.detail ?? ''}</td>
                </tr>
              )),
            )}
          </tbody>
        </ScrollTable>
      )}
    </AdminFrame>
  );
}

function EnrolmentFacts({ enrolment }: { enrolment: Subscriber }) {
  return (
    <dl class="facts">
      <dt>Id</dt>
      <dd class="id">{enrolment.id}</dd>
      <dt>Address</dt>
      <dd>{enrolment.address}</dd>
      <dt>Channel</dt>
      <dd>{enrolment.channel}</dd>
      <dt>Course</dt>
      <dd>{enrolment.course_id}</dd>
      <dt>Role</dt>
      <dd>{enrolment.role}</dd>
      <dt>Status</dt>
      <dd>
        <strong>{enrolment.status}</strong>
        {enrolment.end_reason ? ` (${enrolment.end_reason})` : ''}
      </dd>
      <dt>Day reached</dt>
      <dd>{enrolment.cycle > 1 ? `${enrolment.last_day_sent} (round ${enrolment.cycle})` : enrolment.last_day_sent}</dd>
      <dt>Rhythm</dt>
      <dd>
        {String(enrolment.send_hour).padStart(2, '0')}:00, {enrolment.timezone}
      </dd>
      <dt>Next message due</dt>
      <dd>{when(enrolment.next_due_at)}</dd>
      <dt>Signed up</dt>
      <dd>{when(enrolment.created_at)}</dd>
      <dt>Confirmed</dt>
      <dd>{when(enrolment.confirmed_at)}</dd>
    </dl>
  );
}

/** The results of one exact search: each enrolment of that address with a link, or a plain "no one". */
export function AdminFindPage({ query, enrolments, error }: { query: string; enrolments: Subscriber[]; error: string | null }) {
  return (
    <AdminFrame title="Find a subscriber" heading="Find a subscriber">
      <p>
        <a href="/admin">Back to the operator page</a>
      </p>
      <FindSubscriberForm value={query} />
      {error ? (
        <p role="alert">{error}</p>
      ) : enrolments.length === 0 ? (
        <p role="status">No subscriber has exactly this address.</p>
      ) : (
        <ScrollTable label="Enrolments of this address">
          <thead>
            <tr><th scope="col">Id</th><th scope="col">Course</th><th scope="col">Status</th><th scope="col">Day reached</th><th scope="col">Signed up</th></tr>
          </thead>
          <tbody>
            {enrolments.map((enrolment) => (
              <tr>
                <td><SubscriberLink id={enrolment.id} /></td>
                <td>{enrolment.course_id}</td>
                <td>{enrolment.status}</td>
                <td>{enrolment.last_day_sent}</td>
                <td class="nowrap">{when(enrolment.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </AdminFrame>
  );
}

/** "Are you sure?": what the action does, a button that does it, and a way back that does nothing. */
export function AdminConfirmPage({ enrolment, action }: { enrolment: Subscriber; action: DeskAction }) {
  const labels = ACTION_LABELS[action];
  const back = `/admin/subscribers/${encodeURIComponent(enrolment.id)}`;
  return (
    <AdminFrame title={labels.question} heading={labels.question}>
      <p>
        {enrolment.channel === 'email' ? 'Email' : 'Text messages'} to <strong>{enrolment.address}</strong>, course {enrolment.course_id}, now{' '}
        {enrolment.status} at day {enrolment.last_day_sent}.
      </p>
      <p>{labels.consequence}</p>
      <div class="actions">
        <form method="post" action={`${back}/${action}`}>
          <button type="submit">{labels.button}</button>
        </form>
        <a href={back}>Cancel</a>
      </div>
    </AdminFrame>
  );
}
