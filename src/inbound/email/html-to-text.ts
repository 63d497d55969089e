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
const TAG_NAME = /^<\/?([a-zA-Z][a-zA-Z0-9:-]{0,63})/;

/**
 * Splits HTML into comments, declarations, tags and text in one pass: each `<` looks for its `>` once, and when a
 * document has no further `>` (100 KB of "<a"), the rest is text at once, so no input costs more than linear time.
 */
function* tokens(html: string): Generator<{ token: string; tagName?: string }> {
  let index = 0;
  let noCloseFrom = Infinity;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open < 0) {
      yield { token: html.substring(index) };
      return;
    }
    if (open > index) yield { token: html.substring(index, open) };
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close < 0 ? html.length : close + 3;
      continue;
    }
    const close = open >= noCloseFrom ? -1 : html.indexOf('>', open + 1);
    if (close < 0) {
      noCloseFrom = open;
      yield { token: html.substring(open) };
      return;
    }
    const token = html.substring(open, close + 1);
    const next = html[open + 1];
    // <?xml …?>, <!DOCTYPE …>, <![CDATA[…]]> and stray "<" that start no tag.
    if (next === '?' || next === '!') {
      index = close + 1;
      continue;
    }
    const name = TAG_NAME.exec(token.length > 80 ? token.substring(0, 80) : token)?.[1];
    if (name) {
      yield { token, tagName: name.toLowerCase() };
      index = close + 1;
    } else {
      yield { token: '<' };
      index = open + 1;
    }
  }
}

/** Decodes the HTML character references an email body uses; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{1,31});/gi, (whole, entity: string) => {
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
    else {
      current = '';
      currentDepth = depth;
    }
  };
  const ensureBlankLine = () => {
    ensureLineBreak();
    if (lines.length > 0 && lines[lines.length - 1] !== '> '.repeat(depth).trimEnd()) endLine();
  };

  for (const { token, tagName } of tokens(html)) {
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
