import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { pipelineEnv, twoVoiceRecording } from '../helpers/pipeline';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

/** Drops files on the page as a user would: a DataTransfer of File objects, dragged over, dropped. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  // A string, not a function: the test compiles without the DOM's types; the page has them.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    for (const item of ${JSON.stringify(payload)}) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name));
    }
    return transfer;
  })()`);
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/**
 * The session list in headless Chromium against the bridge and the real core: drag-and-drop
 * import with a refusal shown per file, live progress to the end of the run, filters and sort.
 * No notes model is installed here, so the runs end with an extractive draft.
 */
describe('the session list in a browser', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;

  beforeAll(async () => {
    Object.assign(process.env, pipelineEnv());
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
    });
    cleanups.push(() => core.shutdown());
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('imports dropped recordings, shows a refused file’s reason, and follows the run live to the end (no notes model: an extractive draft)', async () => {
    await page.goto(serverUrl(vite));
    await page.getByTestId('sessions-empty').waitFor();
    const recording = twoVoiceRecording(10, 31);
    await dropFiles(page, [
      { name: 'session-a.wav', bytes: readFileSync(recording) },
      { name: 'notes.mp3', bytes: Buffer.from('These are my notes, not a recording.\n') },
    ]);
    const outcomes = page.getByTestId('import-outcomes');
    await outcomes.getByText('imported, processing').waitFor({ timeout: 30_000 });
    await outcomes.getByRole('alert').waitFor();
    expect(await outcomes.getByRole('alert').textContent()).toMatch(
      /notes\.mp3 is a text file, not an audio recording/,
    );
    // One session, and its run moves through the stages live until it ends.
    const row = page.locator('[data-session-id]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const status = row.first().getByTestId('session-status');
    await status.locator('progress').waitFor({ timeout: 30_000 });
    // The run's end, in the clinician's words: no risk talk here, so the note is ready to review.
    await status.getByText('Ready to review').waitFor({ timeout: 120_000 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'session-list-imported.png') });
    // The refused file left nothing behind: no session, no upload copy.
    const sessions = await core.invoke('sessions.list', {});
    expect(sessions.ok && (sessions.value as unknown[]).length).toBe(1);
  }, 240_000);

  it('filters by status and sorts by column', async () => {
    await page.getByLabel('Status').selectOption('approved');
    await page.getByText('0 of 1').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByText('1 of 1').waitFor();
    await page.getByRole('button', { name: /^Client/ }).click();
    expect(await page.getByRole('columnheader', { name: /Client/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('logs no console errors or warnings', () => {
    writeFileSync(
      path.join(ARTIFACTS, 'session-list-console.json'),
      JSON.stringify(consoleProblems),
    );
    expect(consoleProblems).toEqual([]);
  });
});
