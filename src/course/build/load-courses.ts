// Reads every course folder under content/ (SPEC §7), checks it, and returns the courses or every problem found.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Role } from '../roles';
import { composeDailySms } from '../../messages/sms';
import type { Course, CourseDay, RoleText } from '../model';
import { COURSE_FRONT_MATTER, DAY_FRONT_MATTER } from './front-matter';
import { parseBody } from './markdown';

/** One reason a course cannot ship, where it is. */
export interface CourseProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line: number | null;
  reason: string;
}

export interface LoadedCourses {
  courses: Course[];
  problems: CourseProblem[];
}

const COURSE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY_FILE = /^(\d{2,})\.md$/;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;
/** Scripts written right to left; a language whose likely script is one of these gets dir="rtl". */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);
/** A long but plausible link, so an SMS that fits here fits with any sensible PUBLIC_URL. */
const SAMPLE_ORIGIN = 'https://course.example.org';

interface SourceFile {
  file: string;
  data: unknown;
  doc: Document | null;
  lines: LineCounter;
  /** Lines before the body starts, so body positions map to file lines. */
  bodyLine: number;
  body: string;
}

/** The writing direction of a BCP 47 language. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  const script = new Intl.Locale(language).maximize().script;
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** Splits front matter from body and parses the YAML; problems are pushed with their line. */
function readSource(file: string, display: string, problems: CourseProblem[]): SourceFile | null {
  const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(source);
  if (!match || match.index !== 0) {
    problems.push({ file: display, line: 1, reason: 'must start with YAML front matter between two --- lines' });
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(match[1] ?? '', { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  for (const error of doc.errors) {
    problems.push({ file: display, line: lines.linePos(error.pos[0]).line + 1, reason: `front matter is not valid YAML: ${error.message.split('\n')[0]}` });
  }
  if (doc.errors.length > 0) return null;
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return { file: display, data: doc.toJS() ?? {}, doc, lines, bodyLine, body: source.slice(match[0].length) };
}

/** The file line of a front-matter field, for pointing at the field a problem is about. */
function lineOfField(source: SourceFile, key: PropertyKey | undefined): number {
  const contents = source.doc?.contents;
  if (key !== undefined && isMap(contents)) {
    const pair = contents.items.find((item) => String((item.key as { value?: unknown } | null)?.value) === String(key));
    const offset = (pair?.key as { range?: [number, number, number] } | null)?.range?.[0];
    if (offset !== undefined) return source.lines.linePos(offset).line + 1;
  }
  return 1;
}

function checkFrontMatter<S extends z.ZodType>(schema: S, source: SourceFile, problems: CourseProblem[]): z.infer<S> | null {
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: source.file, line: lineOfField(source, issue.path[0]), reason: issue.message });
  }
  return null;
}

/** The text shown when a subscriber's role has none of its own: the `together` text, else the first one written. */
function defaultText(text: RoleText): string {
  if (typeof text === 'string') return text;
  return text.together ?? Object.values(text)[0] ?? '';
}

function checkRoles(text: RoleText, field: string, roles: Role[], source: SourceFile, problems: CourseProblem[]): void {
  if (typeof text === 'string') return;
  const line = lineOfField(source, field);
  for (const role of Object.keys(text) as Role[]) {
    if (roles.length > 0 && !roles.includes(role)) problems.push({ file: source.file, line, reason: `${field} is written for ${role}, which is not in the course's roles` });
  }
  for (const role of roles) {
    if (text[role] === undefined) problems.push({ file: source.file, line, reason: `${field} has no text for the role ${role}` });
  }
}

function readDay(file: string, display: string, day: number, total: number, courseId: string, roles: Role[], problems: CourseProblem[]): CourseDay | null {
  const before = problems.length;
  const source = readSource(file, display, problems);
  if (!source) return null;
  const front = checkFrontMatter(DAY_FRONT_MATTER, source, problems);
  const body = parseBody(source.body);
  for (const reason of body.refused) problems.push({ file: display, line: source.bodyLine + 1, reason });
  if (body.text === '') problems.push({ file: display, line: source.bodyLine + 1, reason: "the body (the step's text) is empty" });
  if (!front) return null;
  checkRoles(front.prompt, 'prompt', roles, source, problems);
  checkRoles(front.practice, 'practice', roles, source, problems);
  const courseDay: CourseDay = {
    day,
    title: front.title,
    quote: front.quote ?? null,
    text: body.text,
    html: body.html,
    ours: { prompt: defaultText(front.prompt), practice: defaultText(front.practice) },
    byRole: { prompt: front.prompt, practice: front.practice },
    sms: front.sms ?? null,
  };
  const prompts = typeof front.prompt === 'string' ? [front.prompt] : Object.values(front.prompt);
  for (const prompt of prompts) {
    try {
      composeDailySms({ ...courseDay, ours: { ...courseDay.ours, prompt } }, total, `${SAMPLE_ORIGIN}/c/${courseId}/day/${day}`);
    } catch {
      const field = courseDay.sms !== null ? 'sms' : 'title';
      problems.push({ file: display, line: lineOfField(source, field), reason: `the day's SMS does not fit in 2 GSM-7 segments with its link; shorten ${courseDay.sms !== null ? 'sms' : 'the title or quote, or add a shorter sms'}` });
      break;
    }
  }
  return problems.length === before ? courseDay : null;
}

