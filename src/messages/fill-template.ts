// Fills a prebuilt email template's {{name}} placeholders with per-subscriber values, without React.

/** How a value is made safe for the part it goes into: HTML-escaped, or inserted as it is for plain text. */
export type TemplateEscape = 'html' | 'text';

const OPEN = '{{';
const CLOSE = '}}';
const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const HTML_SPECIAL = /[&<>"']/g;
const HAS_HTML_SPECIAL = /[&<>"']/;
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Long values that needed escaping, escaped once: a day's text goes into every email of that day. */
const escapedOnce = new Map<string, string>();
const ESCAPE_MEMO_MIN_LENGTH = 64;
const ESCAPE_MEMO_ENTRIES = 2_000;

/** Escapes the five characters that matter in HTML text and quoted attribute values: & < > " '. */
export function escapeHtml(value: string): string {
  // Links and most short values have nothing to escape (and each is different: not worth remembering).
  if (!HAS_HTML_SPECIAL.test(value)) return value;
  if (value.length < ESCAPE_MEMO_MIN_LENGTH) return value.replace(HTML_SPECIAL, (char) => HTML_ENTITIES[char] ?? char);
  let escaped = escapedOnce.get(value);
  if (escaped === undefined) {
    escaped = value.replace(HTML_SPECIAL, (char) => HTML_ENTITIES[char] ?? char);
    if (escapedOnce.size >= ESCAPE_MEMO_ENTRIES) escapedOnce.clear();
    escapedOnce.set(value, escaped);
  }
  return escaped;
}

/** A template split once at its placeholders: `literals[i]`, then the value of `names[i]`, …, then the last literal. */
interface ParsedTemplate {
  literals: string[];
  names: string[];
}

/** Templates are a fixed set built into the worker: each is parsed once per isolate. */
const parsedTemplates = new Map<string, ParsedTemplate>();
const PARSED_TEMPLATE_ENTRIES = 256;

function parseTemplate(template: string): ParsedTemplate {
  const literals: string[] = [];
  const names: string[] = [];
  let cursor = 0;
  let open = template.indexOf(OPEN, cursor);
  while (open !== -1) {
    const close = template.indexOf(CLOSE, open + OPEN.length);
    const name = close === -1 ? '' : template.slice(open + OPEN.length, close);
    if (!PLACEHOLDER_NAME.test(name)) {
      throw new Error(`Malformed placeholder at offset ${open}: ${JSON.stringify(template.slice(open, open + 40))}`);
    }
    literals.push(template.slice(cursor, open));
    names.push(name);
    cursor = close + CLOSE.length;
    open = template.indexOf(OPEN, cursor);
  }
  literals.push(template.slice(cursor));
  return { literals, names };
}

function parsedTemplateOf(template: string): ParsedTemplate {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = parseTemplate(template);
    if (parsedTemplates.size >= PARSED_TEMPLATE_ENTRIES) parsedTemplates.clear();
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

/**
 * Replaces every `{{name}}` in `template` with `values[name]`, HTML-escaped when `escape` is `'html'`
 * and unchanged when it is `'text'`. One left-to-right pass: inserted values are never scanned again,
 * so a value containing `{{x}}` stays literal.
 *
 * Throws an Error naming the placeholder when `values` has no own string value for it, and an Error
 * for a `{{` that does not open a well-formed placeholder, so no filled email can carry a stray `{{`.
 */
export function fillTemplate(template: string, values: Record<string, string>, escape: TemplateEscape): string {
  const { literals, names } = parsedTemplateOf(template);
  let filled = literals[0]!;
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (typeof value !== 'string') {
      throw new Error(`Missing value for placeholder {{${name}}}`);
    }
    filled += (escape === 'html' ? escapeHtml(value) : value) + literals[index + 1]!;
  }
  return filled;
}
