// `npx tsx scripts/train-safety.ts`: fits the safety model on the train split (scripts/safety/fit.ts) and writes src/inbound/reflections/safety-check/safety-model.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keywordBaselineSaysDanger } from '../bench/safety-keyword-baseline';
import { assessWith } from '../src/inbound/reflections/safety-check/assess-danger';
import { SIGN_PRIORS, decisiveSigns } from '../src/inbound/reflections/safety-check/danger-signs';
import { featuresOf } from '../src/inbound/reflections/safety-check/features';
import { passageFeaturesOf } from '../src/inbound/reflections/safety-check/passages';
import { decodeNetwork, networkScore, rowOf, type Network, type StoredNetwork, type StoredWeights } from '../src/inbound/reflections/safety-check/network';
import { fitModel, probabilityOfExample, type Example } from './safety/fit';
import { formatFigures, loadSafetyCorpus, measureCheck, type LabelledReflection } from '../test/support/safety-corpus';

const MODEL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'inbound', 'reflections', 'safety-check', 'safety-model.ts');
/** The threshold is chosen on folds of whole sets: each set is predicted by a model that never saw it. */
const SET_FOLDS = 5;

function toExample(item: LabelledReflection): Example {
  const { whole, runs } = passageFeaturesOf(item.text);
  return { whole: [...whole.features], passages: runs.map((run) => [...run]), decisive: decisiveSigns([...whole.signs]).length > 0, danger: item.danger, set: item.set };
}

/** Signed 8-bit weights: each (its value times `worth`) is rounded to one of 255 steps of the largest one's size. */
function storedWeights(values: Float32Array | Int8Array, worth: number): StoredWeights {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value * worth));
  const scale = largest / 127 || 1;
  const bytes = Buffer.from(Int8Array.from(values, (value) => Math.round((value * worth) / scale)).buffer);
  return { scale: Number(scale.toPrecision(8)), base64: bytes.toString('base64') };
}

/** The model as the worker stores it: features by hash, weights in 8 bits, small numbers to six digits. */
function stored(model: Network, threshold: number, trainedOn: number): StoredNetwork {
  const round = (value: number) => Number(value.toPrecision(6));
  return {
    bias: round(model.bias),
    threshold,
    trainedOn,
    hidden: model.hidden,
    featureHashes: Buffer.from(model.rows.hashes.buffer, model.rows.hashes.byteOffset, model.rows.hashes.byteLength).toString('base64'),
    linear: storedWeights(model.linear, model.linearScale),
    embedding: storedWeights(model.embedding, model.embeddingScale),
    hiddenBias: Array.from(model.hiddenBias, round),
    output: Array.from(model.output, round),
  };
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

function modelModule(model: StoredNetwork): string {
  return [
    '// Generated by scripts/train-safety.ts from test/fixtures/safety (train split): the safety network. Do not edit.',
    "import type { StoredNetwork } from './network';",
    '',
    `/** ${Buffer.from(model.featureHashes, 'base64').length / 4} features, ${model.hidden} hidden units (see network.ts; the names come from features.ts). */`,
    `export const SAFETY_MODEL: StoredNetwork = ${JSON.stringify(model, null, 2)};`,
    '',
  ].join('\n');
}

async function explain(text: string): Promise<void> {
  const { features, signs } = featuresOf(text);
  console.log(JSON.stringify({ signs: [...signs], decisive: decisiveSigns([...signs]) }));
  const { SAFETY_MODEL } = await import('../src/inbound/reflections/safety-check/safety-model');
  const network = decodeNetwork(SAFETY_MODEL);
  const all = networkScore(network, features);
  // Each feature's share: how much the score falls without it.
  const shares = [...features].filter((feature) => rowOf(network.rows, feature) >= 0).map((feature) => [feature, all - networkScore(network, [...features].filter((other) => other !== feature))] as const);
  console.log(`score ${all.toFixed(2)}: ` + shares.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 15).map(([f, w]) => `${f}=${w.toFixed(2)}`).join('  '));
}

async function main(): Promise<void> {
  const explainAt = process.argv.indexOf('--explain');
  if (explainAt > 0) return explain(process.argv[explainAt + 1] ?? '');
  const trainItems = loadSafetyCorpus('train');
  const examples = trainItems.map(toExample);
  const threshold = chooseThreshold(examples, process.argv.includes('--show-cv'), (example) => trainItems[examples.indexOf(example)]?.text ?? '');
  const storedModel = stored(fitModel(examples, SIGN_PRIORS), threshold, examples.length);
  const text = modelModule(storedModel);
  writeFileSync(MODEL_FILE, text);
  // Measured below as the worker reads it: decoded from what was written, 8-bit weights and all.
  const model = decodeNetwork(storedModel);
  console.log(`wrote ${path.relative(process.cwd(), MODEL_FILE)}: ${model.rows.hashes.length} features, ${model.hidden} hidden units, ${(text.length / 1024).toFixed(0)} KiB, threshold ${threshold}`);

  const check = (text: string) => assessWith(model, threshold, text).danger;
  for (const split of ['train', 'heldout', 'heldout12', 'heldout13', 'round6'] as const) {
    const items = split === 'train' ? trainItems : loadSafetyCorpus(split);
    console.log(`${split.padEnd(9)} keyword baseline: ${formatFigures(measureCheck(items, keywordBaselineSaysDanger))}`);
    const figures = measureCheck(items, check);
    console.log(`${split.padEnd(9)} trained check:    ${formatFigures(figures)}`);
    if (process.argv.includes(`--show-${split}`)) {
      for (const item of figures.missed) console.log(`  missed   [${item.kind}] ${item.text}`);
      for (const item of figures.misfired) console.log(`  misfired [${item.kind}] ${item.text}`);
    }
  }
}

await main();
