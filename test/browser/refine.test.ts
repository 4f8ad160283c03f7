import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { openDesk } from '../helpers/desk';
import { makeTempDir } from '../helpers/fixtures';
import { seedRefinableNote } from '../helpers/refine';

/**
 * Refinement chat beside the note on the session desk (no notes model: the rules): ask for a
 * shorter plan, see the diff, accept it; after a reload the note has the revision and the panel
 * the history; another request rejected; once signed, refinement is closed.
 */
describe('refining a note on the desk', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let vite: ViteDevServer;
  let page: Page;
  let sessionId: string;

  beforeAll(async () => {
    const core: Core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'dr-lee',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    ({ sessionId } = seedRefinableNote(core.database.db));
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  const panel = () => page.getByTestId('refine-panel');
  const planStatement = (n: number) => page.getByLabel(`Plan, statement ${n}`, { exact: true });

  it('asks for a shorter plan, shows the diff, and accepts it by keyboard', async () => {
    await page.goto(`${serverUrl(vite)}/#/sessions/${sessionId}`);
    await panel().waitFor();
    await panel().getByLabel('Refine').selectOption({ label: 'Plan' });
    await panel().getByLabel('What should change?').fill('make the plan section shorter');
    await page.keyboard.press('Enter');
    const proposal = page.getByTestId('refine-proposal');
    await proposal.waitFor();
    await proposal.getByText(/^Proposed for .* by rules\.$/).waitFor();
    const diff = proposal.getByRole('region', { name: 'Changes to Plan' });
    expect(await diff.locator('del').allTextContents()).toContainEqual(
      expect.stringContaining('Review progress with work worries.'),
    );
    // Other sections did not change, so they are not shown.
    expect(await proposal.getByRole('region').count()).toBe(1);
    await proposal.getByRole('button', { name: 'Accept', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => planStatement(2).inputValue()).toBe('Meet again next Tuesday at ten.');
  });

  it('after a reload shows the revision and the history; rejects another request', async () => {
    await page.reload();
    await expect
      .poll(() => planStatement(1).inputValue())
      .toBe('Continue cognitive restructuring with the thought record.');
    const history = page.getByTestId('refine-history');
    await history.getByText('make the plan section shorter').waitFor();
    expect(await history.locator('li').first().textContent()).toMatch(/rules.*accepted/);

    await panel().getByLabel('Refine').selectOption({ label: 'Subjective' });
    await panel().getByLabel('What should change?').fill('less jargon');
    await panel().getByRole('button', { name: 'Ask' }).click();
    const proposal = page.getByTestId('refine-proposal');
    await proposal.getByRole('region', { name: 'Changes to Subjective' }).waitFor();
    expect(await proposal.locator('ins').first().textContent()).toContain('added:');
    await proposal.getByRole('button', { name: 'Reject' }).click();
    await history.locator('li[data-status="rejected"]').getByText('less jargon').waitFor();
    expect(await proposal.count()).toBe(0);
    expect(await page.getByLabel('Subjective, statement 1').inputValue()).toMatch(/ruminating/);
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('closes refinement once the note is signed', async () => {
    await page.getByTestId('approve').click();
    await page.getByTestId('approved').waitFor();
    await page.getByTestId('refine-closed').getByText('add an addendum').waitFor();
    expect(await panel().getByLabel('What should change?').count()).toBe(0);
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
