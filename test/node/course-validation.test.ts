// The build's course checks (SPEC §7): each broken course folder fails with its file, line where known, and the reason.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblems, loadCourses, type CourseProblem } from '../../src/course/build/load-courses';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

const COURSE_MD = '---\ntitle: A test course\nlanguage: en\ndescription: One line.\n---\n\nAn introduction.\n';
const day = (n: number, front = '') =>
  `---\ntitle: Day ${n} title\nprompt: What did you notice today?\npractice: Sit together for five minutes.\n${front}---\n\nThe text of day ${n}.\n`;

let folders: string[] = [];

/** A content folder holding one course `id` with the given files (path relative to the course → text). */
async function contentWith(files: Record<string, string>, id = 'test-course'): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'course-check-'));
  folders.push(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, id, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return root;
}

/** The problems of a content folder, with file paths relative to it. */
function problemsOf(root: string): CourseProblem[] {
  return loadCourses(root, root).problems;
}

afterEach(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  folders = [];
});

describe('loadCourses', () => {
  it('accepts a valid course and builds its model', async () => {
    const root = await contentWith({ 'course.md': COURSE_MD, 'days/01.md': day(1), 'days/02.md': day(2, 'quote: A quote.\n') });
    const { courses, problems } = loadCourses(root, root);
    expect(problems).toEqual([]);
    expect(courses).toHaveLength(1);
    const [course] = courses;
    expect(course?.id).toBe('test-course');
    expect(course?.days.map((d) => [d.day, d.title, d.quote])).toEqual([[1, 'Day 1 title', null], [2, 'Day 2 title', 'A quote.']]);
    expect(course?.days[0]?.html).toBe('<p>The text of day 1.</p>');
    expect(course?.introduction).toEqual([{ kind: 'paragraph', text: 'An introduction.' }]);
  });

  it('gives a new version when any file changes, the same when none does', async () => {
    const files = { 'course.md': COURSE_MD, 'days/01.md': day(1) };
    const first = loadCourses(await contentWith(files)).courses[0]?.version;
    const same = loadCourses(await contentWith(files)).courses[0]?.version;
    const edited = loadCourses(await contentWith({ ...files, 'days/01.md': day(1).replace('The text', 'New text') })).courses[0]?.version;
    expect(first).toBe(same);
    expect(edited).not.toBe(first);
  });

  it('accepts the repository content as it is', () => {
    expect(loadCourses(path.join(REPO_ROOT, 'content')).problems).toEqual([]);
  });

  it.each<[string, Record<string, string>, Partial<CourseProblem>]>([
    ['a missing day', { 'course.md': COURSE_MD, 'days/01.md': day(1), 'days/03.md': day(3) }, { file: 'test-course/days/02.md', reason: 'missing day 2: days run from 01 to 03 with no gap' }],
    ['no days at all', { 'course.md': COURSE_MD, 'days/.keep': '' }, { file: 'test-course/days/.keep' }],
    ['a misnamed day file', { 'course.md': COURSE_MD, 'days/01.md': day(1), 'days/2.md': day(2) }, { file: 'test-course/days/2.md', line: null }],
    ['the same day twice', { 'course.md': COURSE_MD, 'days/01.md': day(1), 'days/001.md': day(1) }, { reason: 'day 1 is also 001.md' }],
    ['no course.md', { 'days/01.md': day(1) }, { file: 'test-course/course.md', reason: 'missing: every course needs a course.md' }],
    ['an empty title', { 'course.md': COURSE_MD.replace('title: A test course', 'title: ""'), 'days/01.md': day(1) }, { file: 'test-course/course.md', line: 2, reason: 'title is empty' }],
    ['an empty day title', { 'course.md': COURSE_MD, 'days/01.md': day(1).replace('title: Day 1 title', 'title:  ') }, { file: 'test-course/days/01.md', line: 2 }],
    ['an unknown role in roles', { 'course.md': COURSE_MD.replace('description', 'roles: [together, lovers]\ndescription'), 'days/01.md': day(1) }, { line: 4, reason: 'unknown role (known roles: broke_trust, was_hurt, together)' }],
    [
      'an unknown role in a prompt',
      { 'course.md': COURSE_MD, 'days/01.md': day(1).replace('prompt: What did you notice today?', 'prompt:\n  together: Both?\n  partner: One?') },
      { file: 'test-course/days/01.md', line: 3, reason: 'prompt has an unknown role partner (known roles: broke_trust, was_hurt, together)' },
    ],
    [
      'a prompt missing a role the course speaks to',
      { 'course.md': COURSE_MD.replace('description', 'roles: [was_hurt, together]\ndescription'), 'days/01.md': day(1).replace('prompt: What did you notice today?', 'prompt:\n  together: Both?') },
      { line: 3, reason: 'prompt has no text for the role was_hurt' },
    ],
    ['an unknown field', { 'course.md': COURSE_MD, 'days/01.md': day(1, 'qoute: Typo.\n') }, { reason: 'unknown field qoute' }],
    ['a bad language tag', { 'course.md': COURSE_MD.replace('language: en', 'language: "en_US!"'), 'days/01.md': day(1) }, { line: 3, reason: 'language must be a BCP 47 tag such as en or es' }],
    ['no front matter', { 'course.md': COURSE_MD, 'days/01.md': 'Just text.\n' }, { file: 'test-course/days/01.md', line: 1 }],
    ['an empty step text', { 'course.md': COURSE_MD, 'days/01.md': day(1).replace('The text of day 1.', '') }, { reason: "the body (the step's text) is empty" }],
    ['raw HTML in a body', { 'course.md': COURSE_MD, 'days/01.md': day(1).replace('The text of day 1.', '<script>alert(1)</script>') }, { reason: 'raw HTML is not allowed' }],
    [
      'a day whose SMS cannot fit 2 segments',
      { 'course.md': COURSE_MD, 'days/01.md': day(1, `quote: ${'A long quote that goes on. '.repeat(12)}\n`) },
      { file: 'test-course/days/01.md', reason: "the day's SMS does not fit in 2 GSM-7 segments with its link; shorten the title or quote, or add a shorter sms" },
    ],
  ])('refuses %s', async (_name, files, expected) => {
    const problems = problemsOf(await contentWith(files));
    expect(problems.length, formatProblems(problems)).toBeGreaterThan(0);
    expect(problems, formatProblems(problems)).toContainEqual(expect.objectContaining(expected));
  });

  it('refuses front matter that is not YAML, pointing at the line where the parser stopped', async () => {
    const problems = problemsOf(await contentWith({ 'course.md': COURSE_MD, 'days/01.md': day(1).replace('practice: Sit', 'practice: [Sit') }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe('test-course/days/01.md');
    expect(problems[0]?.reason).toMatch(/^front matter is not valid YAML: /);
    // The unclosed list opens on line 4 and the parser notices at the end of the front matter, line 5.
    expect(problems[0]?.line).toBeGreaterThanOrEqual(4);
    expect(problems[0]?.line).toBeLessThanOrEqual(5);
  });

  it('refuses a folder name that is not a course id', async () => {
    const problems = problemsOf(await contentWith({ 'course.md': COURSE_MD, 'days/01.md': day(1) }, 'My_Course'));
    expect(problems).toEqual([{ file: 'My_Course', line: null, reason: 'bad course id "My_Course": use lowercase letters, digits and single dashes' }]);
  });
});

describe('the build', () => {
  it('fails with file:line: reason and writes nothing when a course is invalid', async () => {
    const root = await contentWith({ 'course.md': COURSE_MD.replace('title: A test course', 'title: ""'), 'days/01.md': day(1) }, 'rebuild-trust');
    const failure = await run(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'emails/build.ts', '--content', root], { cwd: REPO_ROOT }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Courses failed their checks:');
    expect(failure?.stderr).toMatch(/rebuild-trust\/course\.md:2: title is empty/);
  });
});
