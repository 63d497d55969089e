// Pure: the features the safety model weighs for one reflection: scoped words, word pairs and the hand-made signs.
import { signsIn } from './danger-signs';
import { readText } from './read-text';

/** Words too common to weigh alone, or paired with each other: who does what to whom is left to the signs. */
const FUNCTION_WORDS = new Set(
  'i me my he him his she her they them their we us our you your it its a an the and or to of in on at for with is am are was were be been have has had do did would will could can that this so if when then as by from up out about just said says told tell'.split(' '),
);

/** A function word, negated (`not_of`) or inside a question (`q_the`) or not. */
function isFunctionWord(scoped: string): boolean {
  return FUNCTION_WORDS.has(scoped.replace(/^(?:not_|q_)/, ''));
}

/** What the check saw in a reflection: every feature name once, and the signs among them. */
export interface ReflectionFeatures {
  features: Set<string>;
  signs: Set<string>;
}

/**
 * Reads `text` (bounded by MAX_CHECKED_CHARS) and names its features: each scoped word (`w:`), each pair of
 * neighbouring scoped words in a sentence (`b:`), and each sign of danger or of figurative use (`s:`).
 */
export function featuresOf(text: string): ReflectionFeatures {
  const features = new Set<string>();
  const signs = new Set<string>();
  for (const sentence of readText(text)) {
    const words = sentence.scoped;
    for (let index = 0; index < words.length; index++) {
      const word = words[index] as string;
      if (!isFunctionWord(word)) features.add(`w:${word}`);
      const previous = words[index - 1];
      if (previous !== undefined && !(isFunctionWord(previous) && isFunctionWord(word))) features.add(`b:${previous} ${word}`);
    }
    for (const sign of signsIn(sentence)) signs.add(sign);
  }
  // A danger that is over: the past told in one sentence, the present made safe in another.
  if (signs.has('resolved_past') && signs.has('reassurance')) signs.add('past_and_safe_now');
  for (const sign of signs) features.add(`s:${sign}`);
  return { features, signs };
}
