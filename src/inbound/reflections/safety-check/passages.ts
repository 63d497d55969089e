// Pure: a reflection cut into the passages the model reads: the whole of it, and each run of a few sentences.
import { featuresOf, type ReflectionFeatures } from './features';
import { MAX_CHECKED_CHARS } from './read-text';

/** Sentences in one passage: danger told in passing sits in one or two of them, with the one before for context. */
export const PASSAGE_SENTENCES = 3;

/** Runs read at most: a long email's first 40 or so sentences, which keeps the cost bounded (each run is read again). */
export const MAX_RUNS = 40;

/** Sentence ends, and line breaks (texts and short emails often have no full stops). */
const SENTENCE_BREAK = /(?<=[.!?;])\s+|\n+/;
/** A plain-text email's hard wrap: a line break inside a sentence, before a word in lower case. */
const HARD_WRAP = /([^\n.!?;:])[ \t]*\n(?=[ \t]*[a-z])/g;

/**
 * The passages of at most the first MAX_CHECKED_CHARS characters of `text`, hard-wrapped lines joined: the whole text, then, when it has more
 * than PASSAGE_SENTENCES sentences, every run of PASSAGE_SENTENCES consecutive ones (the first MAX_RUNS). A long email with one clause of
 * danger in eight sentences of ordinary life is read where that clause stands, not diluted by the rest.
 */
export function passagesOf(text: string): string[] {
  const checked = text.slice(0, MAX_CHECKED_CHARS).replace(HARD_WRAP, '$1 ');
  const sentences = checked.split(SENTENCE_BREAK).filter((sentence) => sentence.trim() !== '');
  if (sentences.length <= PASSAGE_SENTENCES) return [checked];
  const runs: string[] = [];
  for (let start = 0; start + PASSAGE_SENTENCES <= sentences.length && runs.length < MAX_RUNS; start++) runs.push(sentences.slice(start, start + PASSAGE_SENTENCES).join(' '));
  return [checked, ...runs];
}

/** What the model reads of a reflection, in the worker and in training alike: the whole text's features and signs, then each run's features. */
export function passageFeaturesOf(text: string): { whole: ReflectionFeatures; runs: Set<string>[] } {
  const [whole = '', ...runs] = passagesOf(text);
  return { whole: featuresOf(whole), runs: runs.map((run) => featuresOf(run).features) };
}
