// Markdown bodies of course files: HTML for pages, plain text for email and SMS, and the blocks an author may use.
import { marked, type Token, type Tokens } from 'marked';
import type { IntroductionBlock } from '../model';

/** Block types a course body may use; anything else (code, tables, raw HTML) is refused at build time. */
const ALLOWED_BLOCKS = new Set(['paragraph', 'heading', 'list', 'blockquote', 'space', 'hr']);

export interface ParsedBody {
  blocks: IntroductionBlock[];
  /** Plain text, paragraphs separated by a blank line. */
  text: string;
  html: string;
  /** What the author used that the course format does not allow, in words. */
  refused: string[];
}

/** The text of inline tokens without their Markdown marks; raw HTML is noted in `refused`. */
function inlineText(tokens: Token[] | undefined, refused: string[]): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      if (token.type === 'html') {
        refused.push(`raw HTML is not allowed (${token.raw.trim().slice(0, 40)})`);
        return '';
      }
      if (token.type === 'br') return '\n';
      if ('tokens' in token && token.tokens) return inlineText(token.tokens, refused);
      return 'text' in token ? String(token.text) : '';
    })
    .join('');
}

function blocksOf(tokens: Token[], refused: string[]): IntroductionBlock[] {
  const blocks: IntroductionBlock[] = [];
  for (const token of tokens) {
    if (!ALLOWED_BLOCKS.has(token.type)) {
      refused.push(`${token.type === 'html' ? 'raw HTML' : `a ${token.type} block`} is not allowed`);
      continue;
    }
    if (token.type === 'heading') blocks.push({ kind: 'heading', text: inlineText((token as Tokens.Heading).tokens, refused) });
    if (token.type === 'paragraph') blocks.push({ kind: 'paragraph', text: inlineText((token as Tokens.Paragraph).tokens, refused) });
    if (token.type === 'blockquote') blocks.push(...blocksOf((token as Tokens.Blockquote).tokens, refused));
    if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) {
        blocks.push({ kind: 'paragraph', text: `- ${item.tokens.map((inner) => inlineText('tokens' in inner ? inner.tokens : [inner], refused)).join(' ')}` });
      }
    }
  }
  return blocks.map((block) => ({ ...block, text: block.text.trim() })).filter((block) => block.text !== '');
}

/** Parses one Markdown body with marked. */
export function parseBody(markdown: string): ParsedBody {
  const refused: string[] = [];
  const blocks = blocksOf(marked.lexer(markdown), refused);
  const html = marked.parse(markdown, { async: false }).trim();
  return { blocks, text: blocks.map((block) => block.text).join('\n\n'), html, refused: [...new Set(refused)] };
}
