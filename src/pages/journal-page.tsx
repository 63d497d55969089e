// The private journal (GET /journal/:token): progress, reflections under each step, self-service forms, downloads, delete.
/** @jsxImportSource hono/jsx */
import { ROLE_LABELS } from '../course/roles';
import { ROLES } from '../course/roles';
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
  role: 'Saved. Your next steps will ask the questions that fit how you come to the course.',
} as const;

export type JournalNotice = keyof typeof JOURNAL_NOTICES;

export interface JournalPageProps {
  view: JournalView;
  /** The journal's own address (/journal/TOKEN); every form posts below it. */
  basePath: string;
  /** The subscriber's unsubscribe page (/u/TOKEN), offered after the gentler choices. */
  unsubscribeUrl: string;
  supportLine: string;
  /** ADMIN_SHOWS_REFLECTIONS: the page then says that the operator can read reflections. */
  adminShowsReflections: boolean;
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
      return `You unsubscribed${view.leftOn ? ` on ${view.leftOn}` : ''}, so nothing more will be sent. Your journal stays here until you delete it.`;
    case 'suppressed':
      return 'Messages to your address could no longer be delivered, so we stopped sending. Your journal stays here until you delete it.';
  }
}

/** GET /journal/:token: everything about the subscriber's course, with the actions their status allows. */
export function JournalPage({ view, basePath, unsubscribeUrl, supportLine, adminShowsReflections, notice, settingsError }: JournalPageProps) {
  const { actions } = view;
  const anyCourseAction = actions.pause || actions.resume || actions.restart;
  const percent = Math.round((view.stepsSent / view.total) * 100);
  return (
    <Layout title="Your journal" noindex>
      <h1>Your journal</h1>
      <p class="eyebrow">{view.courseTitle}</p>
      <p class="lead">{statusLine(view)}</p>
      <div id="journal-status" class="notice" role="status" aria-live="polite">
        {notice && <p>{notice}</p>}
      </div>

      {view.left && <ComeBack view={view} />}

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Your progress</h2>
        <p id="progress-label">
          {view.stepsSent} of {view.total} steps received
        </p>
        <div
          class="progress"
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={view.total}
          aria-valuenow={view.stepsSent}
        >
          <span style={`width:${percent}%`} />
        </div>
        {!view.left && (
          <p class="hint">
            You receive the course {CHANNEL_WORDS[view.channel]} at {view.address}. Each step arrives at {view.settings.sendsAt}.
          </p>
        )}
      </section>

      {anyCourseAction && (
        <section class="card" aria-labelledby="course-heading">
          <h2 id="course-heading">Your pace</h2>
          {actions.pause && (
            <form method="post" action={`${basePath}/pause`} id="pause">
              <p>Need a break? Pausing stops the steps until you come back. Nothing is lost.</p>
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
            <details class="notice">
              <summary>Start again from Day 1</summary>
              <form method="post" action={`${basePath}/restart`}>
                <input type="hidden" name="round" value={String(view.current.cycle)} />
                <p>The course starts over at your next send hour. Your reflections so far are kept.</p>
                <button type="submit" class="secondary">
                  Restart from Day 1
                </button>
              </form>
            </details>
          )}
          {!view.left && (
            <p class="hint">
              Want to stop altogether? <a href={unsubscribeUrl}>Unsubscribe</a>; your journal stays here.
            </p>
          )}
        </section>
      )}

      {actions.settings && <SettingsForm view={view} basePath={basePath} error={settingsError} />}

      {!view.left && <RoleForm view={view} basePath={basePath} />}

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
        <p>
          Your reflections are stored encrypted.{' '}
          {adminShowsReflections
            ? 'The people who run this service have chosen to be able to read reflections on their admin page; they also see counts and safety flags.'
            : 'The people who run this service see counts and safety flags, not what you write.'}
        </p>
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

/** After unsubscribing: a clear way back, by signing up again (email) or texting START (SMS), resuming where they left off. */
function ComeBack({ view }: { view: JournalView }) {
  if (view.status !== 'unsubscribed') return null;
  const nextDay = view.current.days.find((day) => day.state !== 'sent')?.day;
  const where = nextDay ? `You will pick up at Day ${nextDay}.` : 'You will start a new round.';
  return (
    <section class="card" aria-labelledby="back-heading">
      <h2 id="back-heading">Want to come back?</h2>
      {view.channel === 'sms' ? (
        <p>Text START to the number the course came from. {where}</p>
      ) : (
        <form method="post" action="/api/subscribe">
          <p>We will send a link to {view.address} to confirm, so nothing starts without you. {where}</p>
          <input type="hidden" name="channel" value="email" />
          <input type="hidden" name="email" value={view.address} />
          <input type="hidden" name="timezone" value={view.settings.timezone} />
          <input type="hidden" name="sendHour" value={String(view.settings.sendHour)} />
          <input type="hidden" name="role" value={view.role} />
          <button type="submit">Resume the course</button>
        </form>
      )}
    </section>
  );
}

/** The role the prompts follow, changeable at any time. */
function RoleForm({ view, basePath }: { view: JournalView; basePath: string }) {
  return (
    <section class="card" aria-labelledby="role-heading">
      <h2 id="role-heading">Your questions</h2>
      <form method="post" action={`${basePath}/role`}>
        <fieldset aria-describedby="journal-role-hint">
          <legend>How do you come to this course?</legend>
          {ROLES.map((option) => (
            <label class="choice">
              <input type="radio" name="role" value={option} checked={option === view.role} />
              <span>{ROLE_LABELS[option]}</span>
            </label>
          ))}
          <p class="hint" id="journal-role-hint">
            Each day’s practice and question fit this choice, from your next step on.
          </p>
        </fieldset>
        <button type="submit">Save</button>
      </form>
    </section>
  );
}

function SettingsForm({ view, basePath, error }: { view: JournalView; basePath: string; error: JournalPageProps['settingsError'] }) {
  const hour = error ? error.values.sendHour : String(view.settings.sendHour);
  const zone = error ? error.values.timezone : view.settings.timezone;
  const messageFor = (field: string) => (error && (error.field === field || (field === 'sendHour' && error.field === null)) ? error.message : '');
  const smsNote = view.channel === 'sms' ? ` Texts go out only between ${view.settings.hourLabels[0]} and ${view.settings.hourLabels.at(-1)}.` : '';
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Delivery time</h2>
      <form method="post" action={`${basePath}/settings`}>
        <div class="field">
          <label for="sendHour">Send hour</label>
          <select id="sendHour" name="sendHour" aria-describedby="sendHour-hint sendHour-error" aria-invalid={messageFor('sendHour') ? 'true' : undefined}>
            {view.settings.hours.map((option, index) => (
              <option value={String(option)} selected={String(option) === hour}>
                {view.settings.hourLabels[index]}
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
  const shown = round.days.filter((day) => day.state !== 'upcoming' || day.reflections.length > 0);
  const upcoming = showUpcoming ? round.days.filter((day) => day.state === 'upcoming' && day.reflections.length === 0) : [];
  return (
    <>
      {round.beforeDayOne.length > 0 && (
        <div class="journal-day">
          <Heading>Before Day 1</Heading>
          <Reflections items={round.beforeDayOne} supportLine={supportLine} basePath={basePath} />
        </div>
      )}
      {shown.length > 0 && (
        <ol class="steps">
          {shown.map((day) => (
            <DayEntry day={day} Heading={Heading} supportLine={supportLine} basePath={basePath} />
          ))}
        </ol>
      )}
      {upcoming.length > 0 && (
        <>
          <p class="upcoming">Still to come:</p>
          <ol class="steps upcoming">
            {upcoming.map((day) => (
              <li value={String(day.day)}>{day.title}</li>
            ))}
          </ol>
        </>
      )}
      {round.completedOn && <p>You received the closing message on {round.completedOn}.</p>}
    </>
  );
}

function DayEntry({ day, Heading, supportLine, basePath }: { day: DayView; Heading: 'h3' | 'h4'; supportLine: string; basePath: string }) {
  return (
    <li value={String(day.day)}>
      <Heading>
        <a href={`/day/${day.day}`}>
          Day {day.day}: {day.title}
        </a>
      </Heading>
      <p class="hint">{day.state === 'sent' ? `Received ${day.sentOn}` : day.state === 'next' ? 'Next' : 'Not yet'}</p>
      <Reflections items={day.reflections} supportLine={supportLine} basePath={basePath} />
    </li>
  );
}

function Reflections({ items, supportLine, basePath }: { items: ReflectionView[]; supportLine: string; basePath: string }) {
  if (items.length === 0) return null;
  return (
    <div class="reflections">
      {items.map((item) => (
        <figure class="reflection">
          <blockquote>
            {item.text
              .split(/\n+/)
              .filter((line) => line.trim())
              .map((line) => (
                <p>{line}</p>
              ))}
          </blockquote>
          <figcaption class="hint">
            You wrote, {item.receivedOn}, {CHANNEL_WORDS[item.channel]}
            {item.edited && ', edited by you'}
          </figcaption>
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
        </figure>
      ))}
    </div>
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
