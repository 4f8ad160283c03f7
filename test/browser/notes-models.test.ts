import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { closedLoopbackPort } from '../helpers/closed-port';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { servedNotesModel } from '../helpers/served-notes-models';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');
const MB = 1024 * 1024;
// Both fit in any test machine's memory, so the larger is the one recommended.
const small = servedNotesModel('test-notes-small', 2 * MB, { ramBytes: 32 * MB });
const large = servedNotesModel('test-notes-large', 3 * MB, { ramBytes: 64 * MB, verified: false });
const SMALL = small.entry.label;
const LARGE = large.entry.label;

/**
 * Settings → Notes in headless Chromium against the bridge and the real core: the notes models
 * with the one recommended for this computer, downloads from a loopback server with a visible
 * progress bar, a cancel that keeps the part and a resume, "Use", a delete, and Ollama not
 * running said beside them.
 */
describe('notes models in Settings, in a browser', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let server: ModelServer;
  let ollamaHost: string;
  const llm = () => path.join(core.layout.root, 'models', 'llm');
  const row = (name: string): Locator => page.locator(`[data-model="${name}"]`);
  const progressValue = async (bar: Locator) => Number(await bar.getAttribute('value'));

  beforeAll(async () => {
    server = await startModelServer({ [small.file]: small.bytes, [large.file]: large.bytes });
    cleanups.push(() => server.close());
    process.env.CAIRN_NOTES_MODEL_HOST = server.url;
    delete process.env.CAIRN_MODELS_DIR;
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: path.join(temp.dir, 'pointer.json'),
      notesModelCatalogue: [small.entry, large.entry],
    });
    cleanups.push(() => core.shutdown());
    ollamaHost = `http://127.0.0.1:${await closedLoopbackPort()}`;
    await core.invoke('settings.set', { name: 'ollamaHost', value: ollamaHost });
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups, {
      width: 1280,
      height: 1000,
    }));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('lists the models with size, memory and licence, marks the recommended one and says why', async () => {
    await page.goto(`${serverUrl(vite)}/#/settings`);
    const table = page.getByRole('table', { name: 'Notes models' });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Model',
      'Size',
      'Memory needed',
      'Licence',
      'Status',
      'Actions',
    ]);
    expect(await row('test-notes-small').getByRole('cell').allTextContents()).toEqual([
      '2.0 MB',
      '32 MB',
      'Apache-2.0',
      '',
      'Download',
    ]);
    expect(await row('test-notes-large').getAttribute('data-recommended')).toBe('true');
    await row('test-notes-large').getByText('Recommended for this computer').waitFor();
    expect(await row('test-notes-small').getByText('Recommended').count()).toBe(0);
    const why = await page.getByTestId('notes-recommendation').textContent();
    expect(why).toMatch(/^Recommended for this computer: /);
    expect(why).toContain(LARGE);
    expect(why).toMatch(/\d+ GB of memory/);
    expect(await page.getByTestId('notes-model-in-use').textContent()).toMatch(
      /No notes model is installed yet/,
    );
    const ollama = page.getByTestId('ollama-models');
    await ollama.getByText('Ollama is not running').waitFor();
    expect(await ollama.textContent()).toContain(ollamaHost);
  });

  it('downloads a model with a progress bar and percent; the first one installed writes notes', async () => {
    // The server stops part-way until released: the bar is seen mid-download, without timing.
    const release = server.holdAfter(1_000_000);
    await page.getByRole('button', { name: `Download ${SMALL}` }).click();
    const bar = page.getByRole('progressbar', { name: `Downloading ${SMALL}` });
    await bar.waitFor();
    await expect.poll(() => progressValue(bar)).toBeGreaterThan(0);
    expect(await row('test-notes-small').locator('.model-progress').textContent()).toMatch(
      /^[1-9]\d?%$/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-notes-model-download.png') });
    release();
    await page.locator('[data-model="test-notes-small"][data-installed="true"]').waitFor();
    await row('test-notes-small').getByText('In use').waitFor();
    expect(statSync(path.join(llm(), small.file)).size).toBe(small.bytes.length);
    expect(await page.getByTestId('notes-model-in-use').textContent()).toBe(
      `Notes are written with ${SMALL}.`,
    );
  });

  it('cancels a download keeping the part, then resumes it from there', async () => {
    const release = server.holdAfter(1_500_000);
    await page.getByRole('button', { name: `Download ${LARGE}` }).click();
    const bar = page.getByRole('progressbar', { name: `Downloading ${LARGE}` });
    await expect.poll(() => progressValue(bar)).toBeGreaterThan(0);
    await page.getByRole('button', { name: `Cancel download of ${LARGE}` }).click();
    await row('test-notes-large').getByText('Partly downloaded').waitFor();
    release();
    const part = path.join(llm(), `${large.file}.part`);
    expect(statSync(part).size).toBeGreaterThan(0);
    expect(await page.getByTestId('notes-model-problem').count()).toBe(0);
    server.requests.length = 0;
    await page.getByRole('button', { name: `Resume ${LARGE}` }).click();
    await page.locator('[data-model="test-notes-large"][data-installed="true"]').waitFor();
    expect(server.requests[0]?.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(existsSync(part)).toBe(false);
    expect(statSync(path.join(llm(), large.file)).size).toBe(large.bytes.length);
  });

  it('keeps the model in use through another download, uses another, then deletes one after a confirmation', async () => {
    // The first download pinned the model in use: installing a second did not replace it.
    await row('test-notes-small').getByText('In use').waitFor();
    expect(await core.invoke('settings.get', {})).toMatchObject({
      value: { embeddedModel: small.file },
    });
    await page.getByRole('button', { name: `Use ${LARGE}` }).click();
    await row('test-notes-large').getByText('In use').waitFor();
    await expect
      .poll(() => page.getByTestId('notes-model-in-use').textContent())
      .toBe(`Notes are written with ${LARGE}.`);
    expect(await core.invoke('settings.get', {})).toMatchObject({
      value: { embeddedModel: large.file },
    });
    // The model in use offers no Delete: choosing another comes first.
    expect(await page.getByRole('button', { name: `Delete ${LARGE}` }).count()).toBe(0);
    await page.getByRole('button', { name: `Delete ${SMALL}` }).click();
    await row('test-notes-small')
      .getByRole('group', { name: `Delete ${SMALL}?` })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.locator('[data-model="test-notes-small"][data-installed="false"]').waitFor();
    expect(existsSync(path.join(llm(), small.file))).toBe(false);
    expect(await page.getByTestId('notes-model-problem').count()).toBe(0);
    await page.getByTestId('notes-model-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-notes-models.png') });
  });

  it('works from the keyboard: Enter on Download starts one, Enter on Cancel stops it', async () => {
    const release = server.holdAfter(500_000);
    await page.getByRole('button', { name: `Download ${SMALL}` }).focus();
    await page.keyboard.press('Enter');
    const cancel = page.getByRole('button', { name: `Cancel download of ${SMALL}` });
    await cancel.waitFor();
    await cancel.focus();
    await page.keyboard.press('Enter');
    await row('test-notes-small').getByText('Partly downloaded').waitFor();
    release();
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('logs no console errors or warnings', () => {
    writeFileSync(
      path.join(ARTIFACTS, 'settings-notes-models-console.json'),
      JSON.stringify(consoleProblems),
    );
    expect(consoleProblems).toEqual([]);
  });
});
