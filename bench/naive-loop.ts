// The baseline the fast path is measured against: one subscriber at a time, render with React, send alone, update alone.
import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import DailyStep from '../emails/daily-step';
import { defaultCourse, findCourseDay } from '../src/course/course';
import { emailCourseOf } from '../emails/course-context';
import { advanceAfterSend } from '../src/schedule/progress';
import { listHeaders, subjectsOf } from '../src/messages/email';
import { buildLinks, dayUrl, plusAddress } from '../src/messages/links';
import { signToken } from '../src/security/tokens';
import { BENCH_SETTINGS } from './bench-worker';

export interface NaiveLoopOptions {
  /** Reads the sample (one query, through Miniflare's D1 proxy). */
  d1: D1Database;
  /** Runs one statement in workerd, as a worker's D1 call would. */
  runStatement(sql: string, params: unknown[]): Promise<number>;
  resendUrl: string;
  /** How many email subscribers to take, one by one. */
  sample: number;
  /** The instant the sends are recorded at. */
  now: number;
}

export interface NaiveLoopResult {
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  /** Where the time went, in seconds: signing links, React render and text, the provider call, the D1 update. */
  phases: Record<NaivePhase, number>;
}

type NaivePhase = 'sign' | 'render' | 'send' | 'update';

interface SampleRow {
  id: string;
  address: string;
  timezone: string;
  send_hour: number;
  cycle: number;
  day: number;
  last_sent_at: number | null;
}

async function timed<T>(phases: Record<NaivePhase, number>, phase: NaivePhase, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases[phase] += (performance.now() - started) / 1000;
  }
}

async function sendAlone(options: NaiveLoopOptions, row: SampleRow, phases: Record<NaivePhase, number>): Promise<void> {
  const { publicUrl, emailFrom, inboundAddress, postalAddress, tokenSecret, resendApiKey } = BENCH_SETTINGS;
  const step = findCourseDay(defaultCourse, row.day);
  if (!step) throw new Error(`No course day ${row.day}`);
  const [unsubscribe, journal, reply] = await timed(phases, 'sign', () =>
    Promise.all((['unsubscribe', 'journal', 'reply'] as const).map((purpose) => signToken(tokenSecret, purpose, row.id))),
  );
  const links = buildLinks(publicUrl, { unsubscribe: unsubscribe!, journal: journal! });
  const { html, text } = await timed(phases, 'render', async () => {
    const rendered = await render(
      createElement(DailyStep, {
        dayNumber: String(step.day),
        title: step.title,
        quote: step.quote ?? undefined,
        text: step.text,
        practice: step.ours.practice,
        prompt: step.ours.prompt,
        dayUrl: dayUrl(publicUrl, step.day),
        unsubscribeUrl: links.unsubscribeUrl,
        journalUrl: links.journalUrl,
        postalAddress,
        course: emailCourseOf(defaultCourse),
      }),
    );
    return { html: rendered, text: toPlainText(rendered) };
  });
  const sender = { from: emailFrom, inboundAddress, postalAddress, supportLine: '', publicUrl };
  await timed(phases, 'send', async () => {
    const response = await fetch(`${options.resendUrl}/emails`, {
      method: 'POST',
      headers: { authorization: `Bearer ${resendApiKey}`, 'content-type': 'application/json', 'idempotency-key': `naive-${row.id}-${row.cycle}-${row.day}` },
      body: JSON.stringify({
        from: emailFrom,
        to: [row.address],
        reply_to: plusAddress(inboundAddress, reply!),
        subject: subjectsOf(defaultCourse).step(step),
        html,
        text,
        headers: listHeaders(sender, { to: row.address, links, replyToken: reply!, unsubscribeToken: unsubscribe! }, defaultCourse),
      }),
    });
    const answer = (await response.json()) as { id?: string; message?: string };
    if (!response.ok || !answer.id) throw new Error(`The naive send was refused: ${response.status} ${answer.message ?? ''}`);
  });
  const next = advanceAfterSend(
    { courseLength: defaultCourse.days.length, id: row.id, channel: 'email', timezone: row.timezone, sendHour: row.send_hour, cycle: row.cycle, nextDay: row.day, lastSentAt: row.last_sent_at },
    row.day,
    options.now,
  );
  await timed(phases, 'update', () =>
    options.runStatement('UPDATE subscribers SET next_day = ?1, next_due_at = ?2, last_day_sent = ?3, last_sent_at = ?4, lease_until = NULL WHERE id = ?5', [
      next.nextDay,
      next.nextDueAt,
      next.lastDaySent,
      next.lastSentAt,
      row.id,
    ]),
  );
}

/**
 * Sends the daily step to `sample` email subscribers the naive way, strictly one after another: renders the
 * react-email template at run time (HTML, then text from it), POSTs it alone to the Resend stand-in's /emails
 * with an Idempotency-Key, then updates that one subscriber's row with one D1 statement. Takes subscribers whose last step was 1-30
 * (so after the fast run it re-sends that step). Throws when a send is refused.
 */
export async function runNaiveLoop(options: NaiveLoopOptions): Promise<NaiveLoopResult> {
  const started = performance.now();
  const { results } = await options.d1
    .prepare(
      `SELECT id, address, timezone, send_hour, cycle, last_day_sent AS day, last_sent_at FROM subscribers
       WHERE channel = 'email' AND last_day_sent BETWEEN 1 AND 30 ORDER BY id LIMIT ?1`,
    )
    .bind(options.sample)
    .all<SampleRow>();
  const phases: Record<NaivePhase, number> = { sign: 0, render: 0, send: 0, update: 0 };
  for (const row of results) await sendAlone(options, row, phases);
  const seconds = (performance.now() - started) / 1000;
  return { steps: results.length, seconds, stepsPerSecond: results.length / seconds, phases };
}
