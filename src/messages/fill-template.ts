// Fills a prebuilt email template's {{name}} placeholders with per-subscriber values, without React.

/** How a value is made safe for the part it goes into: HTML-escaped, or inserted as it is for plain text. */
export type TemplateEscape = 'html' | 'text';

const OPEN = '{{';
const CLOSE = '}}';
const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that matter in HTML text and quoted attribute values: & < > " '. */
export function escapeHtml(value: string): string {
  return value.replace(HTML_SPECIAL, (char) => HTML_ENTITIES[char] ?? char);
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
  let filled = '';
  let cursor = 0;
  let open = template.indexOf(OPEN, cursor);
  while (open !== -1) {
    const close = template.indexOf(CLOSE, open + OPEN.length);
    const name = close === -1 ? '' : template.slice(open + OPEN.length, close);
    if (!PLACEHOLDER_NAME.test(name)) {
      throw new Error(`Malformed placeholder at offset ${open}: ${JSON.stringify(template.slice(open, open + 40))}`);
    }
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (typeof value !== 'string') {
      throw new Error(`Missing value for placeholder {{${name}}}`);
    }
    filled += template.slice(cursor, open) + (escape === 'html' ? escapeHtml(value) : value);
    cursor = close + CLOSE.length;
    open = template.indexOf(OPEN, cursor);
  }
  return filled + template.slice(cursor);
}
