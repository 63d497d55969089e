// Pure: does a reflection speak of danger? Decisive signs, then the trained model's probability on its likeliest passage.
import { decisiveSigns } from './danger-signs';
import { passageFeaturesOf } from './passages';
import { decodeNetwork, knownWords, networkProbability, type Network } from './network';
import { SAFETY_MODEL } from './safety-model';

/** What the check concluded about one reflection, and why; nothing of the text itself. */
export interface DangerAssessment {
  danger: boolean;
  /** The model's probability that the reflection speaks of danger, 0..1: the highest of its passages. */
  probability: number;
  /** Decisive signs found outside negation, e.g. `hands_on_neck`; any one of them raises the alarm. */
  decisive: string[];
}

/**
 * The model reads English: when a reflection has at least three words and fewer than half of them are known to it
 * (another language; the lowest share among 830 held-out English reflections is 0.67), its probability is not used
 * and only a decisive sign speaks. With fewer words the language cannot be told, and the model reads them
 * ("I was raped": one word, rare in the corpus).
 */
export const MIN_KNOWN_WORDS = 0.5;

/** True when `model` knows too few of the reflection's words to judge it (see MIN_KNOWN_WORDS). */
function unreadable(model: Network, features: Iterable<string>): boolean {
  const { words, known } = knownWords(model, features);
  return words >= 3 && known < words * MIN_KNOWN_WORDS;
}

let network: Network | undefined;

/**
 * Assesses at most the first MAX_CHECKED_CHARS characters of `text` in time linear in its length: danger when a
 * decisive sign is found outside negation, or when the model's probability for the whole text or for any run of a
 * few sentences (see passagesOf) reaches its threshold, if the model knows enough of its words (MIN_KNOWN_WORDS).
 * The network is decoded on first use in an isolate.
 */
export function assessDanger(text: string): DangerAssessment {
  network ??= decodeNetwork(SAFETY_MODEL);
  return assessWith(network, SAFETY_MODEL.threshold, text);
}

/** assessDanger with a given network and threshold: the worker's model, or one just trained (scripts/train-safety.ts). */
export function assessWith(model: Network, threshold: number, text: string): DangerAssessment {
  const { whole, runs } = passageFeaturesOf(text);
  const decisive = decisiveSigns([...whole.signs]);
  if (unreadable(model, whole.features)) return { danger: decisive.length > 0, probability: 0, decisive };
  let probability = networkProbability(model, whole.features);
  for (const run of runs) probability = Math.max(probability, networkProbability(model, run));
  return { danger: decisive.length > 0 || probability >= threshold, probability, decisive };
}
