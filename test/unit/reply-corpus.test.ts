// Proves extraction fits real mail: every case of the reply corpus (text, HTML and raw MIME through the production path).
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parseRoutedEmail } from '../../src/inbound/email/email-routing';
import { EXTRACTOR_VERSION, stripReply } from '../../src/inbound/email/strip-reply';
import { parseCorpus, scoreCorpus, type CorpusCase } from '../support/reply-corpus';

const files = import.meta.glob('../fixtures/replies/corpus/*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const CASES: CorpusCase[] = Object.values(files).flatMap(parseCorpus);

async function extract(item: CorpusCase): Promise<string> {
  if (item.kind === 'text') return stripReply({ text: item.input });
  if (item.kind === 'html') return stripReply({ html: item.input });
  const raw = new TextEncoder().encode(item.input.replace(/\r?\n/g, '\r\n'));
  const email = await parseRoutedEmail({ from: 'sam@example.org', to: 'reflections+t@in.example.com', raw: new ReadableStream() }, raw);
  return stripReply(email);
}

describe('the reply corpus', () => {
  it('has at least 200 cases of text, HTML and raw MIME', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CASES.map((item) => item.kind))).toEqual(new Set(['text', 'html', 'eml']));
    expect(new Set(CASES.map((item) => item.id)).size).toBe(CASES.length);
  });

  it('keeps exactly the person\u2019s words in at least 90% of replies, empties none and keeps no quoted history', async () => {
    const extracted = await Promise.all(CASES.map(extract));
    const score = scoreCorpus(CASES, extracted);
    const percent = ((100 * score.exact) / score.total).toFixed(1);
    console.log(
      `[reply corpus] extractor v${EXTRACTOR_VERSION}: ${score.exact}/${score.total} exact (${percent}%), ${score.emptied.length} emptied, ${score.leaked.length} leaked quoted history`,
    );
    for (const miss of score.misses) console.log(`[reply corpus] miss ${miss.id}: ${JSON.stringify(miss.got.slice(0, 160))}`);
    expect(score.emptied).toEqual([]);
    expect(score.leaked).toEqual([]);
    expect(score.exact / score.total).toBeGreaterThanOrEqual(0.9);
  });
});
