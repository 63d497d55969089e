// The private journal (GET /journal/:token): progress, reflections under each step, self-service forms, downloads, delete.
/** @jsxImportSource hono/jsx */
import type { DayView, JournalView, ReflectionView, RoundView } from '../journal/journal-view';
import { supportLineParts } from '../messages/support-line';
import { Layout } from './layout';

/** The short confirmations shown after a form, keyed by the `done` query value the redirect carries. */
export const JOURNAL_NOTICES = {
  paused: 'Your course is paused. Nothing will be sent until you resume it.',
  resumed: 'Your course is running again.',
  restarted: 'Your course starts again from Day 1. Your earlier reflections are kept below.',
  settings: 'Your new delivery time is saved.',
  edited: 'Your reflection is saved as you wrote it.',
} as const;

export type JournalNotice = keyof typeof JOURNAL_NOTICES;

export interface JournalPageProps {
  view: JournalView;
  /** The journal's own address (/journal/TOKEN); every form posts below it. */
  basePath: string;
  supportLine: string;
  /** A confirmation or a problem to announce in the status region. */
  notice?: string;
  /** A refused settings form, shown again with the person's choices and the error beside the field. */
  settingsError?: { message: string; field: string | null; values: { sendHour: string; timezone: string } };
  /** This enrolment's unsubscribe page, which also offers to stop every course of the address. */
  unsubscribePath?: string;
}

const CHANNEL_WORDS = { email: 'by email', sms: 'by text message' } as const;

function statusLine(view: JournalView): string {
  switch (view.status) {
    case 'active':
      if (!view.next) return 'Your course is running.';
      if (view.next.day > view.total) return `You have received all ${view.total} steps. A closing message arrives ${view.next.when}.`;
      if (view.next.day < 1) return `Your welcome message arrives ${view.next.when}.`;
      return `Day ${view.next.day}, \u201c${view.next.title}\u201d, arrives ${view.next.when}.`;
    case 'paused':
      return 'Your course is paused. Nothing will be sent until you resume it.';
    case 'completed':
      return `You finished all ${view.total} steps. Thank you for staying with it.`;
    case 'pending':
      return "Your signup isn't confirmed yet, so nothing is being sent. Use the link or reply YES in the confirmation message to begin.";
    case 'unsubscribed':
      return 'You have left the course, so nothing more will be sent. Your journal stays here until you delete it.';
    case 'suppressed':
      return 'Messages to your address could no longer be delivered, so we stopped sending. Your journal stays here until you delete it.';
  }
}

