// The reply corpus in test/fixtures/replies/corpus: parsing its cases and scoring an extractor against them.

export interface CorpusCase {
  id: string;
  kind: 'text' | 'html' | 'eml';
  source: string;
  input: string;
  expected: string;
}

/** Reads one corpus file: "=== id | kind | source", the message, "--- expected", the reflection. */
export function parseCorpus(file: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const block of file.split(/^=== /m).slice(1)) {
    const headerEnd = block.indexOf('\n');
    const [id, kind, source] = block.slice(0, headerEnd).split(' | ');
    const rest = block.slice(headerEnd + 1);
    const marker = rest.lastIndexOf('\n--- expected\n');
    cases.push({
      id: id!.trim(),
      kind: kind!.trim() as CorpusCase['kind'],
      source: source?.trim() ?? '',
      input: rest.slice(0, marker),
      expected: rest.slice(marker + '\n--- expected\n'.length).trim(),
    });
  }
  return cases;
}

/** Whitespace runs count as one space: line wrapping and blank lines are not the person's words. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface CorpusScore {
  total: number;
  exact: number;
  emptied: string[];
  leaked: string[];
  misses: { id: string; got: string; expected: string }[];
}

/** Lines of a quoted original that must never be kept: the course email's own words and quote markers. */
const QUOTED_HISTORY = /(^|\n)\s*>|Day 3 of 30: Offer|Generic apologies feel empty|Reply to this email with your reflection|Blah-blah-blah|Test message|Lorem ipsum\?|Brunch mumblecore|Small batch beard|Veniam laborum|Xin chào|Bonjour!|Tag 3 von 30/;

/** Scores extractions: exact after whitespace normalisation, emptied (the person wrote something, nothing kept), leaked (quoted history kept). */
export function scoreCorpus(cases: readonly CorpusCase[], extracted: readonly string[]): CorpusScore {
  const score: CorpusScore = { total: cases.length, exact: 0, emptied: [], leaked: [], misses: [] };
  cases.forEach((item, index) => {
    const got = extracted[index] ?? '';
    if (normaliseWhitespace(got) === normaliseWhitespace(item.expected)) score.exact += 1;
    else score.misses.push({ id: item.id, got, expected: item.expected });
    if (!got.trim() && item.expected.trim()) score.emptied.push(item.id);
    const expectedLeak = QUOTED_HISTORY.test(item.expected);
    if (!expectedLeak && QUOTED_HISTORY.test(got)) score.leaked.push(item.id);
  });
  return score;
}
