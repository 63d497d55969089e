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

/** The product's target: met on the train split, on set 11, on set 12's recall and set 13's precision (see the floors). */
const TARGET = 0.95;
/**
 * What the check reached on the sets held out, each written apart and never read, measured with the network trained on
 * the train split (test/fixtures/safety/README.md): set 11 (420 lines) precision 0.975, recall 0.970; set 12 (410
 * lines, written as an outside tester would) 0.946 / 0.955; set 13 (409 lines, written as an auditor would, measured
 * once) 0.989 / 0.925; the sixth round's five sets (2,848 lines of the hardest boundaries) 0.851 / 0.867. These are
 * the floors kept.
 */
const HELD_OUT_FLOORS = {
  heldout: { precision: 0.97, recall: 0.965 },
  heldout12: { precision: 0.945, recall: 0.95 },
  heldout13: { precision: 0.985, recall: 0.92 },
  round6: { precision: 0.85, recall: 0.865 },
};

describe('the safety check on the labelled corpus', () => {
  const train = loadSafetyCorpus('train');
  const heldout = loadSafetyCorpus('heldout');
  const heldout12 = loadSafetyCorpus('heldout12');
  const heldout13 = loadSafetyCorpus('heldout13');
  const round6 = loadSafetyCorpus('round6');

  it('was trained on the train split as it stands (retrain with scripts/train-safety.ts after editing the corpus)', () => {
    expect(SAFETY_MODEL.trainedOn).toBe(train.length);
  });

  it('keeps train and held-out apart, each with dangers and a third or more figurative or ordinary uses of violent words', () => {
    const trainTexts = new Set(train.map((item) => item.text.toLowerCase()));
    for (const split of [heldout, heldout12, heldout13, round6]) {
      expect(split.filter((item) => trainTexts.has(item.text.toLowerCase()))).toEqual([]);
      expect(split.length).toBeGreaterThanOrEqual(300);
    }
    for (const split of [train, heldout, heldout12, heldout13, round6]) {
      expect(split.filter((item) => item.danger).length).toBeGreaterThan(split.length / 3);
      expect(split.filter((item) => !item.danger).length).toBeGreaterThan(split.length / 3);
    }
  });

  it(`reaches ${TARGET} on the train split and holds its floors on both held-out sets, far above the keyword check it replaces`, () => {
    const splits = [
      ['train', train, { precision: TARGET, recall: TARGET }],
      ['set 11', heldout, HELD_OUT_FLOORS.heldout],
      ['set 12', heldout12, HELD_OUT_FLOORS.heldout12],
      ['set 13', heldout13, HELD_OUT_FLOORS.heldout13],
      ['round 6', round6, HELD_OUT_FLOORS.round6],
    ] as const;
    for (const [name, items, floor] of splits) {
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
    const texts = [...train, ...heldout, ...heldout12, ...heldout13].map((item) => item.text);
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
    expect(ordinary.length).toBeGreaterThan(110);
    // Four of 129 still do, all short: a thank-you for the step, a note left on the fridge, a letter to oneself,
    // "I will tell you how it went..."; see test/fixtures/safety/README.md.
    expect(alarmed.length).toBeLessThanOrEqual(4);
  });
});
