// Adding a course folder is enough: a throwaway 3-day course becomes signup-able, deliverable and previewable with no code change.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxFor, runCronTick, waitForOutboxMessage } from '../browser/support/outbox';
import { startWorker, type LocalWorker } from '../browser/support/worker-server';

const run = promisify(execFile);
const COURSE_ID = 'three-quiet-days';
const TITLE = 'Three quiet days';
const ADMIN_TOKEN = 'a-test-admin-token-that-is-long-enough-0123';
const DAY_MS = 24 * 60 * 60_000;
const DAY_TITLES = ['Notice the morning', 'Share one sentence', 'Say thank you'];

/** Writes the throwaway course into the worker's snapshot of the project, as an author would, then builds as deploy does. */
async function addCourse(projectDir: string): Promise<void> {
  const folder = path.join(projectDir, 'content', COURSE_ID);
  await mkdir(path.join(folder, 'days'), { recursive: true });
  await writeFile(
    path.join(folder, 'course.md'),
    `---\ntitle: ${TITLE}\nlanguage: en\ndescription: A throwaway course for a test.\n---\n\nThree short days of noticing each other.\n`,
  );
  for (const [index, title] of DAY_TITLES.entries()) {
    await writeFile(
      path.join(folder, 'days', `0${index + 1}.md`),
      `---\ntitle: ${title}\nprompt: What did you notice on day ${index + 1}?\npractice: Spend five quiet minutes together.\n---\n\nStep text of day ${index + 1}.\n`,
    );
  }
  await run(process.execPath, [path.join(projectDir, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'emails/build.ts'], { cwd: projectDir });
}

describe('a course added as a folder, with no code change', () => {
  let worker: LocalWorker;

  beforeAll(async () => {
    worker = await startWorker({ vars: { ADMIN_TOKEN }, prepare: addCourse });
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it('has its own page, listed from the landing page, and a web page per day', async () => {
    const landing = await (await fetch(`${worker.url}/`)).text();
    expect(landing).toContain(`href="/c/${COURSE_ID}"`);
    const page = await fetch(`${worker.url}/c/${COURSE_ID}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(TITLE);
    expect(html).toContain(`name="course" value="${COURSE_ID}"`);
    const day = await fetch(`${worker.url}/c/${COURSE_ID}/day/2`);
    expect(day.status).toBe(200);
    expect(await day.text()).toContain(DAY_TITLES[1]);
    expect((await fetch(`${worker.url}/c/${COURSE_ID}/day/4`)).status).toBe(404);
  });

  it('refuses an unknown course with 422 naming the field', async () => {
    const response = await fetch(`${worker.url}/api/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', course: 'no-such-course' }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('course');
  });

  it('takes a signup, sends the welcome, the three days and the completion, one a day', async () => {
    const address = `three-days-${Date.now().toString(36)}@example.com`;
    const signup = await fetch(`${worker.url}/api/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: address, course: COURSE_ID, timezone: 'UTC', sendHour: 8 }),
    });
    expect(signup.status).toBe(202);
    const confirmation = await waitForOutboxMessage(worker.url, (message) => message.to_address === address);
    expect(confirmation.subject).toContain(TITLE);
    const confirmUrl = /https?:\/\/\S+\/confirm\?token=[^\s"<>]+/.exec(confirmation.text)?.[0];
    expect(confirmUrl).toBeDefined();
    expect((await fetch(confirmUrl!)).status).toBe(200);
    const welcome = await waitForOutboxMessage(worker.url, (message) => message.to_address === address && message.subject === `Welcome to ${TITLE}`);
    expect(welcome.text).toContain('Three short days of noticing each other.');
    const start = Date.now();
    for (const [index, title] of DAY_TITLES.entries()) {
      await runCronTick(worker.url, start + (index + 1) * DAY_MS);
      const step = await waitForOutboxMessage(worker.url, (message) => message.to_address === address && message.subject === `Day ${index + 1} of 3: ${title}`);
      expect(step.text).toContain(`Step text of day ${index + 1}.`);
      expect(step.text).toContain(`/c/${COURSE_ID}/day/${index + 1}`);
    }
    await runCronTick(worker.url, start + 4 * DAY_MS);
    await waitForOutboxMessage(worker.url, (message) => message.to_address === address && message.subject === 'You have walked all 3 steps');
    await runCronTick(worker.url, start + 5 * DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // The outbox lists the newest first.
    const subjects = (await outboxFor(worker.url, address)).map((message) => message.subject).reverse();
    expect(subjects).toEqual([
      `Please confirm your place in ${TITLE}`,
      `Welcome to ${TITLE}`,
      ...DAY_TITLES.map((title, index) => `Day ${index + 1} of 3: ${title}`),
      'You have walked all 3 steps',
    ]);
  });

  it('is previewable by the operator, day by day', async () => {
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const dashboard = await (await fetch(`${worker.url}/admin`, { headers: auth })).text();
    expect(dashboard).toContain(TITLE);
    const email = await fetch(`${worker.url}/admin/preview/email/3?course=${COURSE_ID}`, { headers: auth });
    expect(email.status).toBe(200);
    expect(await email.text()).toContain(DAY_TITLES[2]);
    const sms = await fetch(`${worker.url}/admin/preview/sms/4?course=${COURSE_ID}`, { headers: auth });
    expect(sms.status).toBe(200);
    expect(await sms.text()).toContain('last of the 3 steps');
    expect((await fetch(`${worker.url}/admin/preview/email/5?course=${COURSE_ID}`, { headers: auth })).status).toBe(404);
  });
});
