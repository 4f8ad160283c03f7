import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { serverUrl } from '../../electron/dev/web-server';
import { TENSE_PARTNER, WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { seedClientHistory } from '../helpers/client-history';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

/**
 * Couples work on a client's page: link a partner, prepare the joint summary (progress, then the
 * summary with its isolation line), read it with the keyboard, and unlink with a confirmation.
 */
describe('couples work in the desk', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let clientId: string;

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    clientId = seedClientHistory(core.database.db, WORRIED_SLEEPER).clientId;
    seedClientHistory(core.database.db, TENSE_PARTNER);
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('links a partner chosen from the other clients', async () => {
    await page.goto(`${serverUrl(vite)}/#/clients/${clientId}`);
    await page.getByText('No partner linked.').waitFor();
    await page.getByLabel('Partner').selectOption({ label: TENSE_PARTNER.name });
    await page.getByRole('button', { name: 'Link partner' }).click();
    await page.getByTestId('couples-partner').getByText(TENSE_PARTNER.name).waitFor();
  });

  it('prepares the joint summary and shows it with the isolation line', async () => {
    await page.getByLabel('Joint session day').fill('2026-10-28');
    await page.getByRole('button', { name: 'Prepare joint summary' }).click();
    const summary = page.getByRole('article', { name: 'Joint work summary' });
    await summary.waitFor();
    expect(await page.getByTestId('isolation-line').textContent()).toMatch(
      /^Checked: nothing from either partner’s individual sessions/,
    );
    await summary.getByText('sleep difficulties').waitFor();
    await summary.getByRole('heading', { name: 'Gottman Method Couples Therapy' }).waitFor();
    const text = (await summary.textContent()) ?? '';
    for (const canary of [...WORRIED_SLEEPER.canaries, ...TENSE_PARTNER.canaries])
      expect(text).not.toContain(canary);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'couples.png'), fullPage: true });
  });

  it('shows the couples work, not a brief, on the joint session in the desk', async () => {
    const [joint] = (await call(core, 'couples.get', { clientId })).jointSessions;
    await page.goto(`${serverUrl(vite)}/#/sessions/${joint?.id ?? ''}`);
    await page.getByRole('heading', { name: `Joint session: ${WORRIED_SLEEPER.name}` }).waitFor();
    await page.getByRole('article', { name: 'Joint work summary' }).waitFor();
    expect(await page.getByRole('button', { name: 'Prepare brief' }).count()).toBe(0);
    await page.goto(`${serverUrl(vite)}/#/clients/${clientId}`);
    await page.getByRole('article', { name: 'Joint work summary' }).waitFor();
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('unlinks after a confirmation, reached by keyboard', async () => {
    const unlink = page.getByRole('button', { name: 'Unlink' });
    await unlink.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Unlink ${TENSE_PARTNER.name}?` });
    await dialog.waitFor();
    // The confirming button has the focus.
    await page.keyboard.press('Enter');
    await page.getByText('No partner linked.').waitFor();
    expect(await page.getByRole('article', { name: 'Joint work summary' }).count()).toBe(0);
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
