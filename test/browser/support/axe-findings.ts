// Runs axe-core (WCAG 2 A and AA rules) inside a page loaded in real Chromium, and lists what it found.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js');

/** One axe violation, shortened to what a failing test should print. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Injects axe-core's own source into `page` and runs the WCAG 2.0/2.1 A and AA rules. Resolves to the
 * violations (empty when the page passes). The page's context needs `bypassCSP: true`: our CSP allows only our own script.
 */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: AXE_SOURCE_PATH });
  return page.evaluate(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  })()`) as Promise<AxeFinding[]>;
}
