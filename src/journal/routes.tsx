// GET /journal/:token and its forms: pause, resume, restart, settings, Markdown/JSON export, delete with a confirmation step.
/** @jsxImportSource hono/jsx */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { AppError } from '../errors';
import { readOptionalFields } from '../http/read-body';
import { JournalDeletePage, JournalDeletedPage } from '../pages/journal-delete-page';
import { JOURNAL_NOTICES, JournalPage, type JournalNotice, type JournalPageProps } from '../pages/journal-page';
import { NoticePage } from '../pages/notice-page';
import { localDateKey } from '../schedule/local-time';
import { signToken } from '../security/tokens';
import { buildJsonExport, buildMarkdownExport } from './export';
import { buildJournalView } from './journal-view';
import {
  changeCourseRole,
  changeSettings,
  deleteJournal,
  journalSubscriberId,
  openJournal,
  pauseCourse,
  restartCourse,
  resumeCourse,
  rewriteOwnReflection,
  type JournalChange,
} from './journal';
import { parseRhythmSettings, parseRoleSetting } from './settings-input';

const NOT_ALLOWED = "That change isn't available for your course right now. This page shows where things stand.";

function invalidLink(c: Context<AppEnv>) {
  return c.html(
    <NoticePage
      title="This link isn't valid"
      message="This journal link is incomplete or has been changed, or the journal was deleted. Use the journal link in your latest message."
    />,
    404,
  );
}

const basePathOf = (token: string) => `/journal/${token}`;

/** Shows the journal behind `token` with an optional notice or refused settings form; 404 page for a bad token. */
async function showJournal(c: Context<AppEnv>, token: string, status: 200 | 409 | 422, extra: Pick<JournalPageProps, 'notice' | 'settingsError'> = {}) {
  const { services } = c.var;
  const record = await openJournal(services, services.config.tokenSecret, token);
  if (!record) return invalidLink(c);
  const view = buildJournalView(record, c.var.now);
  const unsubscribeUrl = `/u/${await signToken(services.config.tokenSecret, 'unsubscribe', record.subscriber.id)}`;
  return c.html(
    <JournalPage view={view} basePath={basePathOf(token)} unsubscribeUrl={unsubscribeUrl} supportLine={services.config.supportLine} adminShowsReflections={services.config.adminShowsReflections} {...extra} />,
    status,
  );
}

/** Maps a change's outcome to the answer: back to the journal with a notice (303), the page with 409, or 404. */
async function answerChange(c: Context<AppEnv>, token: string, outcome: JournalChange, done: JournalNotice) {
  if (outcome === 'not_found') return invalidLink(c);
  if (outcome === 'not_allowed') return showJournal(c, token, 409, { notice: NOT_ALLOWED });
  return c.redirect(`${basePathOf(token)}?done=${done}`, 303);
}

/** The subscriber id behind a journal token, or null. */
function subscriberIdOf(c: Context<AppEnv>, token: string): Promise<string | null> {
  return journalSubscriberId(c.var.services.config.tokenSecret, token);
}

/** A form or JSON body as fields (16 KiB at most); no body gives no fields, another content type 415, malformed JSON 400. */
function readFields(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  return readOptionalFields(c);
}

