import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { STEADY_WORRIER } from '../fixtures/clients/plan-clients';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { seedClientHistory } from '../helpers/client-history';
import { openDesk } from '../helpers/desk';
import { makeTempDir } from '../helpers/fixtures';

/**
 * The treatment plan on a client's page: updates proposed from a signed session (with the run's
 * progress), each accepted, edited or rejected by the clinician, and the plan with its version and
 * each goal's timeline after a reload.
 */
describe('the treatment plan on the client page', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let vite: ViteDevServer;
  let page: Page;
  let clientId: string;
  let sessions: Map<string, string>;

  beforeAll(async () => {
    const core: Core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    ({ clientId, sessions } = seedClientHistory(core.database.db, STEADY_WORRIER));
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  const proposal = (kind: string) => page.locator(`li[data-proposal-kind="${kind}"]`);

  it('proposes updates from a chosen signed session, labelled as the rules’', async () => {
    await page.goto(`${serverUrl(vite)}/#/clients/${clientId}`);
    await page.getByRole('heading', { name: 'Treatment plan' }).waitFor();
    await page.getByTestId('plan-empty').waitFor();
    await page.getByLabel('From the signed session of').selectOption({ label: '2026-11-02' });
    await page.getByRole('button', { name: 'Propose plan updates' }).click();
    await page.getByRole('heading', { name: /Proposed changes/ }).waitFor();
    await page.getByText('Proposed by Cairn’s rules (no model) from the session of').waitFor();
    const goal = proposal('add_goal');
    for (const part of ['Specific', 'Measurable', 'Achievable', 'Relevant', 'Time-bound'])
      expect(await goal.getByRole('term').filter({ hasText: part }).count()).toBe(1);
    await goal.getByText('Within eight weeks of 2026-11-02').waitFor();
  });

  it('accepts one, edits one and rejects one, each by keyboard-reachable buttons', async () => {
    await proposal('add_goal').getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByTestId('plan-version').getByText('Version 1').waitFor();

    const homework = proposal('add_homework');
    await homework.getByRole('button', { name: 'Edit' }).click();
    await homework.getByLabel('Homework').fill('Complete a thought record on two evenings.');
    await homework.getByRole('button', { name: 'Accept edited' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('plan-version').getByText('Version 2').waitFor();

    const before = await proposal('add_intervention').count();
    await proposal('add_intervention').first().getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => proposal('add_intervention').count()).toBe(before - 1);
  });

  it('after a reload shows version 2, the edit, and the goal’s timeline', async () => {
    await page.reload();
    await page.getByTestId('plan-version').getByText('Version 2').waitFor();
    await page.getByText('Complete a thought record on two evenings. (given 2026-11-02)').waitFor();
    const timeline = page.getByRole('list', {
      name: 'Timeline of: Bring anxiety down to 4 out of 10 within eight weeks',
    });
    const entry = timeline.getByRole('listitem');
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('2026-11-02');
    expect(await entry.textContent()).toContain('Not started');
    expect(
      await timeline.locator(`a[href="#/sessions/${sessions.get('2026-11-02') ?? ''}"]`).count(),
    ).toBe(1);
    const versions = page.getByRole('heading', { name: 'Versions' });
    await versions.waitFor();
  });

  it('moves the goal when a later session shows progress', async () => {
    await page.getByLabel('From the signed session of').selectOption({ label: '2026-11-09' });
    await page.getByRole('button', { name: 'Propose plan updates' }).click();
    const status = proposal('goal_status');
    await status.waitFor();
    await status.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByTestId('plan-version').getByText('Version 3').waitFor();
    const timeline = page.getByRole('list', { name: /^Timeline of: Bring anxiety/ });
    await timeline.getByText('Progressing').waitFor();
  });

  it('is reached from a signed session’s desk with that session chosen', async () => {
    const signed = sessions.get('2026-11-16') ?? '';
    await page.goto(`${serverUrl(vite)}/#/sessions/${signed}`);
    await page.getByRole('link', { name: 'Update the treatment plan' }).click();
    await page.getByRole('heading', { name: 'Treatment plan' }).waitFor();
    expect(await page.getByLabel('From the signed session of').inputValue()).toBe(signed);
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