/** GET /journal/:token: everything about the subscriber's course, with the actions their status allows. */
export function JournalPage({ view, basePath, supportLine, notice, settingsError, unsubscribePath }: JournalPageProps) {
  const { actions } = view;
  const anyCourseAction = actions.pause || actions.resume || actions.restart;
  return (
    <Layout title="Your journal" noindex>
      <h1>Your journal</h1>
      <p class="eyebrow">{view.courseTitle}</p>
      <p class="lead">{statusLine(view)}</p>
      <div id="journal-status" class="notice" role="status" aria-live="polite">
        {notice && <p>{notice}</p>}
      </div>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Your progress</h2>
        <p>
          <label for="progress">
            {view.stepsSent} of {view.total} steps received
          </label>
          <progress id="progress" max={view.total} value={view.stepsSent}>
            {view.stepsSent} of {view.total}
          </progress>
        </p>
        <p class="hint">
          You receive the course {CHANNEL_WORDS[view.channel]} at {view.address}.
          {!view.left && ` Each step arrives at ${view.settings.sendHour}:00 (${view.settings.timezone}).`}
        </p>
      </section>

      {anyCourseAction && (
        <section class="card" aria-labelledby="course-heading">
          <h2 id="course-heading">Your pace</h2>
          {actions.pause && (
            <form method="post" action={`${basePath}/pause`} id="pause">
              <p>Need a break? Pausing stops the steps until you come back.</p>
              <button type="submit">Pause the course</button>
            </form>
          )}
          {actions.resume && (
            <form method="post" action={`${basePath}/resume`}>
              <p>Ready to go on? The next step arrives at your next send hour.</p>
              <button type="submit">Resume the course</button>
            </form>
          )}
          {actions.restart && (
            <form method="post" action={`${basePath}/restart`}>
              <input type="hidden" name="round" value={String(view.current.cycle)} />
              <p class="notice">Start again from Day 1, at your next send hour. Your reflections so far are kept.</p>
              <button type="submit">Restart from Day 1</button>
            </form>
          )}
        </section>
      )}

      {actions.settings && <SettingsForm view={view} basePath={basePath} error={settingsError} />}

      {!view.left && unsubscribePath && (
        <p class="notice">
          <a href={unsubscribePath}>Stop this course, or every course you take</a>
        </p>
      )}

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">Your steps and reflections</h2>
        {view.reflectionCount === 0 && (
          <p class="muted">Reply to any message and your words appear here, next to the step they answer.</p>
        )}
        <Round round={view.current} level="h3" supportLine={supportLine} basePath={basePath} showUpcoming />
      </section>

      {view.earlier.length > 0 && (
        <section aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">Earlier rounds</h2>
          {view.earlier.map((round) => (
            <section aria-labelledby={`round-${round.cycle}`}>
              <h3 id={`round-${round.cycle}`}>Round {round.cycle}</h3>
              <Round round={round} level="h4" supportLine={supportLine} basePath={basePath} showUpcoming={false} />
            </section>
          ))}
        </section>
      )}

      <section class="card" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>Download everything you have given us: your settings, consent records, the steps sent and every reflection.</p>
        <ul>
          <li>
            <a href={`${basePath}/export.md`} download>
              Download as Markdown (a readable journal)
            </a>
          </li>
          <li>
            <a href={`${basePath}/export.json`} download>
              Download as JSON (for other apps)
            </a>
          </li>
        </ul>
        <p>
          <a href={`${basePath}/delete`}>Delete everything</a>
          <span class="muted"> (you will be asked to confirm)</span>
        </p>
      </section>
      <p class="hint">This page is private: anyone with its link can open it, so keep the link to yourself.</p>
    </Layout>
  );
}

