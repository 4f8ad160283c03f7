import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { serverUrl } from '../../electron/dev/web-server';
import { addRiskFlag } from '../../electron/core/store/repositories/risk-flags';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { twoVoiceRecording } from '../helpers/pipeline';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

/**
 * The Clients page in headless Chromium against the bridge and the real core: create (Enter,
 * a duplicate refused next to the field), rename in place, a client's sessions over time, and
 * assigning a session from its page. Recordings are imported, not processed: no run is needed.
 */
describe('clients in a browser', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let unassignedSession = '';

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
    });
    cleanups.push(() => core.shutdown());
    const robin = [];
    for (const [seconds, seed, date] of [
      [8, 51, '2026-01-12'],
      [9, 52, '2026-03-04'],
    ] as const)
      robin.push(
        await call(core, 'recordings.import', {
          path: twoVoiceRecording(seconds, seed),
          clientName: 'Robin Example',
          date,
        }),
      );
    // Generated speech holds no risk talk: a flag is added directly, for the chart and the counts.
    addRiskFlag(core.database.db, {
      sessionId: robin[0]?.sessionId ?? '',
      runId: null,
      kind: 'self_harm',
      evidence: {},
    });
    ({ sessionId: unassignedSession } = await call(core, 'recordings.import', {
      path: twoVoiceRecording(8, 53),
      date: '2026-03-20',
    }));
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  const row = (name: string) => page.getByTestId('clients-table').locator('tr', { hasText: name });

  it('lists clients with their session count, and creates one with Enter', async () => {
    await page.goto(`${serverUrl(vite)}#/clients`);
    await row('Robin Example').waitFor();
    expect(await row('Robin Example').locator('td').nth(1).textContent()).toBe('2');
    expect(await row('Robin Example').locator('td').nth(2).textContent()).toBe('2026-03-04');
    expect(await row('Robin Example').locator('td').nth(3).textContent()).toBe('1 risk flag');
    const field = page.getByLabel('New client');
    await field.fill('  Sam Rivers ');
    await field.press('Enter');
    await page.getByTestId('client-added').waitFor();
    await row('Sam Rivers').waitFor();
    expect(await field.inputValue()).toBe('');
  });

  it('refuses a duplicate next to the field, saying what to do', async () => {
    const field = page.getByLabel('New client');
    await field.fill('sam rivers');
    await field.press('Enter');
    const alert = page.locator('.create-client').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/already a client called “Sam Rivers”.*Open that/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe('sam rivers');
    await page.screenshot({ path: path.join(ARTIFACTS, 'clients-duplicate.png') });
    await field.fill('');
  });

  it('renames a client in place; focus returns to the Rename button', async () => {
    await page.getByRole('button', { name: 'Rename Sam Rivers' }).click();
    const input = page.getByLabel('New name for Sam Rivers');
    await input.fill('Sam R. Rivers');
    await input.press('Enter');
    await row('Sam R. Rivers').waitFor();
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label")'))
      .toBe('Rename Sam R. Rivers');
    // Sorting and filtering.
    await page.getByRole('button', { name: /^Sessions/ }).click();
    expect(await page.locator('tbody tr').first().textContent()).toContain('Robin Example');
    await page.getByLabel('Find by name').fill('riv');
    await page.getByText('1 of 2').waitFor();
    await page.getByLabel('Find by name').fill('');
  });

  it('shows a client’s sessions over time: a chart by month and a list, oldest first', async () => {
    await page.getByRole('link', { name: 'Robin Example' }).click();
    await page.getByRole('heading', { name: 'Robin Example' }).waitFor();
    const sessions = page.getByTestId('client-sessions').locator('tbody tr');
    await sessions.first().waitFor();
    expect(await sessions.allTextContents()).toEqual([
      expect.stringContaining('2026-01-12'),
      expect.stringContaining('2026-03-04'),
    ]);
    const months = await page.getByTestId('sessions-timeline').locator('[data-month]').all();
    expect(await Promise.all(months.map((m) => m.getAttribute('data-month')))).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    const riskyMonths = page.getByTestId('sessions-timeline').locator('[data-month]', {
      has: page.locator('.timeline-risk'),
    });
    expect(await riskyMonths.getAttribute('data-month')).toBe('2026-01');
    await page.screenshot({ path: path.join(ARTIFACTS, 'client-page.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'client-page-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('assigns a session to a client from the session page', async () => {
    await page.goto(`${serverUrl(vite)}#/sessions/${unassignedSession}`);
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    const select = page.getByLabel('Client of this session');
    await select.waitFor();
    await page.locator('option', { hasText: 'Sam R. Rivers' }).waitFor({ state: 'attached' });
    await select.selectOption({ label: 'Sam R. Rivers' });
    await page.getByRole('heading', { name: 'Sam R. Rivers' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'session-client-assigned.png') });
    await page.getByRole('link', { name: 'All their sessions' }).click();
    await page.getByRole('heading', { name: 'Sam R. Rivers' }).waitFor();
    expect(await page.getByTestId('client-session-count').textContent()).toBe('1');
    await page.getByTestId('client-sessions').getByRole('link', { name: '2026-03-20' }).waitFor();
  });

  it('links a client’s name in the sessions list to their page', async () => {
    await page.goto(serverUrl(vite));
    await page.getByRole('link', { name: 'Robin Example' }).first().click();
    await page.getByRole('heading', { name: 'Robin Example' }).waitFor();
  });

  it('has no serious accessibility problems on the clients list and a client’s page, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    await page.goto(`${serverUrl(vite)}#/clients`);
    await page.getByRole('link', { name: 'Robin Example' }).waitFor();
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('logs no console errors or warnings', () => {
    writeFileSync(path.join(ARTIFACTS, 'clients-console.json'), JSON.stringify(consoleProblems));
    expect(consoleProblems).toEqual([]);
  });
});
