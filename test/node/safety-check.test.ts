// The safety check measured on the labelled corpus: precision and recall against the old keyword check, and its cost.
import { describe, expect, it } from 'vitest';
import { keywordBaselineSaysDanger } from '../../bench/safety-keyword-baseline';
import { speaksOfDanger } from '../../src/inbound/reflections/safety';
import { MAX_CHECKED_CHARS } from '../../src/inbound/reflections/safety-check/read-text';
import { SAFETY_MODEL } from '../../src/inbound/reflections/safety-check/safety-model';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCorpus } from '../support/reply-corpus';
import { formatFigures, loadSafetyCorpus, measureCheck } from '../support/safety-corpus';

/** The product's target: met on the train split, not yet on reflections written apart (about 0.9 both ways). */
const TARGET = 0.95;
/**
 * What the check reached on the held-out split (set 11, 420 lines written apart and never read, measured once with the
 * model trained on every other set: precision 0.949, recall 0.935): the floor this test keeps. Below the target; see
 * test/fixtures/safety/README.md.
 */
const HELD_OUT_FLOOR = { precision: 0.945, recall: 0.93 };

describe('the safety check on the labelled corpus', () => {
  const train = loadSafetyCorpus('train');
  const heldout = loadSafetyCorpus('heldout');

  it('was trained on the train split as it stands (retrain with scripts/train-safety.ts after editing the corpus)', () => {
    expect(SAFETY_MODEL.trainedOn).toBe(train.length);
  });

  it('keeps train and held-out apart, each with dangers and a third or more figurative or ordinary uses of violent words', () => {
    const trainTexts = new Set(train.map((item) => item.text.toLowerCase()));
    expect(heldout.filter((item) => trainTexts.has(item.text.toLowerCase()))).toEqual([]);
    expect(train.length + heldout.length).toBeGreaterThanOrEqual(600);
    for (const split of [train, heldout]) {
      expect(split.filter((item) => item.danger).length).toBeGreaterThan(split.length / 3);
      expect(split.filter((item) => !item.danger).length).toBeGreaterThan(split.length / 3);
    }
  });

  it(`reaches ${TARGET} on the train split and holds its floor on the held-out split, far above the keyword check it replaces`, () => {
    for (const [name, items, floor] of [['train', train, { precision: TARGET, recall: TARGET }], ['held-out', heldout, HELD_OUT_FLOOR]] as const) {
      const before = measureCheck(items, keywordBaselineSaysDanger);
      const after = measureCheck(items, speaksOfDanger);
      console.log(`safety ${name.padEnd(8)} keyword check: ${formatFigures(before)}`);
      console.log(`safety ${name.padEnd(8)} trained check: ${formatFigures(after)}`);
      expect(after.precision, `${name} precision`).toBeGreaterThanOrEqual(floor.precision);
      expect(after.recall, `${name} recall`).toBeGreaterThanOrEqual(floor.recall);
      expect(after.precision).toBeGreaterThan(before.precision);
      expect(after.recall).toBeGreaterThan(before.recall * 2);
    }
  });

  it('takes microseconds per reflection, and a bounded time on a 1 MiB reply', () => {
    const texts = [...train, ...heldout].map((item) => item.text);
    for (const text of texts) speaksOfDanger(text);
    const rounds = 5;
    const started = performance.now();
    for (let round = 0; round < rounds; round++) for (const text of texts) speaksOfDanger(text);
    const microseconds = ((performance.now() - started) * 1000) / (rounds * texts.length);
    console.log(`safety check: ${microseconds.toFixed(1)} µs per reflection (mean of ${rounds * texts.length} calls)`);
    // Typically tens of microseconds; the bound leaves room for a busy CI machine.
    expect(microseconds).toBeLessThan(1000);

    const long = 'He said he would call me.\n'.repeat(45_000);
    expect(long.length).toBeGreaterThan(1024 * 1024);
    const longStarted = performance.now();
    expect(speaksOfDanger(long)).toBe(false);
    const longMs = performance.now() - longStarted;
    console.log(`safety check: ${longMs.toFixed(2)} ms for a ${(long.length / 1024).toFixed(0)} KiB reply (reads the first ${MAX_CHECKED_CHARS} characters)`);
    // Only the first MAX_CHECKED_CHARS are read: an unbounded or quadratic reader would take seconds here.
    expect(longMs).toBeLessThan(250);
  });

  it('raises no alarm on almost every ordinary reply: the reflections of the reply corpus', () => {
    const corpusDir = path.join(__dirname, '..', 'fixtures', 'replies', 'corpus');
    const ordinary = [...new Set(readdirSync(corpusDir).flatMap((file) => parseCorpus(readFileSync(path.join(corpusDir, file), 'utf8')).map((item) => item.expected)))].filter(Boolean);
    const alarmed = ordinary.filter((text) => speaksOfDanger(text));
    console.log(`safety ordinary replies: ${alarmed.length} of ${ordinary.length} raise the alarm`);
    expect(ordinary.length).toBeGreaterThan(80);
    // Two of 87 still do (a note left on the fridge, a pasted feedback banner); see test/fixtures/safety/README.md.
    expect(alarmed.length).toBeLessThanOrEqual(2);
  });
});
