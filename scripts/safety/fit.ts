// Fitting the safety model: a small network over binary features (see network.ts), and the passage-level rounds over it.
import { featureHash, networkProbability, rowIndex, rowOf, type Network } from '../../src/inbound/reflections/safety-check/network';

/** A word or pair must appear in this many training passages to get a weight; signs always do. */
const MIN_DOCUMENTS = Number(process.env.MIN_DOCUMENTS ?? 3);
/** Hidden units: 8 did as well as 16 or 32 on sets held out, at half the size. */
const HIDDEN_UNITS = Number(process.env.HIDDEN_UNITS ?? 8);
/** Passes over the units in each fit (shuffled each time). */
const EPOCHS = Number(process.env.EPOCHS ?? 12);
const LEARNING_RATE = 0.05;
/** The share of every weight taken off at the start of each pass (towards the signs' priors, 0 for the rest). */
const DECAY = Number(process.env.DECAY ?? 0.03);
/** The share of a unit's features left out of each training pass. */
const DROPOUT = Number(process.env.DROPOUT ?? 0.5);
const KEPT = 1 / (1 - DROPOUT);
/** Rounds of choosing each danger reflection's likeliest passage and fitting again. */
const PASSAGE_ROUNDS = Number(process.env.PASSAGE_ROUNDS ?? 1);
/** The training's random numbers start here, so the same corpus always gives the same model. */
const SEED = 7;

/** One reflection read as the model reads it: the whole text's features and each passage's (see passagesOf). */
export interface Example {
  whole: string[];
  passages: string[][];
  decisive: boolean;
  danger: boolean;
  /** The set the reflection was written in; the threshold is chosen on sets the model did not see. */
  set: string;
}

interface Unit {
  features: readonly string[];
  danger: boolean;
  weight: number;
}

/** The model's probability for a reflection: the highest of the whole text and its passages, as the worker reads it. */
export function probabilityOfExample(model: Network, example: Example): number {
  return Math.max(networkProbability(model, example.whole), ...example.passages.map((passage) => networkProbability(model, passage)));
}

/** A small deterministic generator (a linear congruential one): the fit is the same on every machine. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** A network with every feature seen at least MIN_DOCUMENTS times (and every sign), small random hidden weights, signs at their priors. */
function startingNetwork(units: readonly Unit[], priors: ReadonlyMap<string, number>, random: () => number): Network {
  const documents = new Map<string, number>();
  for (const unit of units) for (const feature of unit.features) documents.set(feature, (documents.get(feature) ?? 0) + 1);
  const seen = new Set<number>();
  // Features are known by hash (network.ts): of two names with one hash (rare), the first in sort order keeps it.
  const vocabulary = [...documents]
    .filter(([feature, count]) => count >= MIN_DOCUMENTS || feature.startsWith('s:'))
    .map(([feature]) => feature)
    .sort()
    .filter((feature) => !seen.has(featureHash(feature)) && Boolean(seen.add(featureHash(feature))));
  const hidden = HIDDEN_UNITS;
  return {
    bias: 0,
    hidden,
    rows: rowIndex(Uint32Array.from(vocabulary, featureHash)),
    linear: Float32Array.from(vocabulary, (feature) => priors.get(feature) ?? 0),
    linearScale: 1,
    embedding: Float32Array.from({ length: vocabulary.length * hidden }, () => (random() - 0.5) * 0.1),
    embeddingScale: 1,
    hiddenBias: new Float32Array(hidden),
    output: Float32Array.from({ length: hidden }, () => (random() - 0.5) * 0.2),
  };
}

/**
 * Fits the network to `units` by stochastic gradient descent with AdaGrad steps (each weight's step shrinks with its
 * own gradients, which suits sparse features), classes weighted to balance, with dropout and weight decay so that
 * no rare word or pair decides alone (a network without them raised the alarm on "Thank you for this step").
 */
