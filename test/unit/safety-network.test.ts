// The safety network's storage: features found by hash, 8-bit weights decoded as stored, scores as the sum it claims.
import { describe, expect, it } from 'vitest';
import { decodeNetwork, featureHash, knownWords, networkScore, rowIndex, rowOf, type StoredNetwork } from '../../src/inbound/reflections/safety-check/network';

/** Base64 of little-endian 32-bit values, as scripts/train-safety.ts writes them. */
function base64Of(values: readonly number[], bytes: 1 | 4): string {
  const raw: number[] = [];
  for (const value of values) for (let byte = 0; byte < bytes; byte++) raw.push((value >>> (8 * byte)) & 0xff);
  return btoa(String.fromCharCode(...raw));
}

describe('the safety network', () => {
  it('hashes feature names with 32-bit FNV-1a', () => {
    // The published FNV-1a test vectors: "" is the offset basis, "a" and "foobar" as listed by the algorithm's authors.
    expect(featureHash('')).toBe(0x811c9dc5);
    expect(featureHash('a')).toBe(0xe40c292c);
    expect(featureHash('foobar')).toBe(0xbf9cf968);
  });

  it('finds every row by its name and none for a name it was not given, colliding slots included', () => {
    const names = Array.from({ length: 5000 }, (_, index) => `w:word${index}`);
    const index = rowIndex(Uint32Array.from(names, featureHash));
    names.forEach((name, row) => expect(rowOf(index, name)).toBe(row));
    expect(rowOf(index, 'w:unknown')).toBe(-1);
  });

  it('decodes 8-bit weights with their scale and scores the linear part and the ReLU units', () => {
    const stored: StoredNetwork = {
      bias: -1,
      threshold: 0.5,
      trainedOn: 2,
      hidden: 2,
      featureHashes: base64Of([featureHash('w:a'), featureHash('w:b')], 4),
      linear: { scale: 0.5, base64: base64Of([2, 0xfe], 1) }, // w:a +1, w:b -1
      embedding: { scale: 0.25, base64: base64Of([4, 0xfc, 8, 8], 1) }, // w:a [+1, -1], w:b [+2, +2]
      hiddenBias: [0, 0.5],
      output: [1, 2],
    };
    const network = decodeNetwork(stored);
    // w:a alone: -1 + 1 + relu(1)·1 + relu(-1 + 0.5)·2 = 1
    expect(networkScore(network, ['w:a'])).toBeCloseTo(1);
    // both: -1 + 1 - 1 + relu(3)·1 + relu(1 + 0.5)·2 = 5
    expect(networkScore(network, ['w:a', 'w:b', 'w:unknown'])).toBeCloseTo(5);
    expect(networkScore(network, [])).toBeCloseTo(-1 + 0.5 * 2);
    expect(knownWords(network, ['w:a', 'w:zzz', 'b:a b', 's:threat'])).toEqual({ words: 2, known: 1 });
  });
});
