import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { openDesk } from '../helpers/desk';
import { runCairn } from '../helpers/cli';
import { pipelineEnv } from '../helpers/pipeline';
import { makeTempDir, REPO_ROOT, SAMPLE_WAV } from '../helpers/fixtures';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');
const AMI_EXCERPT = path.resolve(SAMPLE_WAV, '../ami-excerpts/trn01.wav');

/**
 * The renderer, served by Vite, in headless Chromium, against the real core through the loopback
 * bridge: the same contract the Electron app uses over IPC.
 */
describe('Sessions page in a browser', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const cleanups: (() => Promise<void>)[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let sampleSessionId = '';
  let consoleProblems: string[] = [];

  beforeAll(async () => {
    Object.assign(process.env, pipelineEnv());
    core = await startCore({ dataDir, actor: 'browser-test', transport: 'http-bridge' });
    cleanups.push(() => core.shutdown());
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups, {
      width: 1200,
      height: 700,
    }));
  });

  afterAll(async () => {
    // Whatever did start is stopped, newest first, even when beforeAll failed half-way.
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('shows the empty state for a new library', async () => {
    await page.goto(serverUrl(vite));
    await page.getByTestId('sessions-empty').waitFor();
    expect(await page.getByTestId('sessions-empty').textContent()).toContain('No sessions yet');
  });

  it('lists a session imported through the CLI', async () => {
    const imported = await runCairn(['import', SAMPLE_WAV, '--client', 'Test Client', '--json'], {
      dataDir,
    });
    expect(imported.code).toBe(0);
    const { sessionId } = JSON.parse(imported.stdout) as { sessionId: string };
    sampleSessionId = sessionId;

    await page.reload();
    const row = page.locator(`[data-session-id="${sessionId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Test Client');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'sessions.png'), fullPage: true });
  });

  it('updates live when the core announces a new session', async () => {
    const envelope = await core.invoke('recordings.import', {
      path: AMI_EXCERPT,
      clientName: 'Live Update',
    });
    if (!envelope.ok) throw new Error(envelope.error.message);
    const { sessionId } = envelope.value as { sessionId: string };
    // No reload: the event travels core → bridge SSE → Vite proxy → page.
    await page.locator(`[data-session-id="${sessionId}"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-session-id]').count()).toBe(2);
  });

  it('opens a session from the list', async () => {
    await page
      .getByRole('link')
      .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Not processed yet: said in words, with the one action that moves it on.
    expect(await page.getByTestId('desk-status').textContent()).toBe('Imported');
    await page.getByTestId('process').waitFor();
    // The recording's details are one click away, in the side panel.
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    expect(await page.locator('dl.facts').textContent()).toMatch(/Recording(sample|trn01)\.wav/);
    await page.getByRole('button', { name: 'Details', exact: true }).click();
  });

  it('processes a session with live progress, then shows the transcript with speakers', async () => {
    await page.goto(serverUrl(vite));
    await page.locator(`[data-session-id="${sampleSessionId}"] a`).first().click();
    await page.getByTestId('process').click();
    // Progress arrives as runs.progress events over the bridge while the run goes.
    await page.getByTestId('run-progress').waitFor({ timeout: 30_000 });
    // Done, the compact progress folds away and the header says where the session stands.
    await page.getByTestId('run-progress').waitFor({ state: 'detached', timeout: 150_000 });
    await expect
      .poll(() => page.getByTestId('desk-status').textContent(), { timeout: 30_000 })
      .toMatch(/^(Ready to review|Needs your attention: \d+ risk flags?)$/);
    // The stage table is in Details.
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    await page
      .getByTestId('run-status')
      .getByText(/^Processed/)
      .waitFor();
    const lines = page.getByTestId('transcript').locator('li');
    await lines.first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('transcript').textContent()).toMatch(/SPEAKER_0\d|Unknown/);
    // No notes model here: the notes stage still completes, with an extractive draft.
    expect(await page.locator('tr[data-stage="notes"]').getAttribute('data-status')).toBe(
      'completed',
    );
    expect(await page.getByTestId('extractive-draft').textContent()).toMatch(
      /Extractive draft — no language model/,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'session-processed.png'), fullPage: true });
  }, 200_000);

  it('seeks the recording to a turn clicked in the transcript, and skips 5 s with the arrow key', async () => {
    const time = page.getByTestId('player-time');
    const seconds = async () => Number(await time.getAttribute('data-seconds'));
    const turn = page.locator('li.turn').nth(3);
    const start = Number(await turn.getAttribute('data-turn-start'));
    expect(start).toBeGreaterThan(1);
    await page.locator('[data-testid="player"][data-ready="true"]').waitFor({ timeout: 30_000 });
    // The speaker's name: a sentence of the turn would seek to that sentence instead.
    await turn.locator('.turn-head strong').click();
    await expect.poll(seconds, { timeout: 10_000 }).toBeCloseTo(start, 0);
    expect(await turn.getAttribute('aria-current')).toBe('true');
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(seconds, { timeout: 10_000 }).toBeCloseTo(start + 5, 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'session-seeked.png') });
  });

  it('renames a speaker in the Speakers panel, and the transcript follows', async () => {
    await page.getByRole('button', { name: 'Speakers', exact: true }).click();
    const name = page.getByLabel('Name of SPEAKER_00');
    await name.fill('Dr. Lee');
    await name.press('Enter');
    await page
      .locator('li.turn .turn-head strong', { hasText: 'Dr. Lee' })
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('transcript').textContent()).not.toContain('SPEAKER_00');
    await page.screenshot({ path: path.join(ARTIFACTS, 'session-speakers.png'), fullPage: true });
  });

  it('has no serious accessibility problems on the session and the list, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    await page.goto(serverUrl(vite));
    await page.locator('[data-session-id]').first().waitFor();
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