function SettingsForm({ view, basePath, error }: { view: JournalView; basePath: string; error: JournalPageProps['settingsError'] }) {
  const hour = error ? error.values.sendHour : String(view.settings.sendHour);
  const zone = error ? error.values.timezone : view.settings.timezone;
  const messageFor = (field: string) => (error && (error.field === field || (field === 'sendHour' && error.field === null)) ? error.message : '');
  const smsNote = view.channel === 'sms' ? ' Texts can only be sent between 9:00 and 19:00.' : '';
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Delivery time</h2>
      <form method="post" action={`${basePath}/settings`}>
        <div class="field">
          <label for="sendHour">Send hour</label>
          <select id="sendHour" name="sendHour" aria-describedby="sendHour-hint sendHour-error" aria-invalid={messageFor('sendHour') ? 'true' : undefined}>
            {view.settings.hours.map((option) => (
              <option value={String(option)} selected={String(option) === hour}>
                {`${option}:00`}
              </option>
            ))}
          </select>
          <p class="hint" id="sendHour-hint">
            In your own time zone.{smsNote}
          </p>
          <p class="field-error" id="sendHour-error">
            {messageFor('sendHour')}
          </p>
        </div>
        <div class="field">
          <label for="timezone">Time zone</label>
          <select id="timezone" name="timezone" autocomplete="off" aria-describedby="timezone-error" aria-invalid={messageFor('timezone') ? 'true' : undefined}>
            {view.settings.zones.map((option) => (
              <option value={option} selected={option === zone}>
                {option.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          <p class="field-error" id="timezone-error">
            {messageFor('timezone')}
          </p>
        </div>
        <button type="submit">Save delivery time</button>
      </form>
    </section>
  );
}

function Round({
  round,
  level,
  supportLine,
  basePath,
  showUpcoming,
}: {
  round: RoundView;
  level: 'h3' | 'h4';
  supportLine: string;
  basePath: string;
  showUpcoming: boolean;
}) {
  const Heading = level;
  const days = showUpcoming ? round.days : round.days.filter((day) => day.state === 'sent' || day.reflections.length > 0);
  return (
    <>
      {round.beforeDayOne.length > 0 && (
        <div class="journal-day">
          <Heading>Before Day 1</Heading>
          <Reflections items={round.beforeDayOne} supportLine={supportLine} basePath={basePath} />
        </div>
      )}
      <ol class="steps">
        {days.map((day) => (
          <DayEntry day={day} Heading={Heading} supportLine={supportLine} basePath={basePath} />
        ))}
      </ol>
      {round.completedOn && <p>You received the closing message on {round.completedOn}.</p>}
    </>
  );
}

function dayState(day: DayView): string {
  if (day.state === 'sent') return `Received ${day.sentOn}`;
  if (day.state === 'next') return 'Next';
  return 'Not yet';
}

function DayEntry({ day, Heading, supportLine, basePath }: { day: DayView; Heading: 'h3' | 'h4'; supportLine: string; basePath: string }) {
  if (day.state === 'upcoming' && day.reflections.length === 0) {
    return (
      <li value={String(day.day)} class="muted">
        {day.title} <span>({dayState(day)})</span>
      </li>
    );
  }
  return (
    <li value={String(day.day)}>
      <Heading>
        <a href={`/day/${day.day}`}>
          Day {day.day}: {day.title}
        </a>
      </Heading>
      <p class="hint">{dayState(day)}</p>
      <Reflections items={day.reflections} supportLine={supportLine} basePath={basePath} />
    </li>
  );
}

function Reflections({ items, supportLine, basePath }: { items: ReflectionView[]; supportLine: string; basePath: string }) {
  if (items.length === 0) return null;
  return (
    <ul class="reflections">
      {items.map((item) => (
        <li>
          <p class="hint">
            Your reflection, {item.receivedOn}, {CHANNEL_WORDS[item.channel]}
            {item.edited && ', edited by you'}
          </p>
          {item.text
            .split(/\n+/)
            .filter((line) => line.trim())
            .map((line) => (
              <p>{line}</p>
            ))}
          {item.wholeMessage && (
            <details class="whole-message">
              <summary>Show the whole message</summary>
              <pre style="white-space:pre-wrap;overflow-wrap:anywhere">{item.wholeMessage}</pre>
            </details>
          )}
          <details class="edit-reflection">
            <summary>Edit this reflection</summary>
            <form method="post" action={`${basePath}/reflections/${item.id}`}>
              <label for={`reflection-${item.id}`}>Your words, as you want them kept</label>
              <textarea id={`reflection-${item.id}`} name="text" rows={6} maxlength={12000} required>
                {item.text}
              </textarea>
              <button type="submit">Save my reflection</button>
            </form>
          </details>
          {item.flagged && <SupportNote supportLine={supportLine} />}
        </li>
      ))}
    </ul>
  );
}

/** The support line in words, its number a tappable `tel:` link that never wraps. */
function SupportLine({ supportLine }: { supportLine: string }) {
  const parts = supportLineParts(supportLine);
  if (!parts) return <>{supportLine}</>;
  return (
    <>
      {parts.name} at{' '}
      <a href={parts.telUrl} class="support-phone" style="white-space:nowrap">
        {parts.phone}
      </a>
      {parts.after}
    </>
  );
}

/** Beside a reflection that speaks of danger: a gentle word and the support line, never an alarm. */
function SupportNote({ supportLine }: { supportLine: string }) {
  return (
    <aside class="safety" role="note" aria-label="Support">
      <p>
        Thank you for writing this. If any of it means you are not safe, you don't have to face it alone: for free, confidential
        support at any time, you can call <SupportLine supportLine={supportLine} />. If you are in danger right now, call your local
        emergency number.
      </p>
    </aside>
  );
}
