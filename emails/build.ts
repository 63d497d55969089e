// The build step: checks every course under content/ into src/generated/courses.ts, then renders every email template
// once per course, in Node, into HTML and plain-text templates with {{name}} placeholders for the worker.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, toPlainText } from '@react-email/render';
import { createElement, type FunctionComponent, type ReactElement } from 'react';
import { fillTemplate } from '../src/messages/fill-template';
import Completion, { COMPLETION_PLACEHOLDERS } from './completion';
import Confirmation, { CONFIRMATION_PLACEHOLDERS } from './confirmation';
import { coursesModule } from '../src/course/build/courses-module';
import { formatProblems, loadCourses } from '../src/course/build/load-courses';
import type { Course } from '../src/course/model';
import { emailCourseOf, type CourseProp, type EmailCourse } from './course-context';
import DailyStep, { DAILY_STEP_NO_QUOTE_PLACEHOLDERS, DAILY_STEP_PLACEHOLDERS } from './daily-step';
import { placeholder, placeholderProps, type PlaceholderProps } from './placeholders';
import { sampleValues } from './sample-values';
import SupportLine, { SUPPORT_LINE_PLACEHOLDERS, SUPPORT_LINE_WITHOUT_NUMBER_PLACEHOLDERS, SupportLineWithoutNumber } from './support-line';
import Welcome, { WELCOME_PLACEHOLDERS } from './welcome';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_FILE = path.join(ROOT, 'src', 'generated', 'email-templates.ts');
const COURSES_FILE = path.join(ROOT, 'src', 'generated', 'courses.ts');
/** The seed's course: signups without `course` and `/day/:n` need it. */
const REQUIRED_COURSE = 'rebuild-trust';
/** Well under Gmail's 102 KB clipping limit, leaving room for whatever the provider adds. */
const MAX_FILLED_HTML_BYTES = 30 * 1024;
const PLACEHOLDER_PATTERN = /\{\{([^{}]*)\}\}/g;
const BLANK_LINE_RUNS = /\n{3,}/g;
/** html-to-text shouts headings by default, which would turn {{title}} into {{TITLE}}. */
const TEXT_OPTIONS = {
  selectors: ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } })),
};

interface TemplateSource {
  course: string;
  name: string;
  /** The template rendered with `{{name}}` for every per-subscriber value. */
  element: ReactElement;
  placeholders: readonly string[];
  /** Words the plain text must contain, beyond the placeholders. */
  requiredText: readonly string[];
}

/** Pairs a template with its placeholder names; the types make sure the names are exactly its props. */
function templateSource<const Names extends readonly string[]>(
  course: EmailCourse & { id: string },
  name: string,
  component: FunctionComponent<PlaceholderProps<Names> & CourseProp>,
  placeholders: Names,
  requiredText: readonly string[] = [],
): TemplateSource {
  const props = { ...placeholderProps(placeholders), course };
  return { course: course.id, name, element: createElement(component, props), placeholders, requiredText };
}

/** Every template of one course, in its language. */
function sourcesOf(course: Course): TemplateSource[] {
  const context = { ...emailCourseOf(course), id: course.id };
  const { t } = context;
  const stepText = ['{{prompt}}\n', `${t.replyInvitation}.`, t.dayLabel('{{dayNumber}}', context.length)];
  // One component renders both forms; only the no-quote form leaves `quote` out.
  const withQuote = DailyStep as FunctionComponent<PlaceholderProps<typeof DAILY_STEP_PLACEHOLDERS> & CourseProp>;
  const withoutQuote = DailyStep as unknown as FunctionComponent<PlaceholderProps<typeof DAILY_STEP_NO_QUOTE_PLACEHOLDERS> & CourseProp>;
  return [
    templateSource(context, 'confirmation', Confirmation, CONFIRMATION_PLACEHOLDERS),
    templateSource(context, 'welcome', Welcome, WELCOME_PLACEHOLDERS),
    templateSource(context, 'daily-step', withQuote, DAILY_STEP_PLACEHOLDERS, [...stepText, '“{{quote}}”']),
    templateSource(context, 'daily-step-no-quote', withoutQuote, DAILY_STEP_NO_QUOTE_PLACEHOLDERS, stepText),
    templateSource(context, 'completion', Completion, COMPLETION_PLACEHOLDERS),
    templateSource(context, 'support-line', SupportLine, SUPPORT_LINE_PLACEHOLDERS, ['If you are in danger right now']),
    templateSource(context, 'support-line-without-number', SupportLineWithoutNumber, SUPPORT_LINE_WITHOUT_NUMBER_PLACEHOLDERS, ['If you are in danger right now']),
  ];
}

interface BuiltTemplate {
  course: string;
  name: string;
  html: string;
  text: string;
  placeholders: readonly string[];
}

async function renderTemplate(source: TemplateSource): Promise<BuiltTemplate> {
  const html = await render(source.element);
  const text = toPlainText(html, TEXT_OPTIONS).replace(BLANK_LINE_RUNS, '\n\n').trim();
  return { course: source.course, name: source.name, html, text, placeholders: source.placeholders };
}

function placeholdersIn(template: string): Set<string> {
  return new Set(Array.from(template.matchAll(PLACEHOLDER_PATTERN), (match) => match[1] ?? ''));
}

