// Pure: a reflection read for the safety check: normalised, idioms set aside, each word marked with its scope.
import { IDIOMS } from './idioms';

/** Characters of a reflection the check reads; danger is spoken early, and the cost stays bounded. */
export const MAX_CHECKED_CHARS = 6000;
/** Words a sentence may have before it is cut into the next one, so every pattern works on short spans. */
const MAX_SENTENCE_WORDS = 60;

/** One sentence: its words as written (normalised) and the same words with their scope prefix. */
export interface ReadSentence {
  /** Normalised words joined by single spaces, with idioms replaced by `figurative`; for the rules. */
  plain: string;
  /** The words with `not_` (negated) or `q_` (a question someone asked) before those in scope. */
  scoped: string[];
}

/** Negative contractions, with or without the apostrophe (as texts are typed), and what they open to. */
const NOT_CONTRACTION = /\b(can|won|don|doesn|didn|isn|wasn|aren|weren|couldn|wouldn|shouldn|haven|hasn|hadn|ain)'?t\b/g;
const NOT_STEMS: Record<string, string> = { can: 'can', won: 'will', ain: 'is' };

const CONTRACTIONS: [RegExp, string][] = [
  [/\bi'?m\b/g, 'i am'],
  [/\b(he|she|it|that|there|who)'s\b/g, '$1 is'],
  [/\b(he|she)s\b/g, '$1 is'],
  [/\b(i|you|we|they|he|she|it)'ll\b/g, '$1 will'],
  [/\b(i|you|we|they)'ve\b/g, '$1 have'],
  [/\b(i|you|we|they|he|she)'d\b/g, '$1 would'],
  [/\b(you|we|they)'re\b/g, '$1 are'],
  [/\bu\b/g, 'you'],
  [/\btmrw\b/g, 'tomorrow'],
  // A double negative that means its opposite: "I can't stop thinking about dying" keeps thinking about it.
  [/\b(can|could) not stop\b/g, 'keep'],
];

const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'without', 'nothing', 'nope', 'noone', 'nowhere']);
/** Words that end a negation's reach inside a sentence. */
const SCOPE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'yet', 'except', 'until', 'because', 'just', 'only']);
/** Someone else's question reported by the writer: "she asked if I ever felt unsafe". */
const QUESTION_OPENER = /\b(asked|asks|asking|ask|question|questions|wondered|wonder) (me |us |him |her |them )?(if|whether|about)\b|\bdo i feel\b|\bam i (safe|afraid|scared)\b/;

function normalise(text: string): string {
  let normal = text.slice(0, MAX_CHECKED_CHARS).toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"');
  normal = normal.replace(NOT_CONTRACTION, (_match, stem: string) => `${NOT_STEMS[stem] ?? stem.slice(0, -1)} not`);
  for (const [pattern, replacement] of CONTRACTIONS) normal = normal.replace(pattern, replacement);
  for (const idiom of IDIOMS) normal = normal.replace(idiom, ' figurative ');
  return normal;
}

/** Light stemming so "threatened", "threatens" and "threatening" meet; enough for a small vocabulary. */
export function stem(word: string): string {
  let stemmed = word;
  if (stemmed.length > 5 && stemmed.endsWith('ing')) stemmed = stemmed.slice(0, -3);
  else if (stemmed.length > 4 && stemmed.endsWith('ed')) stemmed = stemmed.slice(0, -2);
  else if (stemmed.length > 4 && stemmed.endsWith('es') && !stemmed.endsWith('ses')) stemmed = stemmed.slice(0, -2);
  else if (stemmed.length > 3 && stemmed.endsWith('s') && !stemmed.endsWith('ss')) stemmed = stemmed.slice(0, -1);
  if (stemmed.length > 3 && /([bdgklmnprt])\1$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** An answer that denies the question before it: "Has he ever hurt you? No." */
const DENIAL = /^(?:no|nope|never|not really|not at all|not once|absolutely not|of course not)\b/;

/** Splits on sentence ends and on long runs, so scope and patterns stay inside one sentence; a question answered "no" is marked. */
function sentencesOf(normal: string): { words: string[]; denied: boolean }[] {
  const sentences: { words: string[]; denied: boolean }[] = [];
  const chunks = normal.split(/([.!?;\n]+)|,\s*(?=but\b)|\s[-–—]\s/);
  for (let index = 0; index < chunks.length; index += 2) {
    const chunk = chunks[index] ?? '';
    const denied = (chunks[index + 1] ?? '').includes('?') && DENIAL.test((chunks[index + 2] ?? '').trim());
    const words = chunk.replace(/[^a-z0-9'\s]/g, ' ').split(/\s+/).filter(Boolean);
    for (let start = 0; start < words.length; start += MAX_SENTENCE_WORDS) sentences.push({ words: words.slice(start, start + MAX_SENTENCE_WORDS), denied });
  }
  return sentences.filter((sentence) => sentence.words.length > 0);
}

function scopeWords(words: string[], questionStart: number): string[] {
  const scoped: string[] = [];
  let negated = false;
  words.forEach((word, index) => {
    if (SCOPE_BREAKERS.has(word)) negated = false;
    const prefix = questionStart >= 0 && index >= questionStart ? 'q_' : negated ? 'not_' : '';
    scoped.push(prefix + stem(word.replace(/'/g, '')));
    if (NEGATORS.has(word)) negated = true;
  });
  return scoped;
}

/** The index of the word where someone else's question starts in `plain`, or -1. */
function questionStartIn(plain: string): number {
  const match = QUESTION_OPENER.exec(plain);
  return match ? plain.slice(0, match.index).split(' ').length - 1 : -1;
}

/**
 * Reads at most MAX_CHECKED_CHARS of `text`, in one linear pass per step: lower case, contractions opened,
 * known idioms replaced by the word `figurative`, cut into sentences, each word stemmed and marked as negated
 * (`not_`) or inside a question someone else asked (`q_`) up to the end of its sentence; a question the
 * writer answers "no" in the next sentence is read whole as a question.
 */
export function readText(text: string): ReadSentence[] {
  const normal = normalise(text);
  return sentencesOf(normal).map(({ words, denied }) => {
    const plain = words.join(' ');
    return { plain, scoped: scopeWords(words, denied ? 0 : questionStartIn(plain)) };
  });
}
