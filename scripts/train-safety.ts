// `npx tsx scripts/train-safety.ts`: trains the safety model on the train split and writes src/inbound/reflections/safety-check/safety-model.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keywordBaselineSaysDanger } from '../bench/safety-keyword-baseline';
import { SIGN_PRIORS, decisiveSigns } from '../src/inbound/reflections/safety-check/danger-signs';
import { featuresOf } from '../src/inbound/reflections/safety-check/features';
import { formatFigures, loadSafetyCorpus, measureCheck, type LabelledReflection } from '../test/support/safety-corpus';

const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'inbound', 'reflections', 'safety-check', 'safety-model.ts');
/** A word or pair must appear in this many train reflections to get a weight; signs always do. */
const MIN_DOCUMENTS = Number(process.env.MIN_DOCUMENTS ?? 2);
const EPOCHS = Number(process.env.EPOCHS ?? 400);
const LEARNING_RATE = 0.05;
/** L2 strength for words and pairs, and the lighter one for the hand-made signs, which should carry the decision. */
const L2_WORDS = Number(process.env.L2_WORDS ?? 0.0001);
const L2_SIGNS = Number(process.env.L2_SIGNS ?? 0.01);
/** Weights smaller than this are dropped from the exported model. */
const MIN_EXPORTED_WEIGHT = Number(process.env.MIN_EXPORTED_WEIGHT ?? 0.1);

interface Example {
  features: string[];
  decisive: boolean;
  danger: boolean;
  /** The set the reflection was written in; the threshold is chosen on sets the model did not see. */
  set: string;
}

interface Model {
  bias: number;
  weights: Map<string, number>;
}

function toExample(item: LabelledReflection): Example {
  const { features, signs } = featuresOf(item.text);
  const kept = process.env.SIGNS_ONLY ? [...features].filter((feature) => feature.startsWith('s:')) : [...features];
  return { features: kept, decisive: decisiveSigns([...signs]).length > 0, danger: item.danger, set: item.set };
}

function vocabularyOf(examples: readonly Example[]): Set<string> {
  const documents = new Map<string, number>();
  for (const example of examples) for (const feature of example.features) documents.set(feature, (documents.get(feature) ?? 0) + 1);
  return new Set([...documents].filter(([feature, count]) => count >= MIN_DOCUMENTS || feature.startsWith('s:')).map(([feature]) => feature));
}

/** Logistic regression with L2 (towards each sign's prior, and towards 0 for words), classes weighted to balance, full-batch Adam over sparse binary features. */
function train(examples: readonly Example[]): Model {
  const vocabulary = vocabularyOf(examples);
  const index = new Map([...vocabulary].map((feature, position) => [feature, position]));
  const rows = examples.map((example) => example.features.flatMap((feature) => (index.has(feature) ? [index.get(feature) as number] : [])));
  const positives = examples.filter((example) => example.danger).length;
  const classWeight = { true: examples.length / (2 * positives), false: examples.length / (2 * (examples.length - positives)) };
  const size = vocabulary.size + 1;
  const features = [...vocabulary];
  const prior = Float64Array.from({ length: size }, (_, position) => SIGN_PRIORS.get(features[position] ?? '') ?? 0);
  const weights = Float64Array.from(prior);
  const moment = new Float64Array(size);
  const velocity = new Float64Array(size);
  const biasIndex = size - 1;
  const l2 = Float64Array.from({ length: size }, (_, position) => (position === biasIndex ? 0 : features[position]?.startsWith('s:') ? L2_SIGNS : L2_WORDS));
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const gradient = new Float64Array(size);
    rows.forEach((row, position) => {
      const example = examples[position] as Example;
      let score = weights[biasIndex] as number;
      for (const feature of row) score += weights[feature] as number;
      const error = (1 / (1 + Math.exp(-score)) - (example.danger ? 1 : 0)) * classWeight[`${example.danger}`];
      for (const feature of row) gradient[feature] = (gradient[feature] as number) + error;
      gradient[biasIndex] = (gradient[biasIndex] as number) + error;
    });
    for (let feature = 0; feature < size; feature++) {
      const regularised = (gradient[feature] as number) / examples.length + (l2[feature] as number) * ((weights[feature] as number) - (prior[feature] as number));
      moment[feature] = 0.9 * (moment[feature] as number) + 0.1 * regularised;
      velocity[feature] = 0.999 * (velocity[feature] as number) + 0.001 * regularised * regularised;
      const correctedMoment = (moment[feature] as number) / (1 - 0.9 ** epoch);
      const correctedVelocity = (velocity[feature] as number) / (1 - 0.999 ** epoch);
      weights[feature] = (weights[feature] as number) - (LEARNING_RATE * correctedMoment) / (Math.sqrt(correctedVelocity) + 1e-8);
    }
  }
  const exported = new Map<string, number>();
  for (const [feature, position] of index) {
    const weight = weights[position] as number;
    if (Math.abs(weight) >= MIN_EXPORTED_WEIGHT) exported.set(feature, Math.round(weight * 100) / 100);
  }
  return { bias: Math.round((weights[biasIndex] as number) * 1000) / 1000, weights: exported };
}

function probability(model: Model, features: readonly string[]): number {
  let score = model.bias;
  for (const feature of features) score += model.weights.get(feature) ?? 0;
  return 1 / (1 + Math.exp(-score));
}