/** Every problem with one built template; an empty list means it is safe to ship. */
function findProblems(built: BuiltTemplate, source: TemplateSource, values: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [part, template] of [['html', built.html], ['text', built.text]] as const) {
    const found = placeholdersIn(template);
    for (const name of built.placeholders) {
      if (!found.has(name)) problems.push(`${part} lacks ${placeholder(name)}`);
    }
    for (const name of found) {
      if (!built.placeholders.includes(name)) problems.push(`${part} has unexpected ${placeholder(name)}`);
    }
    try {
      const filled = fillTemplate(template, values, part);
      if (filled.includes('{{') || filled.includes('}}')) problems.push(`${part} still has braces after filling`);
    } catch (error) {
      problems.push(`${part} cannot be filled: ${(error as Error).message}`);
    }
  }
  for (const name of built.placeholders.filter((name) => name.endsWith('Url'))) {
    if (!built.html.includes(`href="${placeholder(name)}"`)) problems.push(`html has no link to ${placeholder(name)}`);
  }
  for (const words of source.requiredText) {
    if (!built.text.includes(words)) problems.push(`text lacks ${JSON.stringify(words)}`);
  }
  return problems;
}

function kilobytes(text: string): string {
  return `${(Buffer.byteLength(text, 'utf8') / 1024).toFixed(1)} KB`;
}

function generatedModule(templates: BuiltTemplate[]): string {
  const courseIds = [...new Set(templates.map((template) => template.course))];
  const entries = courseIds.map((id) => {
    const own = templates.filter((template) => template.course === id);
    const inner = own.map(({ name, html, text }) => `    ${JSON.stringify(name)}: {\n      html: ${JSON.stringify(html)},\n      text: ${JSON.stringify(text)},\n    },`);
    return `  ${JSON.stringify(id)}: {\n${inner.join('\n')}\n  },`;
  });
  const names = [...new Map(templates.map((template) => [template.name, template.placeholders])).entries()];
  const placeholderEntries = names.map(([name, placeholders]) => `  ${JSON.stringify(name)}: ${JSON.stringify(placeholders)},`);
  return [
    '// Generated by emails/build.ts from the react-email templates, once per course: HTML and plain text with {{name}} placeholders. Do not edit.',
    '',
    '/** The placeholder names each template needs a value for. */',
    `export const EMAIL_TEMPLATE_PLACEHOLDERS = {\n${placeholderEntries.join('\n')}\n} as const;`,
    '',
    'export type EmailTemplateName = keyof typeof EMAIL_TEMPLATE_PLACEHOLDERS;',
    '',
    '/** Every email of every course (by course id) as prebuilt HTML and plain text; fill them with `fillTemplate` (src/messages/fill-template.ts). */',
    `export const EMAIL_TEMPLATES: Readonly<Record<string, Readonly<Record<EmailTemplateName, { html: string; text: string }>>>> = {\n${entries.join('\n')}\n};`,
    '',
    '/** The values that fill one template: exactly its placeholder names, each a string. */',
    'export type EmailTemplateValues<N extends EmailTemplateName> = Record<(typeof EMAIL_TEMPLATE_PLACEHOLDERS)[N][number], string>;',
    '',
  ].join('\n');
}

function writeIfChanged(file: string, contents: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === contents) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contents);
}

/** `--content <dir>` or CONTENT_DIR: where the courses are (default content/). */
function contentDir(): string {
  const flag = process.argv.indexOf('--content');
  const chosen = flag !== -1 ? process.argv[flag + 1] : process.env.CONTENT_DIR;
  return path.resolve(chosen ?? path.join(ROOT, 'content'));
}

/** Checks every course; throws with one `file:line: reason` per problem when any is invalid. */
function buildCourses(): Course[] {
  const { courses, problems } = loadCourses(contentDir());
  if (problems.length === 0 && !courses.some((course) => course.id === REQUIRED_COURSE)) {
    problems.push({ file: path.join(contentDir(), REQUIRED_COURSE), line: null, reason: "missing: the seed's course is the default of every signup" });
  }
  if (problems.length > 0) throw new Error(`Courses failed their checks:\n${formatProblems(problems)}`);
  writeIfChanged(COURSES_FILE, coursesModule(courses));
  for (const course of courses) console.log(`course ${course.id.padEnd(20)} ${String(course.days.length).padStart(3)} days  ${course.language}  version ${course.version}`);
  return courses;
}

async function build(): Promise<void> {
  const started = performance.now();
  const courses = buildCourses();
  const sources = courses.flatMap(sourcesOf);
  const templates = await Promise.all(sources.map(renderTemplate));
  const failures: string[] = [];
  for (const [index, built] of templates.entries()) {
    const source = sources[index] as TemplateSource;
    const course = courses.find((candidate) => candidate.id === built.course) as Course;
    const values = sampleValues(course)[built.name] ?? {};
    const problems = findProblems(built, source, values);
    failures.push(...problems.map((problem) => `${built.course}/${built.name}: ${problem}`));
    const filledHtml = problems.length === 0 ? fillTemplate(built.html, values, 'html') : built.html;
    if (Buffer.byteLength(filledHtml, 'utf8') >= MAX_FILLED_HTML_BYTES) {
      failures.push(`${built.course}/${built.name}: filled html is ${kilobytes(filledHtml)}, over the ${MAX_FILLED_HTML_BYTES / 1024} KB budget`);
    }
    console.log(
      `${`${built.course}/${built.name}`.padEnd(36)} html ${kilobytes(built.html).padStart(8)} (filled ${kilobytes(filledHtml)})  ` +
        `text ${kilobytes(built.text).padStart(7)}  ${built.placeholders.length} placeholders`,
    );
  }
  if (failures.length > 0) {
    throw new Error(`Email templates failed their checks:\n  ${failures.join('\n  ')}`);
  }
  writeIfChanged(OUTPUT_FILE, generatedModule(templates));
  console.log(`Wrote ${path.relative(process.cwd(), OUTPUT_FILE)} and ${path.relative(process.cwd(), COURSES_FILE)} in ${Math.round(performance.now() - started)} ms`);
}

build().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
