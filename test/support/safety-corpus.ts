// The labelled reflections of test/fixtures/safety, and precision and recall of any danger check over them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `train` fits the model (the first corpus and every development set through `dev39`); `heldout` (set 11), `heldout12`
 * (set 12) and `heldout13` (set 13) were written apart and never tuned on or read; `round6` (`dev40`-`dev44`) was
 * written as training data, but training on it lowered recall on all three held-out sets, so it is held out too.
 */
export type CorpusSplit = 'train' | 'heldout' | 'heldout12' | 'heldout13' | 'round6';

const FILES: Record<CorpusSplit, string[]> = {
  train: ['train', 'dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev22', 'dev23', 'dev24', 'dev25', 'dev26', 'dev27', 'dev28', 'dev29', 'dev30', 'dev31', 'dev32', 'dev33', 'dev34', 'dev35', 'dev36', 'dev37', 'dev38', 'dev39'],
  heldout: ['heldout'],
  heldout12: ['heldout12'],
  heldout13: ['heldout13'],
  round6: ['dev40', 'dev41', 'dev42', 'dev43', 'dev44'],
};

export interface LabelledReflection {
  text: string;
  danger: boolean;
  /** The `# heading` the reflection is written under, e.g. "strangulation without the word". */
  kind: string;
  /** The set it was written in (the file's prefix, e.g. `dev7`): sets were written apart, so each is a fair test of the others. */
  set: string;
}

const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'safety');

function readLabelled(set: string, danger: boolean): LabelledReflection[] {
  const file = `${set}-${danger ? 'danger' : 'safe'}.txt`;
  // A set of ordinary reflections only has no danger file.
  if (!existsSync(path.join(CORPUS_DIR, file))) return [];
  const items: LabelledReflection[] = [];
  let kind = '';
  for (const line of readFileSync(path.join(CORPUS_DIR, file), 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith('#')) {
      kind = trimmed.replace(/^#\s*/, '');
      continue;
    }
    items.push({ text: trimmed, danger, kind, set });
  }
  return items;
}

/** Every reflection of one split, danger first: one per line in `<set>-danger.txt` and `<set>-safe.txt`, `#` lines naming the kind of the lines below. */
export function loadSafetyCorpus(split: CorpusSplit): LabelledReflection[] {
  const prefixes = FILES[split];
  return [...prefixes.flatMap((prefix) => readLabelled(prefix, true)), ...prefixes.flatMap((prefix) => readLabelled(prefix, false))];
}

export interface CheckFigures {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  total: number;
  /** The reflections the check got wrong, for reading. */
  missed: LabelledReflection[];
  misfired: LabelledReflection[];
}

/** Precision and recall of `check` (true = danger) over `items`. */
export function measureCheck(items: readonly LabelledReflection[], check: (text: string) => boolean): CheckFigures {
  const missed: LabelledReflection[] = [];
  const misfired: LabelledReflection[] = [];
  let truePositives = 0;
  for (const item of items) {
    const said = check(item.text);
    if (said && item.danger) truePositives++;
    else if (said) misfired.push(item);
    else if (item.danger) missed.push(item);
  }
  const flagged = truePositives + misfired.length;
  const dangers = truePositives + missed.length;
  return {
    precision: flagged === 0 ? 1 : truePositives / flagged,
    recall: dangers === 0 ? 1 : truePositives / dangers,
    truePositives,
    falsePositives: misfired.length,
    falseNegatives: missed.length,
    total: items.length,
    missed,
    misfired,
  };
}

/** One line of figures, e.g. "precision 0.97 recall 0.96 (tp 118, fp 4, fn 5, n 308)". */
export function formatFigures(figures: CheckFigures): string {
  const { precision, recall, truePositives, falsePositives, falseNegatives, total } = figures;
  return `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${truePositives}, fp ${falsePositives}, fn ${falseNegatives}, n ${total})`;
}
