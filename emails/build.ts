// Renders every email template once, in Node, into HTML and plain-text templates with {{name}} placeholders for the worker.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, toPlainText } from '@react-email/render';
import { createElement, type FunctionComponent, type ReactElement } from 'react';
import { fillTemplate } from '../src/messages/fill-template';
import Completion, { COMPLETION_PLACEHOLDERS } from './completion';
import Confirmation, { CONFIRMATION_PLACEHOLDERS } from './confirmation';
import DailyStep, { DAILY_STEP_PLACEHOLDERS, REPLY_INVITATION } from './daily-step';
import { placeholder, placeholderProps, type PlaceholderProps } from './placeholders';
import { sampleValues } from './sample-values';
import SupportLine, { SUPPORT_LINE_PLACEHOLDERS, SUPPORT_LINE_WITHOUT_NUMBER_PLACEHOLDERS, SupportLineWithoutNumber } from './support-line';
import Welcome, { WELCOME_PLACEHOLDERS } from './welcome';

const OUTPUT_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated', 'email-templates.ts');
/** Well under Gmail's 102 KB clipping limit, leaving room for whatever the provider adds. */
const MAX_FILLED_HTML_BYTES = 30 * 1024;
const PLACEHOLDER_PATTERN = /\{\{([^{}]*)\}\}/g;
const BLANK_LINE_RUNS = /\n{3,}/g;
/** html-to-text shouts headings by default, which would turn {{title}} into {{TITLE}}. */
const TEXT_OPTIONS = {
  selectors: ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } })),
};

interface TemplateSource {
  name: string;
  /** The template rendered with `{{name}}` for every per-subscriber value. */
  element: ReactElement;
  placeholders: readonly string[];
  /** Words the plain text must contain, beyond the placeholders. */
  requiredText: readonly string[];
}

/** Pairs a template with its placeholder names; the types make sure the names are exactly its props. */
function templateSource<const Names extends readonly string[]>(
  name: string,
  component: FunctionComponent<PlaceholderProps<Names>>,
  placeholders: Names,
  requiredText: readonly string[] = [],
): TemplateSource {
  return { name, element: createElement(component, placeholderProps(placeholders)), placeholders, requiredText };
}

const SOURCES: TemplateSource[] = [
  templateSource('confirmation', Confirmation, CONFIRMATION_PLACEHOLDERS),
  templateSource('welcome', Welcome, WELCOME_PLACEHOLDERS),
  templateSource('daily-step', DailyStep, DAILY_STEP_PLACEHOLDERS, [
    '{{prompt}}\n',
    `${REPLY_INVITATION}.`,
    'Day {{dayNumber}} of 30',
    '“{{quote}}”',
  ]),
  templateSource('completion', Completion, COMPLETION_PLACEHOLDERS),
  templateSource('support-line', SupportLine, SUPPORT_LINE_PLACEHOLDERS, ['If you are in danger right now']),
  templateSource('support-line-without-number', SupportLineWithoutNumber, SUPPORT_LINE_WITHOUT_NUMBER_PLACEHOLDERS, ['If you are in danger right now']),
];

interface BuiltTemplate {
  name: string;
  html: string;
  text: string;
  placeholders: readonly string[];
}

async function renderTemplate(source: TemplateSource): Promise<BuiltTemplate> {
  const html = await render(source.element);
  const text = toPlainText(html, TEXT_OPTIONS).replace(BLANK_LINE_RUNS, '\n\n').trim();
  return { name: source.name, html, text, placeholders: source.placeholders };
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
  const entries = templates.map(
    ({ name, html, text }) => `  ${JSON.stringify(name)}: {\n    html: ${JSON.stringify(html)},\n    text: ${JSON.stringify(text)},\n  },`,
  );
  const placeholderEntries = templates.map(
    ({ name, placeholders }) => `  ${JSON.stringify(name)}: ${JSON.stringify(placeholders)},`,
  );
  return [
    '// Generated by emails/build.ts from the react-email templates: HTML and plain text with {{name}} placeholders. Do not edit.',
    '',
    '/** Every email as prebuilt HTML and plain text; fill them with `fillTemplate` (src/messages/fill-template.ts). */',
    `export const EMAIL_TEMPLATES = {\n${entries.join('\n')}\n} as const;`,
    '',
    'export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;',
    '',
    '/** The placeholder names each template needs a value for. */',
    `export const EMAIL_TEMPLATE_PLACEHOLDERS = {\n${placeholderEntries.join('\n')}\n} as const;`,
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

async function build(): Promise<void> {
  const started = performance.now();
  const samples = sampleValues();
  const templates = await Promise.all(SOURCES.map(renderTemplate));
  const failures: string[] = [];
  for (const [index, built] of templates.entries()) {
    const source = SOURCES[index] as TemplateSource;
    const values = samples[built.name] ?? {};
    const problems = findProblems(built, source, values);
    failures.push(...problems.map((problem) => `${built.name}: ${problem}`));
    const filledHtml = problems.length === 0 ? fillTemplate(built.html, values, 'html') : built.html;
    if (Buffer.byteLength(filledHtml, 'utf8') >= MAX_FILLED_HTML_BYTES) {
      failures.push(`${built.name}: filled html is ${kilobytes(filledHtml)}, over the ${MAX_FILLED_HTML_BYTES / 1024} KB budget`);
    }
    console.log(
      `${built.name.padEnd(13)} html ${kilobytes(built.html).padStart(8)} (filled ${kilobytes(filledHtml)})  ` +
        `text ${kilobytes(built.text).padStart(7)}  ${built.placeholders.length} placeholders`,
    );
  }
  if (failures.length > 0) {
    throw new Error(`Email templates failed their checks:\n  ${failures.join('\n  ')}`);
  }
  writeIfChanged(OUTPUT_FILE, generatedModule(templates));
  console.log(`Wrote ${path.relative(process.cwd(), OUTPUT_FILE)} in ${Math.round(performance.now() - started)} ms`);
}

build().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