function fitUnits(network: Network, units: readonly Unit[], random: () => number): void {
  const { hidden, hiddenBias, output } = network;
  const linear = network.linear as Float32Array;
  const embedding = network.embedding as Float32Array;
  const start = { linear: Float32Array.from(linear) };
  const squared = {
    linear: new Float32Array(linear.length).fill(1e-6),
    embedding: new Float32Array(embedding.length).fill(1e-6),
    hiddenBias: new Float32Array(hidden).fill(1e-6),
    output: new Float32Array(hidden).fill(1e-6),
  };
  const rows = units.map((unit) => unit.features.map((feature) => rowOf(network.rows, feature)).filter((row) => row >= 0));
  const dangerWeight = units.filter((unit) => unit.danger).reduce((sum, unit) => sum + unit.weight, 0);
  const safeWeight = units.filter((unit) => !unit.danger).reduce((sum, unit) => sum + unit.weight, 0);
  const classWeight = { true: (dangerWeight + safeWeight) / (2 * dangerWeight), false: (dangerWeight + safeWeight) / (2 * safeWeight) };
  const activation = new Float32Array(hidden);
  const order = units.map((_, position) => position);
  const step = (weights: Float32Array, sums: Float32Array, at: number, gradient: number): void => {
    sums[at] = (sums[at] as number) + gradient * gradient;
    weights[at] = (weights[at] as number) - (LEARNING_RATE * gradient) / Math.sqrt(sums[at] as number);
  };
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    // Weight decay once a pass: a word or pair seen in few reflections cannot keep a large weight.
    for (let at = 0; at < embedding.length; at++) embedding[at] = (embedding[at] as number) * (1 - DECAY);
    for (let at = 0; at < linear.length; at++) linear[at] = (start.linear[at] as number) + ((linear[at] as number) - (start.linear[at] as number)) * (1 - DECAY);
    for (let last = order.length - 1; last > 0; last--) {
      const other = Math.floor(random() * (last + 1));
      [order[last], order[other]] = [order[other] as number, order[last] as number];
    }
    for (const position of order) {
      // Dropout: each feature is left out of this pass at random, the rest weigh more, so no rare word or pair can carry
      // a decision alone.
      const row = (rows[position] as number[]).filter(() => random() >= DROPOUT);
      const unit = units[position] as Unit;
      activation.set(hiddenBias);
      let score = network.bias;
      for (const feature of row) {
        score += (linear[feature] as number) * KEPT;
        for (let j = 0; j < hidden; j++) activation[j] = (activation[j] as number) + (embedding[feature * hidden + j] as number) * KEPT;
      }
      for (let j = 0; j < hidden; j++) if ((activation[j] as number) > 0) score += (activation[j] as number) * (output[j] as number);
      const error = (1 / (1 + Math.exp(-score)) - (unit.danger ? 1 : 0)) * classWeight[`${unit.danger}`] * unit.weight;
      network.bias -= LEARNING_RATE * 0.1 * error;
      for (let j = 0; j < hidden; j++) {
        const value = activation[j] as number;
        if (value <= 0) continue;
        const toUnit = error * (output[j] as number) * KEPT;
        step(output, squared.output, j, error * value);
        step(hiddenBias, squared.hiddenBias, j, toUnit);
        for (const feature of row) {
          const at = feature * hidden + j;
          step(embedding, squared.embedding, at, toUnit);
        }
      }
      for (const feature of row) step(linear, squared.linear, feature, error * KEPT);
    }
  }
}

/**
 * Fits on whole reflections, then, for PASSAGE_ROUNDS rounds, on passages: a danger reflection contributes its likeliest
 * passage (the danger is somewhere in it, not everywhere), an ordinary one its whole text and every passage (none may
 * raise the alarm), each passage weighing its share. The worker then takes the highest passage's probability.
 */
export function fitModel(examples: readonly Example[], priors: ReadonlyMap<string, number>): Network {
  const random = randomFrom(SEED);
  const everything = examples.flatMap((example) => [{ features: example.whole, danger: example.danger, weight: 1 }, ...example.passages.map((passage) => ({ features: passage, danger: example.danger, weight: 1 }))]);
  const model = startingNetwork(everything, priors, random);
  fitUnits(model, examples.map((example) => ({ features: example.whole, danger: example.danger, weight: 1 })), random);
  for (let round = 0; round < PASSAGE_ROUNDS; round++) {
    const units: Unit[] = [];
    for (const example of examples) {
      if (example.danger) {
        let likeliest = example.whole;
        for (const candidate of example.passages) if (networkProbability(model, candidate) > networkProbability(model, likeliest)) likeliest = candidate;
        units.push({ features: likeliest, danger: true, weight: 1 });
      } else {
        units.push({ features: example.whole, danger: false, weight: 1 });
        for (const passage of example.passages) units.push({ features: passage, danger: false, weight: 1 / example.passages.length });
      }
    }
    fitUnits(model, units, random);
  }
  return model;
}
