// Runs axe-core (WCAG 2 A and AA rules) in a real page and reports each violation with the elements at fault.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs in the page (a string, as it uses the page's globals): axe on the whole document, WCAG 2.0/2.1 A and AA. */
const AXE_RUN = `(async () => {
  const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => node.target.join(' ')) }));
})()`;

/** The page's WCAG 2 A/AA violations, as short lines a failing test can print. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = (await page.evaluate(AXE_RUN)) as AxeViolation[];
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.slice(0, 5).join(', ')}`);
}

/** True when the page itself scrolls sideways (a table box scrolling inside the page does not count). */
export async function pageScrollsSideways(page: Page): Promise<boolean> {
  return (await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth + 1')) as boolean;
}
