import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
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
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

/**
 * "Export records…" in Settings, in headless Chromium against the bridge and the real core: the
 * dialog by keyboard, the warning when names are asked for, a refused folder, then a client's
 * records exported with names and the result read from the folder itself.
 */
describe('exporting records from the desk', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
    });
    cleanups.push(() => core.shutdown());
    seedClientHistory(core.database.db, STEADY_WORRIER);
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('exports one client with names after a warning, and says where', async () => {
    await page.goto(`${serverUrl(vite)}/#/settings`);
    await page.getByTestId('export-records').click();
    const dialog = page.getByRole('dialog', { name: 'Export records' });
    await dialog.waitFor();
    await dialog.getByLabel('One client').check();
    await expect.poll(() => dialog.getByLabel('Client', { exact: true }).inputValue()).not.toBe('');
    await dialog.getByLabel('CSV').uncheck();
    // Names only after a plain-words warning (ticked from the keyboard), which the button repeats.
    await dialog.getByLabel('Include names and identifiers').focus();
    await page.keyboard.press('Space');
    await dialog.getByText('The files will name your clients').waitFor();
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-records.png') });

    await dialog.getByLabel('Export to').fill(path.join(temp.dir, 'data', 'inside'));
    await dialog.getByRole('button', { name: 'Export with names' }).click();
    await dialog.getByRole('alert').getByText('outside the Cairn library folder').waitFor();

    const folder = path.join(temp.dir, 'ingrid-records');
    await dialog.getByLabel('Export to').fill(folder);
    await dialog.getByLabel('Export to').press('Enter');
    const done = dialog.getByTestId('export-done');
    await done.waitFor();
    expect(await done.textContent()).toContain(
      `Exported ${STEADY_WORRIER.sessions.length} sessions, ${STEADY_WORRIER.sessions.length} notes, 1 clients`,
    );
    expect(await done.textContent()).toContain(folder);
    expect(readdirSync(folder).sort()).toEqual(['clients', 'manifest.json', 'sessions']);
    expect(readFileSync(path.join(folder, 'manifest.json'), 'utf8')).toContain('"identified"');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(consoleProblems).toEqual([]);
  });
});
