// Pure: readable plain text from an email's HTML part, with <blockquote> content marked by "> " like a text reply.
const HIDDEN_CONTENT = new Set(['head', 'style', 'script', 'title', 'template', 'xml']);
const LINE_BREAKS = new Set(['br', 'div', 'tr', 'table', 'ul', 'ol', 'pre', 'section', 'article', 'header', 'footer', 'center']);
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  copy: '\u00a9',
};
const TOKEN = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>|[^<]+|</g;

/** Decodes the HTML character references an email body uses; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/**
 * Converts an email's HTML to plain text: scripts, styles and the head are dropped, block elements and <br> end
 * lines, list items start with "- ", and every line inside n nested <blockquote>s starts with n "> " marks, so
 * quoted history reads as it does in a plain-text reply.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let current = '';
  let currentDepth = 0;
  let depth = 0;
  let hiddenUntil: string | null = null;

  const endLine = () => {
    lines.push(`${'> '.repeat(currentDepth)}${current.trim()}`.trimEnd());
    current = '';
    currentDepth = depth;
  };
  const ensureLineBreak = () => {
    if (current.trim()) endLine();
    else currentDepth = depth;
  };
  const ensureBlankLine = () => {
    ensureLineBreak();
    if (lines.length > 0 && lines[lines.length - 1] !== '> '.repeat(depth).trimEnd()) endLine();
  };

  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const tagName = match[1]?.toLowerCase();
    if (token.startsWith('<!--')) continue;
    const closing = token.startsWith('</');
    if (hiddenUntil) {
      if (closing && tagName === hiddenUntil) hiddenUntil = null;
      continue;
    }
    if (!tagName) {
      const text = decodeEntities(token.replace(/\s+/g, ' ')).replace(/[\ufeff\u200b]/g, '');
      if (!current) currentDepth = depth;
      current += text;
      continue;
    }
    if (HIDDEN_CONTENT.has(tagName)) {
      if (!closing && !token.endsWith('/>')) hiddenUntil = tagName;
      continue;
    }
    if (tagName === 'blockquote') {
      ensureLineBreak();
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      currentDepth = depth;
    } else if (tagName === 'br') {
      endLine();
    } else if (tagName === 'li' && !closing) {
      ensureLineBreak();
      current = '- ';
    } else if (PARAGRAPHS.has(tagName)) {
      ensureBlankLine();
    } else if (LINE_BREAKS.has(tagName) || tagName === 'li') {
      ensureLineBreak();
    }
  }
  ensureLineBreak();
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