/** Precision and recall of predictions at `threshold` (a decisive sign always says danger). */
function figuresAt(predictions: readonly { probability: number; decisive: boolean; danger: boolean }[], threshold: number): { precision: number; recall: number } {
  let truePositives = 0;
  let flagged = 0;
  const dangers = predictions.filter((prediction) => prediction.danger).length;
  for (const prediction of predictions) {
    const said = prediction.decisive || prediction.probability >= threshold;
    if (said) flagged++;
    if (said && prediction.danger) truePositives++;
  }
  return { precision: truePositives / Math.max(flagged, 1), recall: truePositives / Math.max(dangers, 1) };
}

/**
 * The threshold that best balances precision and recall when each set is predicted by a model fitted on the other
 * sets: every set was written apart, so this is how the check does on wording it has not seen.
 */
function chooseThreshold(examples: readonly Example[], showCrossValidation: boolean, describe: (example: Example) => string): number {
  const predictions: { probability: number; decisive: boolean; danger: boolean; position: number; set: string }[] = [];
  const sets = [...new Set(examples.map((example) => example.set))];
  for (const set of sets) {
    const model = train(examples.filter((example) => example.set !== set));
    examples.forEach((example, position) => {
      if (example.set === set) predictions.push({ probability: probability(model, example.features), decisive: example.decisive, danger: example.danger, position, set });
    });
  }
  let best = { threshold: 0.5, score: -1 };
  for (let threshold = 0.2; threshold <= 0.8001; threshold += 0.02) {
    const { precision, recall } = figuresAt(predictions, threshold);
    const score = Math.min(precision, recall) - Math.abs(threshold - 0.5) / 100;
    if (score > best.score) best = { threshold: Math.round(threshold * 100) / 100, score };
  }
  for (const set of sets) {
    const ofSet = predictions.filter((prediction) => prediction.set === set);
    const { precision, recall } = figuresAt(ofSet, best.threshold);
    const misfired = ofSet.filter((prediction) => !prediction.danger && (prediction.decisive || prediction.probability >= best.threshold)).length;
    const figures = ofSet.some((prediction) => prediction.danger) ? `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}` : `ordinary reflections only, ${misfired} of ${ofSet.length} misfired`;
    console.log(`  ${set.padEnd(6)} predicted by the other sets: ${figures}`);
  }
  if (showCrossValidation) {
    for (const prediction of predictions) {
      const said = prediction.decisive || prediction.probability >= best.threshold;
      if (said !== prediction.danger) console.log(`  cv ${said ? 'misfired' : 'missed  '} ${prediction.probability.toFixed(2)} ${describe(examples[prediction.position] as Example)}`);
    }
  }
  const overall = figuresAt(predictions, best.threshold);
  console.log(`leave one set out (${sets.length} sets): threshold ${best.threshold}, precision ${overall.precision.toFixed(3)}, recall ${overall.recall.toFixed(3)}`);
  return best.threshold;
}

function modelModule(model: Model, threshold: number, trainedOn: number): string {
  const entries = [...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([feature, weight]) => `    ${JSON.stringify(feature)}: ${weight},`);
  return [
    '// Generated by scripts/train-safety.ts from test/fixtures/safety (train split): logistic regression weights. Do not edit.',
    '',
    '/** Bias, decision threshold and weight of each feature (see src/inbound/reflections/safety-check/features.ts for the names). */',
    'export const SAFETY_MODEL: { bias: number; threshold: number; trainedOn: number; weights: Readonly<Record<string, number>> } = {',
    `  bias: ${model.bias},`,
    `  threshold: ${threshold},`,
    '  /** How many reflections of the train split it was fitted on; a test compares this with the corpus. */',
    `  trainedOn: ${trainedOn},`,
    `  /** ${model.weights.size} features. */`,
    '  weights: {',
    ...entries,
    '  },',
    '};',
    '',
  ].join('\n');
}

async function explain(text: string): Promise<void> {
  const { features, signs } = featuresOf(text);
  console.log(JSON.stringify({ signs: [...signs], decisive: decisiveSigns([...signs]) }));
  const { SAFETY_MODEL } = await import('../src/inbound/reflections/safety-check/safety-model');
  const scored = [...features].map((feature) => [feature, SAFETY_MODEL.weights[feature] ?? 0] as const).filter(([, weight]) => weight !== 0);
  console.log(scored.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 15).map(([f, w]) => `${f}=${w}`).join('  '));
}

async function main(): Promise<void> {
  const explainAt = process.argv.indexOf('--explain');
  if (explainAt > 0) return explain(process.argv[explainAt + 1] ?? '');
  const trainItems = loadSafetyCorpus('train');
  const heldoutItems = loadSafetyCorpus('heldout');
  const examples = trainItems.map(toExample);
  const threshold = chooseThreshold(examples, process.argv.includes('--show-cv'), (example) => trainItems[examples.indexOf(example)]?.text ?? '');
  const model = train(examples);
  writeFileSync(MODEL_FILE, modelModule(model, threshold, examples.length));
  console.log(`wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${model.weights.size} weights, threshold ${threshold}`);

  const check = (text: string) => {
    const { features, signs } = featuresOf(text);
    return decisiveSigns([...signs]).length > 0 || probability(model, [...features]) >= threshold;
  };
  for (const [split, items] of [['train', trainItems], ['heldout', heldoutItems]] as const) {
    console.log(`${split.padEnd(7)} keyword baseline: ${formatFigures(measureCheck(items, keywordBaselineSaysDanger))}`);
    const figures = measureCheck(items, check);
    console.log(`${split.padEnd(7)} trained check:    ${formatFigures(figures)}`);
    if (process.argv.includes(`--show-${split}`)) {
      for (const item of figures.missed) console.log(`  missed   [${item.kind}] ${item.text}`);
      for (const item of figures.misfired) console.log(`  misfired [${item.kind}] ${item.text}`);
    }
  }
}

await main();
