// One clock: features take `now` from their caller; only the edges read the wall clock, and this test names them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '..', '..', 'src');
/** Where the wall clock may be read: the services' clock itself, the request timer, and the pace object (real seconds at the provider). */
const WALL_CLOCK_READERS = ['services.ts', 'app.tsx', path.join('dispatch', 'pace-object.ts')];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the clock', () => {
  it('is read only at the edges: no Date.now() or argument-less new Date() in feature code', () => {
    const readers = sourceFiles(SRC)
      .filter((file) => /\bDate\.now\(\)|new Date\(\)/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file))
      .sort();
    expect(readers).toEqual([...WALL_CLOCK_READERS].sort());
  });
});
