// Fitting the safety model: logistic regression over binary features, and the passage-level rounds over it.

/** A word or pair must appear in this many training passages to get a weight; signs always do. */
const MIN_DOCUMENTS = Number(process.env.MIN_DOCUMENTS ?? 2);
const EPOCHS = Number(process.env.EPOCHS ?? 300);
const LEARNING_RATE = 0.05;
/** L2 strength for words and pairs, and the lighter one for the hand-made signs, which should carry the decision. */
const L2_WORDS = Number(process.env.L2_WORDS ?? 0.0001);
const L2_SIGNS = Number(process.env.L2_SIGNS ?? 0.01);
/** Rounds of choosing each danger reflection's likeliest passage and fitting again. */
const PASSAGE_ROUNDS = Number(process.env.PASSAGE_ROUNDS ?? 2);

/** One reflection read as the model reads it: the whole text's features and each passage's (see passagesOf). */
export interface Example {
  whole: string[];
  passages: string[][];
  decisive: boolean;
  danger: boolean;
  /** The set the reflection was written in; the threshold is chosen on sets the model did not see. */
  set: string;
}

export interface Model {
  bias: number;
  weights: Map<string, number>;
}

interface Unit {
  features: readonly string[];
  danger: boolean;
  weight: number;
}

/** The model's probability for one list of features. */
export function probabilityOf(model: Model, features: readonly string[]): number {
  let score = model.bias;
  for (const feature of features) score += model.weights.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-score));
}

/** The model's probability for a reflection: the highest of the whole text and its passages, as the worker reads it. */
export function probabilityOfExample(model: Model, example: Example): number {
  return Math.max(probabilityOf(model, example.whole), ...example.passages.map((passage) => probabilityOf(model, passage)));
}

/**
 * Logistic regression with L2 (towards each sign's prior, and towards 0 for words), classes weighted to balance,
 * full-batch Adam over sparse binary features.
 */
function fitUnits(units: readonly Unit[], priors: ReadonlyMap<string, number>): Model {
  const documents = new Map<string, number>();
  for (const unit of units) for (const feature of unit.features) documents.set(feature, (documents.get(feature) ?? 0) + 1);
  const vocabulary = [...documents].filter(([feature, count]) => count >= MIN_DOCUMENTS || feature.startsWith('s:')).map(([feature]) => feature);
  const index = new Map(vocabulary.map((feature, position) => [feature, position]));
  const rows = units.map((unit) => unit.features.flatMap((feature) => (index.has(feature) ? [index.get(feature) as number] : [])));
  const dangerWeight = units.filter((unit) => unit.danger).reduce((sum, unit) => sum + unit.weight, 0);
  const safeWeight = units.filter((unit) => !unit.danger).reduce((sum, unit) => sum + unit.weight, 0);
  const classWeight = { true: (dangerWeight + safeWeight) / (2 * dangerWeight), false: (dangerWeight + safeWeight) / (2 * safeWeight) };
  const size = vocabulary.length + 1;
  const biasIndex = size - 1;
  const prior = Float64Array.from({ length: size }, (_, position) => priors.get(vocabulary[position] ?? '') ?? 0);
  const weights = Float64Array.from(prior);
  const moment = new Float64Array(size);
  const velocity = new Float64Array(size);
  const l2 = Float64Array.from({ length: size }, (_, position) => (position === biasIndex ? 0 : vocabulary[position]?.startsWith('s:') ? L2_SIGNS : L2_WORDS));
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const gradient = new Float64Array(size);
    rows.forEach((row, position) => {
      const unit = units[position] as Unit;
      let score = weights[biasIndex] as number;
      for (const feature of row) score += weights[feature] as number;
      const error = (1 / (1 + Math.exp(-score)) - (unit.danger ? 1 : 0)) * classWeight[`${unit.danger}`] * unit.weight;
      for (const feature of row) gradient[feature] = (gradient[feature] as number) + error;
      gradient[biasIndex] = (gradient[biasIndex] as number) + error;
    });
    for (let feature = 0; feature < size; feature++) {
      const regularised = (gradient[feature] as number) / units.length + (l2[feature] as number) * ((weights[feature] as number) - (prior[feature] as number));
      moment[feature] = 0.9 * (moment[feature] as number) + 0.1 * regularised;
      velocity[feature] = 0.999 * (velocity[feature] as number) + 0.001 * regularised * regularised;
      const correctedMoment = (moment[feature] as number) / (1 - 0.9 ** epoch);
      const correctedVelocity = (velocity[feature] as number) / (1 - 0.999 ** epoch);
      weights[feature] = (weights[feature] as number) - (LEARNING_RATE * correctedMoment) / (Math.sqrt(correctedVelocity) + 1e-8);
    }
  }
  return { bias: weights[biasIndex] as number, weights: new Map(vocabulary.map((feature, position) => [feature, weights[position] as number])) };
}

/**
 * Fits on whole reflections, then, for PASSAGE_ROUNDS rounds, on passages: a danger reflection contributes its likeliest
 * passage (the danger is somewhere in it, not everywhere), an ordinary one its whole text and every passage (none may
 * raise the alarm), each passage weighing its share. The worker then takes the highest passage's probability.
 */
export function fitModel(examples: readonly Example[], priors: ReadonlyMap<string, number>): Model {
  let model = fitUnits(examples.map((example) => ({ features: example.whole, danger: example.danger, weight: 1 })), priors);
  for (let round = 0; round < PASSAGE_ROUNDS; round++) {
    const units: Unit[] = [];
    for (const example of examples) {
      if (example.danger) {
        const candidates = [example.whole, ...example.passages];
        let likeliest = example.whole;
        for (const candidate of candidates) if (probabilityOf(model, candidate) > probabilityOf(model, likeliest)) likeliest = candidate;
        units.push({ features: likeliest, danger: true, weight: 1 });
      } else {
        units.push({ features: example.whole, danger: false, weight: 1 });
        for (const passage of example.passages) units.push({ features: passage, danger: false, weight: 1 / example.passages.length });
      }
    }
    model = fitUnits(units, priors);
  }
  return model;
}
