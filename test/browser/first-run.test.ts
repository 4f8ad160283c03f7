import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { openDesk } from '../helpers/desk';
import { makeTempDir } from '../helpers/fixtures';

/**
 * A new library, as a clinician first sees it: the desk opens the first-run guide by itself, and
 * once the guide is skipped it opens on the sessions list from then on (the choice is kept in the
 * library's settings, not in the browser).
 */
describe('the first-run guide on a new library', () => {
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
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups, undefined, {
      guideSeen: false,
    }));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('opens by itself on a library with no sessions', async () => {
    await page.goto(serverUrl(vite));
    await page.waitForURL(/#\/welcome$/);
    await page
      .getByTestId('welcome-step')
      .getByRole('heading', { name: 'Where your library lives' })
      .waitFor();
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('does not open again once skipped, also after the desk starts again', async () => {
    await page.getByRole('button', { name: 'Skip the guide' }).click();
    await page.getByTestId('sessions-empty').waitFor();
    expect(await core.invoke('settings.get', {})).toMatchObject({ value: { guideSeen: true } });

    // A new start of the desk on the same, still empty, library.
    const askedForSettings = page.waitForResponse((r) => r.url().includes('settings.get'));
    await page.reload();
    await page.getByTestId('sessions-empty').waitFor();
    await askedForSettings;
    // The answer is in; a move to the guide would follow within a task or two.
    await page.waitForTimeout(300);
    expect(page.url()).not.toMatch(/welcome/);
    expect(await page.getByTestId('sessions-empty').count()).toBe(1);
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
