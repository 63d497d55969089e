// Pure: does a reflection speak of violence or danger? Decisive signs, then the trained model's probability.
import { decisiveSigns } from './danger-signs';
import { featuresOf } from './features';
import { SAFETY_MODEL } from './safety-model';

/** What the check concluded about one reflection, and why; nothing of the text itself. */
export interface DangerAssessment {
  danger: boolean;
  /** The model's probability that the reflection speaks of danger, 0..1. */
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
 * decisive sign is found outside negation, or when the model's probability reaches its threshold.
 */
export function assessDanger(text: string): DangerAssessment {
  const { features, signs } = featuresOf(text);
  const probability = modelProbability(features);
  const decisive = decisiveSigns([...signs]);
  return { danger: decisive.length > 0 || probability >= SAFETY_MODEL.threshold, probability, decisive };
}
