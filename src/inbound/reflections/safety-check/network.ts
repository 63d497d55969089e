// Pure: the safety model as a small network over feature names: a weight per feature plus one hidden layer of ReLU units.

/** The model as the generated module stores it: features by 32-bit hash and 8-bit weights, in base64. */
export interface StoredNetwork {
  bias: number;
  threshold: number;
  /** How many reflections of the train split it was fitted on; a test compares this with the corpus. */
  trainedOn: number;
  /** Hidden units. */
  hidden: number;
  /** Each feature's name hashed (featureHash), 32 bits little-endian, in the order of the rows below. */
  featureHashes: string;
  /** A weight per feature (the linear part), 8-bit. */
  linear: StoredWeights;
  /** `hidden` weights per feature, row after row, 8-bit. */
  embedding: StoredWeights;
  hiddenBias: readonly number[];
  output: readonly number[];
}

/** Signed 8-bit weights in base64, each worth `scale` times its value. */
export interface StoredWeights {
  scale: number;
  base64: string;
}

/** Where each feature's row is: an open-addressing table over the features' hashes. */
export interface RowIndex {
  hashes: Uint32Array;
  slots: Int32Array;
}

/** The network ready to score: what training fits, and what the worker decodes. */
export interface Network {
  bias: number;
  hidden: number;
  rows: RowIndex;
  /** The linear part and the embedding, each worth its scale times its values (8-bit as stored, 1 while training). */
  linear: Float32Array | Int8Array;
  linearScale: number;
  embedding: Float32Array | Int8Array;
  embeddingScale: number;
  hiddenBias: Float32Array;
  output: Float32Array;
}

/**
 * A feature name's 32-bit FNV-1a hash. The worker keeps hashes, not names, so it never builds a map of 60,000
 * strings; an unknown name that shares a known one's hash (about one reflection in a thousand) adds that weight.
 */
export function featureHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let position = 0; position < name.length; position++) hash = Math.imul(hash ^ name.charCodeAt(position), 0x01000193);
  return hash >>> 0;
}

/** The table finding a row by hash: twice as many slots as rows (a power of two), each slot a row or -1. */
export function rowIndex(hashes: Uint32Array): RowIndex {
  let size = 2;
  while (size < hashes.length * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  hashes.forEach((hash, row) => {
    let slot = hash & (size - 1);
    while ((slots[slot] as number) >= 0) slot = (slot + 1) & (size - 1);
    slots[slot] = row;
  });
  return { hashes, slots };
}

/** The row of a feature name, or -1 when the network has none. */
export function rowOf(index: RowIndex, name: string): number {
  const hash = featureHash(name);
  const mask = index.slots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const row = index.slots[slot] as number;
    if (row < 0 || index.hashes[row] === hash) return row;
  }
}

/**
 * The network's score (log-odds of danger) for one set of feature names: the bias, each known feature's weight, and
 * the hidden units (the sum of the features' rows, through a ReLU) weighed by the output weights. Unknown names count
 * for nothing.
 */
export function networkScore(network: Network, features: Iterable<string>): number {
  const { hidden, embedding } = network;
  const sums = new Float32Array(hidden);
  let linear = 0;
  for (const feature of features) {
    const row = rowOf(network.rows, feature);
    if (row < 0) continue;
    linear += network.linear[row] as number;
    const start = row * hidden;
    for (let unit = 0; unit < hidden; unit++) sums[unit] = (sums[unit] as number) + (embedding[start + unit] as number);
  }
  let score = network.bias + linear * network.linearScale;
  for (let unit = 0; unit < hidden; unit++) {
    const value = (network.hiddenBias[unit] as number) + (sums[unit] as number) * network.embeddingScale;
    if (value > 0) score += value * (network.output[unit] as number);
  }
  return score;
}

/** How many words (`w:` features) are among `features`, and how many of them the network has a row for. */
export function knownWords(network: Network, features: Iterable<string>): { words: number; known: number } {
  let words = 0;
  let known = 0;
  for (const feature of features) {
    if (!feature.startsWith('w:')) continue;
    words++;
    if (rowOf(network.rows, feature) >= 0) known++;
  }
  return { words, known };
}

/** The probability of danger for one set of feature names. */
export function networkProbability(network: Network, features: Iterable<string>): number {
  return 1 / (1 + Math.exp(-networkScore(network, features)));
}

/** Reads a stored network (once per isolate: about ten milliseconds). */
export function decodeNetwork(stored: StoredNetwork): Network {
  const hashBytes = bytesOf(stored.featureHashes);
  const hashes = new Uint32Array(hashBytes.length / 4);
  for (let row = 0; row < hashes.length; row++) {
    const at = row * 4;
    hashes[row] = ((hashBytes[at] as number) | ((hashBytes[at + 1] as number) << 8) | ((hashBytes[at + 2] as number) << 16) | ((hashBytes[at + 3] as number) << 24)) >>> 0;
  }
  return {
    bias: stored.bias,
    hidden: stored.hidden,
    rows: rowIndex(hashes),
    linear: weightsOf(stored.linear),
    linearScale: stored.linear.scale,
    embedding: weightsOf(stored.embedding),
    embeddingScale: stored.embedding.scale,
    hiddenBias: Float32Array.from(stored.hiddenBias),
    output: Float32Array.from(stored.output),
  };
}

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let position = 0; position < text.length; position++) bytes[position] = text.charCodeAt(position);
  return bytes;
}

/** The stored bytes read as signed 8-bit values, in place (no copy). */
function weightsOf(stored: StoredWeights): Int8Array {
  const bytes = bytesOf(stored.base64);
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
