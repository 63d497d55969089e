// Pure: does a reflection speak of danger? Decisive signs, then the trained model's probability on its likeliest passage.
import { decisiveSigns } from './danger-signs';
import { passageFeaturesOf } from './passages';
import { SAFETY_MODEL } from './safety-model';

/** What the check concluded about one reflection, and why; nothing of the text itself. */
export interface DangerAssessment {
  danger: boolean;
  /** The model's probability that the reflection speaks of danger, 0..1: the highest of its passages. */
  probability: number;
  /** Decisive signs found outside negation, e.g. `hands_on_neck`; any one of them raises the alarm. */
  decisive: string[];
}

/** The model's probability for a set of feature names: a logistic regression over binary features. */
export function modelProbability(features: Iterable<string>): number {
  let score = SAFETY_MODEL.bias;
  for (const feature of features) score += SAFETY_MODEL.weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-score));
}

/**
 * Assesses at most the first MAX_CHECKED_CHARS characters of `text` in time linear in its length: danger when a
 * decisive sign is found outside negation, or when the model's probability for the whole text or for any run of a
 * few sentences (see passagesOf) reaches its threshold.
 */
export function assessDanger(text: string): DangerAssessment {
  const { whole, runs } = passageFeaturesOf(text);
  let probability = modelProbability(whole.features);
  for (const run of runs) probability = Math.max(probability, modelProbability(run));
  const decisive = decisiveSigns([...whole.signs]);
  return { danger: decisive.length > 0 || probability >= SAFETY_MODEL.threshold, probability, decisive };
}