/** Hash of every file of the course, so any edit gives a new version. */
function versionOf(folder: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(path.relative(folder, file).split(path.sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function loadCourse(folder: string, id: string, display: (file: string) => string, problems: CourseProblem[]): Course | null {
  const before = problems.length;
  if (!COURSE_ID.test(id)) {
    problems.push({ file: display(folder), line: null, reason: `bad course id "${id}": use lowercase letters, digits and single dashes` });
    return null;
  }
  const courseFile = path.join(folder, 'course.md');
  if (!existsSync(courseFile)) {
    problems.push({ file: display(courseFile), line: null, reason: 'missing: every course needs a course.md' });
    return null;
  }
  const source = readSource(courseFile, display(courseFile), problems);
  const front = source ? checkFrontMatter(COURSE_FRONT_MATTER, source, problems) : null;
  const introduction = source ? parseBody(source.body) : null;
  if (source && introduction) {
    for (const reason of introduction.refused) problems.push({ file: source.file, line: source.bodyLine + 1, reason });
    if (introduction.blocks.length === 0) problems.push({ file: source.file, line: source.bodyLine + 1, reason: 'the body (the introduction) is empty' });
  }
  const daysFolder = path.join(folder, 'days');
  if (!existsSync(daysFolder) || !statSync(daysFolder).isDirectory()) {
    problems.push({ file: display(daysFolder), line: null, reason: 'missing: every course needs a days/ folder with 01.md, 02.md, …' });
    return null;
  }
  const numbered = new Map<number, string>();
  for (const name of readdirSync(daysFolder).sort()) {
    const match = DAY_FILE.exec(name);
    if (!match) {
      problems.push({ file: display(path.join(daysFolder, name)), line: null, reason: 'day files are named by their number with two or more digits: 01.md, 02.md, …' });
      continue;
    }
    const day = Number(match[1]);
    const earlier = numbered.get(day);
    if (earlier !== undefined) problems.push({ file: display(path.join(daysFolder, name)), line: null, reason: `day ${day} is also ${path.basename(earlier)}` });
    else numbered.set(day, path.join(daysFolder, name));
  }
  const total = Math.max(0, ...numbered.keys());
  if (total === 0) problems.push({ file: display(daysFolder), line: null, reason: 'the course has no days: add days/01.md' });
  if (numbered.has(0)) problems.push({ file: display(numbered.get(0) ?? daysFolder), line: null, reason: 'days are numbered from 01; there is no day 0' });
  for (let day = 1; day <= total; day++) {
    if (!numbered.has(day)) {
      problems.push({ file: display(path.join(daysFolder, `${String(day).padStart(2, '0')}.md`)), line: null, reason: `missing day ${day}: days run from 01 to ${String(total).padStart(2, '0')} with no gap` });
    }
  }
  const roles = front?.roles ?? [];
  const days: CourseDay[] = [];
  for (let day = 1; day <= total; day++) {
    const file = numbered.get(day);
    if (!file) continue;
    const parsed = readDay(file, display(file), day, total, id, roles, problems);
    if (parsed) days.push(parsed);
  }
  if (problems.length > before || !front || !introduction) return null;
  return {
    id,
    title: front.title,
    language: Intl.getCanonicalLocales(front.language)[0] ?? front.language,
    dir: directionOf(front.language),
    description: front.description,
    roles,
    introduction: introduction.blocks,
    version: versionOf(folder, [courseFile, ...numbered.values()]),
    days,
  };
}

/**
 * Every course under `contentDir`: each sub-folder is one course (files beside them are ignored). `courses` holds
 * only valid courses; a non-empty `problems` means the build must fail.
 */
export function loadCourses(contentDir: string, displayFrom: string = process.cwd()): LoadedCourses {
  const problems: CourseProblem[] = [];
  const courses: Course[] = [];
  const display = (file: string) => path.relative(displayFrom, file) || file;
  for (const name of readdirSync(contentDir).sort()) {
    const folder = path.join(contentDir, name);
    if (!statSync(folder).isDirectory()) continue;
    const course = loadCourse(folder, name, display, problems);
    if (course) courses.push(course);
  }
  if (courses.length === 0 && problems.length === 0) problems.push({ file: display(contentDir), line: null, reason: 'no course found: add a folder such as content/my-course/' });
  return { courses, problems };
}

/** One line per problem, `file:line: reason`, as editors and CI logs link them. */
export function formatProblems(problems: CourseProblem[]): string {
  return problems.map(({ file, line, reason }) => `${file}${line === null ? '' : `:${line}`}: ${reason}`).join('\n');
}
