import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * What axe-core (the engine behind most accessibility checkers) finds wrong on the page as it is
 * now, at the serious and critical levels: unlabelled controls, missing names, contrast too low
 * to read, broken ARIA. Each as "rule: help (where)".
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // A string, not a function: the test compiles without the DOM's types; the page has them.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.help + ' (' +
        v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ') + ')'))`);
}

/** The same check in the light and the dark theme (colours, and so contrast, differ). */
export async function accessibilityProblemsInBothThemes(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    problems.push(...(await accessibilityProblems(page)).map((p) => `${colorScheme}: ${p}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}