function attachment(c: Context<AppEnv>, body: string, type: string, filename: string) {
  return c.body(body, 200, { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"` });
}

export const journalRoutes = new Hono<AppEnv>()
  .use('/journal/*', async (c, next) => {
    await next();
    // Private pages reached by a secret link: never cached, never indexed.
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex, nofollow');
  })
  .get('/journal/:token', async (c) => {
    const done = c.req.query('done');
    const notice = done && Object.hasOwn(JOURNAL_NOTICES, done) ? JOURNAL_NOTICES[done as JournalNotice] : undefined;
    return showJournal(c, c.req.param('token'), 200, { notice });
  })
  .post('/journal/:token/pause', async (c) => {
    const token = c.req.param('token');
    const id = await subscriberIdOf(c, token);
    if (!id) return invalidLink(c);
    return answerChange(c, token, await pauseCourse(c.var.services.db, id), 'paused');
  })
  .post('/journal/:token/resume', async (c) => {
    const token = c.req.param('token');
    const id = await subscriberIdOf(c, token);
    if (!id) return invalidLink(c);
    return answerChange(c, token, await resumeCourse(c.var.services.db, id, c.var.now), 'resumed');
  })
  .post('/journal/:token/restart', async (c) => {
    const token = c.req.param('token');
    const id = await subscriberIdOf(c, token);
    if (!id) return invalidLink(c);
    const round = String((await readFields(c)).round ?? '');
    if (!/^\d{1,6}$/.test(round)) throw new AppError('invalid_field', 'The restart form is missing the round it was shown for.', 'round');
    return answerChange(c, token, await restartCourse(c.var.services.db, id, Number(round), c.var.now), 'restarted');
  })
  .post('/journal/:token/reflections/:id', async (c) => {
    const token = c.req.param('token');
    const id = await subscriberIdOf(c, token);
    if (!id) return invalidLink(c);
    const reflectionId = c.req.param('id');
    const text = String((await readFields(c)).text ?? '').replace(/\r\n?/g, '\n').trim();
    if (!/^\d{1,12}$/.test(reflectionId)) throw new AppError('invalid_field', 'There is no such reflection in this journal.', 'id');
    if (!text) throw new AppError('invalid_field', 'A reflection needs some words; to remove everything, delete your journal.', 'text');
    return answerChange(c, token, await rewriteOwnReflection(c.var.services, id, Number(reflectionId), text, c.var.now), 'edited');
  })
  .post('/journal/:token/settings', async (c) => {
    const { services } = c.var;
    const token = c.req.param('token');
    const record = await openJournal(services, services.config.tokenSecret, token);
    if (!record) return invalidLink(c);
    const fields = await readFields(c);
    let settings;
    try {
      settings = parseRhythmSettings(fields, record.subscriber.channel);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const values = { sendHour: String(fields.sendHour ?? ''), timezone: String(fields.timezone ?? '') };
      return showJournal(c, token, 422, { settingsError: { message: error.message, field: error.field, values } });
    }
    return answerChange(c, token, await changeSettings(services.db, record.subscriber.id, settings, c.var.now), 'settings');
  })
  .post('/journal/:token/role', async (c) => {
    const token = c.req.param('token');
    const id = await subscriberIdOf(c, token);
    if (!id) return invalidLink(c);
    const role = parseRoleSetting(await readFields(c));
    return answerChange(c, token, await changeCourseRole(c.var.services.db, id, role), 'role');
  })
  .get('/journal/:token/export.json', async (c) => {
    const { services } = c.var;
    const record = await openJournal(services, services.config.tokenSecret, c.req.param('token'));
    if (!record) return invalidLink(c);
    const now = c.var.now;
    const body = JSON.stringify(buildJsonExport(record, now), null, 2);
    return attachment(c, body, 'application/json; charset=utf-8', `rebuild-trust-journal-${localDateKey(now, record.subscriber.timezone)}.json`);
  })
  .get('/journal/:token/export.md', async (c) => {
    const { services } = c.var;
    const record = await openJournal(services, services.config.tokenSecret, c.req.param('token'));
    if (!record) return invalidLink(c);
    const now = c.var.now;
    return attachment(c, buildMarkdownExport(record, now), 'text/markdown; charset=utf-8', `rebuild-trust-journal-${localDateKey(now, record.subscriber.timezone)}.md`);
  })
  .get('/journal/:token/delete', async (c) => {
    const { services } = c.var;
    const record = await openJournal(services, services.config.tokenSecret, c.req.param('token'));
    if (!record) return invalidLink(c);
    const journalUrl = basePathOf(c.req.param('token'));
    return c.html(
      <JournalDeletePage actionUrl={`${journalUrl}/delete`} journalUrl={journalUrl} address={record.subscriber.address} reflectionCount={record.reflections.length} />,
    );
  })
  .post('/journal/:token/delete', async (c) => {
    const token = c.req.param('token');
    const id = await subscriberIdOf(c, token);
    if (!id) return invalidLink(c);
    if ((await readFields(c)).confirm !== 'delete') return c.redirect(`${basePathOf(token)}/delete`, 303);
    const outcome = await deleteJournal(c.var.services.db, id);
    if (outcome !== 'done') return invalidLink(c);
    return c.html(<JournalDeletedPage />);
  });
