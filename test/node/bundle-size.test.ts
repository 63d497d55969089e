// The deployed worker stays small: gzipped bundle within its budget and no react-dom in it (CI fails when either breaks).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_LIMIT_BYTES, buildWorkerBundle, findReactDomMarkers, removeWorkerBundle, type WorkerBundle } from '../../bench/bundle-size';

const reactDomDir = path.dirname(createRequire(import.meta.url).resolve('react-dom/package.json'));

describe('the worker bundle (wrangler deploy --dry-run --minify)', () => {
  let bundle: WorkerBundle;

  beforeAll(async () => {
    bundle = await buildWorkerBundle();
  });

  afterAll(() => {
    if (bundle) removeWorkerBundle(bundle);
  });

  it(`weighs at most ${BUNDLE_LIMIT_BYTES / 1024} KiB gzipped`, () => {
    expect(bundle.gzipBytes).toBeGreaterThan(0);
    expect(bundle.gzipBytes, `gzipped bundle is ${(bundle.gzipBytes / 1024).toFixed(1)} KiB`).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
  });

  it('carries no react-dom', () => {
    expect(bundle.reactDomMarkers).toEqual([]);
  });

  it('would notice react-dom if it slipped in', () => {
    for (const file of ['react-dom-server.edge.production.js', 'react-dom.production.js']) {
      expect(findReactDomMarkers(readFileSync(path.join(reactDomDir, 'cjs', file), 'utf8')), file).not.toEqual([]);
    }
  });
});
