// `npx tsx scripts/train-safety.ts`: fits the safety model on the train split (scripts/safety/fit.ts) and writes src/inbound/reflections/safety-check/safety-model.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keywordBaselineSaysDanger } from '../bench/safety-keyword-baseline';
import { SIGN_PRIORS, decisiveSigns } from '../src/inbound/reflections/safety-check/danger-signs';
import { featuresOf } from '../src/inbound/reflections/safety-check/features';
import { passageFeaturesOf } from '../src/inbound/reflections/safety-check/passages';
import { fitModel, probabilityOfExample, type Example, type Model } from './safety/fit';
import { formatFigures, loadSafetyCorpus, measureCheck, type LabelledReflection } from '../test/support/safety-corpus';

const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'inbound', 'reflections', 'safety-check', 'safety-model.ts');
/** Weights smaller than this are dropped from the exported model. */
const MIN_EXPORTED_WEIGHT = Number(process.env.MIN_EXPORTED_WEIGHT ?? 0.1);
/** The threshold is chosen on folds of whole sets: each set is predicted by a model that never saw it. */
const SET_FOLDS = 5;

function toExample(item: LabelledReflection): Example {
  const { whole, runs } = passageFeaturesOf(item.text);
  return { whole: [...whole.features], passages: runs.map((run) => [...run]), decisive: decisiveSigns([...whole.signs]).length > 0, danger: item.danger, set: item.set };
}

/** The model as exported: small weights dropped, the rest to two decimals. */
function exportable(model: Model): Model {
  const weights = new Map<string, number>();
  for (const [feature, weight] of model.weights) if (Math.abs(weight) >= MIN_EXPORTED_WEIGHT) weights.set(feature, Math.round(weight * 100) / 100);
  return { bias: Math.round(model.bias * 1000) / 1000, weights };
}

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
 * The threshold that best balances precision and recall when each set is predicted by a model fitted without it (sets
 * in SET_FOLDS folds): every set was written apart, so this is how the check does on wording it has not seen.
 */
function chooseThreshold(examples: readonly Example[], showCrossValidation: boolean, describe: (example: Example) => string): number {
  const predictions: { probability: number; decisive: boolean; danger: boolean; position: number; set: string }[] = [];
  const sets = [...new Set(examples.map((example) => example.set))];
  for (let fold = 0; fold < SET_FOLDS; fold++) {
    const held = new Set(sets.filter((_, position) => position % SET_FOLDS === fold));
    const model = fitModel(examples.filter((example) => !held.has(example.set)), SIGN_PRIORS);
    examples.forEach((example, position) => {
      if (held.has(example.set)) predictions.push({ probability: probabilityOfExample(model, example), decisive: example.decisive, danger: example.danger, position, set: example.set });
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
    console.log(`  ${set.padEnd(6)} predicted without it: ${figures}`);
  }
  if (showCrossValidation) {
    for (const prediction of predictions) {
      const said = prediction.decisive || prediction.probability >= best.threshold;
      if (said !== prediction.danger) console.log(`  cv ${said ? 'misfired' : 'missed  '} ${prediction.probability.toFixed(2)} ${describe(examples[prediction.position] as Example)}`);
    }
  }
  const overall = figuresAt(predictions, best.threshold);
  console.log(`sets held out in ${SET_FOLDS} folds (${sets.length} sets): threshold ${best.threshold}, precision ${overall.precision.toFixed(3)}, recall ${overall.recall.toFixed(3)}`);
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
  const model = exportable(fitModel(examples, SIGN_PRIORS));
  writeFileSync(MODEL_FILE, modelModule(model, threshold, examples.length));
  console.log(`wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${model.weights.size} weights, threshold ${threshold}`);

  const check = (text: string) => {
    const example = toExample({ text, danger: false, kind: '', set: '' });
    return example.decisive || probabilityOfExample(model, example) >= threshold;
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
