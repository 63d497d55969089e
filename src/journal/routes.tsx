// GET /journal/:token and its forms: pause, resume, restart, settings, Markdown/JSON export, delete with a confirmation step.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env';
import { AppError } from '../errors';
import { readJsonOrForm } from '../http/request-meta';
import { JournalDeletePage, JournalDeletedPage } from '../pages/journal-delete-page';
import { JOURNAL_NOTICES, JournalPage, type JournalNotice, type JournalPageProps } from '../pages/journal-page';
import { NoticePage } from '../pages/notice-page';
import { localDateKey } from '../schedule/local-time';
import { buildJsonExport, buildMarkdownExport } from './export';
import { buildJournalView } from './journal-view';
import { changeSettings, deleteJournal, journalSubscriberId, openJournal, pauseCourse, restartCourse, resumeCourse, type JournalChange } from './journal';
import { parseRhythmSettings } from './settings-input';

const MAX_FORM_BYTES = 16 * 1024;
const NOT_ALLOWED = "That change isn't available for your course right now. This page shows where things stand.";

type JournalContext = Context<AppEnv, '/journal/:token/*'>;

function invalidLink(c: Context<AppEnv>) {
  return c.html(
    <NoticePage
      title="This link isn't valid"
      message="This journal link is incomplete or has been changed, or the journal was deleted. Use the journal link in your latest message."
    />,
    404,
  );
}

const basePathOf = (c: JournalContext) => `/journal/${c.req.param('token')}`;

/** Shows the journal for the token in the path, with an optional notice or refused settings form. */
async function showJournal(c: JournalContext, status: 200 | 409 | 422, extra: Pick<JournalPageProps, 'notice' | 'settingsError'> = {}) {
  const { services } = c.var;
  const record = await openJournal(services.db, services.config.tokenSecret, c.req.param('token'));
  if (!record) return invalidLink(c);
  const view = buildJournalView(record, Date.now());
  return c.html(<JournalPage view={view} basePath={basePathOf(c)} supportLine={services.config.supportLine} {...extra} />, status);
}

/** Maps a change's outcome to the answer: back to the journal with a notice (303), the page with 409, or 404. */
async function answerChange(c: JournalContext, outcome: JournalChange, done: JournalNotice) {
  if (outcome === 'not_found') return invalidLink(c);
  if (outcome === 'not_allowed') return showJournal(c, 409, { notice: NOT_ALLOWED });
  return c.redirect(`${basePathOf(c)}?done=${done}`, 303);
}

/** The subscriber id behind the path's token, or null. */
function subscriberIdOf(c: JournalContext): Promise<string | null> {
  return journalSubscriberId(c.var.services.config.tokenSecret, c.req.param('token'));
}

/** A form or JSON body as plain fields; an empty or unreadable body gives no fields. */
async function readFields(c: JournalContext): Promise<Record<string, unknown>> {
  if (!c.req.header('content-type')) return {};
  const { body } = await readJsonOrForm(c);
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function attachment(c: JournalContext, body: string, type: string, filename: string) {
  return c.body(body, 200, { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` });
}

export const journalRoutes = new Hono<AppEnv>()
  .use('/journal/*', async (c, next) => {
    await next();
    // Private pages reached by a secret link: never cached, never indexed.
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex, nofollow');
  })
  .use(
    '/journal/*',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: () => {
        throw new AppError('payload_too_large', 'The form is larger than 16 KiB.');
      },
    }),
  )
  .get('/journal/:token', async (c) => {
    const done = c.req.query('done');
    const notice = done && Object.hasOwn(JOURNAL_NOTICES, done) ? JOURNAL_NOTICES[done as JournalNotice] : undefined;
    return showJournal(c as unknown as JournalContext, 200, { notice });
  })
  .post('/journal/:token/pause', async (c) => {
    const id = await subscriberIdOf(c);
    if (!id) return invalidLink(c);
    return answerChange(c, await pauseCourse(c.var.services.db, id), 'paused');
  })
  .post('/journal/:token/resume', async (c) => {
    const id = await subscriberIdOf(c);
    if (!id) return invalidLink(c);
    return answerChange(c, await resumeCourse(c.var.services.db, id, Date.now()), 'resumed');
  })
  .post('/journal/:token/restart', async (c) => {
    const id = await subscriberIdOf(c);
    if (!id) return invalidLink(c);
    const round = String((await readFields(c)).round ?? '');
    if (!/^\d{1,6}$/.test(round)) throw new AppError('invalid_field', 'The restart form is missing the round it was shown for.', 'round');
    return answerChange(c, await restartCourse(c.var.services.db, id, Number(round), Date.now()), 'restarted');
  })
  .post('/journal/:token/settings', async (c) => {
    const { services } = c.var;
    const record = await openJournal(services.db, services.config.tokenSecret, c.req.param('token'));
    if (!record) return invalidLink(c);
    const fields = await readFields(c);
    let settings;
    try {
      settings = parseRhythmSettings(fields, record.subscriber.channel);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const values = { sendHour: String(fields.sendHour ?? ''), timezone: String(fields.timezone ?? '') };
      return showJournal(c, 422, { settingsError: { message: error.message, field: error.field, values } });
    }
    return answerChange(c, await changeSettings(services.db, record.subscriber.id, settings, Date.now()), 'settings');
  })
  .get('/journal/:token/export.json', async (c) => {
    const { services } = c.var;
    const record = await openJournal(services.db, services.config.tokenSecret, c.req.param('token'));
    if (!record) return invalidLink(c);
    const now = Date.now();
    const body = JSON.stringify(buildJsonExport(record, now), null, 2);
    return attachment(c, body, 'application/json; charset=utf-8', `rebuild-trust-journal-${localDateKey(now, record.subscriber.timezone)}.json`);
  })
  .get('/journal/:token/export.md', async (c) => {
    const { services } = c.var;
    const record = await openJournal(services.db, services.config.tokenSecret, c.req.param('token'));
    if (!record) return invalidLink(c);
    const now = Date.now();
    return attachment(c, buildMarkdownExport(record, now), 'text/markdown; charset=utf-8', `rebuild-trust-journal-${localDateKey(now, record.subscriber.timezone)}.md`);
  })
  .get('/journal/:token/delete', async (c) => {
    const { services } = c.var;
    const record = await openJournal(services.db, services.config.tokenSecret, c.req.param('token'));
    if (!record) return invalidLink(c);
    const journalUrl = basePathOf(c);
    return c.html(
      <JournalDeletePage actionUrl={`${journalUrl}/delete`} journalUrl={journalUrl} address={record.subscriber.address} reflectionCount={record.reflections.length} />,
    );
  })
  .post('/journal/:token/delete', async (c) => {
    const id = await subscriberIdOf(c);
    if (!id) return invalidLink(c);
    if ((await readFields(c)).confirm !== 'delete') return c.redirect(`${basePathOf(c)}/delete`, 303);
    const outcome = await deleteJournal(c.var.services.db, id);
    if (outcome !== 'done') return invalidLink(c);
    return c.html(<JournalDeletedPage />);
  });
