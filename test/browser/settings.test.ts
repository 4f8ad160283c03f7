import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { closedLoopbackPort } from '../helpers/closed-port';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { servedModel } from '../helpers/served-models';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { STORED_DRAFT_GENERATION } from '../helpers/notes';
import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { saveVoiceExample } from '../../electron/core/store/repositories/voice-examples';
import { sessions } from '../../electron/core/store/schema';
import { eq } from 'drizzle-orm';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');
const tiny = servedModel('test-tiny', 2 * 1024 * 1024);

/**
 * Settings in headless Chromium against the bridge and the real core: choices persist, a model
 * downloads from a loopback server with a visible progress bar and is deleted, and Ollama absent
 * from its address is reported with what to do.
 */
describe('the Settings page in a browser', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let models: ModelServer;
  let ollamaHost: string;

  beforeAll(async () => {
    models = await startModelServer({ [tiny.file]: tiny.bytes });
    cleanups.push(() => models.close());
    process.env.CAIRN_MODEL_HOST = models.url;
    delete process.env.CAIRN_MODELS_DIR;
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: path.join(temp.dir, 'pointer.json'),
      modelCatalogue: [tiny.entry],
    });
    cleanups.push(() => core.shutdown());
    ollamaHost = `http://127.0.0.1:${await closedLoopbackPort()}`;
    await core.invoke('settings.set', { name: 'ollamaHost', value: ollamaHost });
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('saves the language and the default template as they change; both persist after a reload', async () => {
    await page.goto(`${serverUrl(vite)}/#/settings`);
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByLabel('Spoken language').selectOption('de');
    await page.locator('#transcription-language-state').getByText('Saved').waitFor();
    await page.getByLabel('Default note template').selectOption('dap');
    await page.locator('#default-template-state').getByText('Saved').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Spoken language').inputValue()).toBe('de');
    await expect.poll(() => page.getByLabel('Default note template').inputValue()).toBe('dap');
    const settings = await core.invoke('settings.get', {});
    expect(settings).toMatchObject({
      value: { transcriptionLanguage: 'de', defaultTemplate: 'dap' },
    });
  });

  it('downloads a model with a progress bar, then deletes it after a confirmation', async () => {
    const row = page.locator('[data-model="test-tiny"]');
    await row.waitFor();
    expect(await row.getAttribute('data-installed')).toBe('false');
    // The only model in this catalogue is the one suggested, with why (this machine's cores).
    expect(await row.getAttribute('data-recommended')).toBe('true');
    expect(await page.getByTestId('whisper-recommendation').textContent()).toMatch(
      /Recommended for this computer:.*processor cores/,
    );
    // The server stops part-way until released: the bar is seen mid-download, without timing.
    const release = models.holdAfter(600_000);
    await page.getByRole('button', { name: 'Download test-tiny' }).click();
    const bar = page.getByRole('progressbar', { name: 'Downloading test-tiny' });
    await bar.waitFor();
    await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-model-download.png') });
    release();
    await page.locator('[data-model="test-tiny"][data-installed="true"]').waitFor();
    await row.getByText('Installed').waitFor();
    await page.getByRole('button', { name: 'Delete test-tiny' }).click();
    await row
      .getByRole('group', { name: 'Delete test-tiny?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.locator('[data-model="test-tiny"][data-installed="false"]').waitFor();
    expect(await page.getByTestId('model-problem').count()).toBe(0);
  });

  it('says Ollama is not running at its address, with the next step', async () => {
    await page.getByLabel('Ollama (a local server)').check();
    const status = page.getByTestId('ollama-status');
    await status.getByText('Not running').waitFor();
    const text = await status.textContent();
    expect(text).toContain(ollamaHost);
    expect(text).toMatch(/Start the Ollama app .*ollama serve.*check again/);
    await page.screenshot({
      path: path.join(ARTIFACTS, 'settings-ollama-down.png'),
      fullPage: true,
    });
    // The dark theme follows the OS: the same page as a dark-mode user sees it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-dark.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('saves the retention policy and backs the library up from Settings → Data', async () => {
    await page.getByLabel('Raw audio').selectOption('afterApproval');
    await page.locator('#retention-raw-audio-state').getByText('Saved').waitFor();
    await page.getByLabel('Transcripts').selectOption('afterApproval');
    await page.locator('#retention-transcripts-state').getByText('Saved').waitFor();
    await page.getByLabel('Grace period').selectOption('30');
    await page.locator('#retention-grace-state').getByText('Saved').waitFor();
    expect(await core.invoke('settings.get', {})).toMatchObject({
      value: {
        retentionRawAudio: 'afterApproval',
        retentionTranscripts: 'afterApproval',
        retentionGraceDays: 30,
      },
    });
    await page.getByLabel('Back up to').fill(path.join(temp.dir, 'data', 'backups'));
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('alert').getByText('outside the library folder').waitFor();
    await page.getByLabel('Back up to').fill(path.join(temp.dir, 'backups'));
    await page.getByRole('button', { name: 'Back up now' }).click();
    const done = page.getByTestId('backup-done');
    await done.waitFor();
    expect(await done.textContent()).toMatch(/Backed up 0 sessions .*\/cairn-backup-\d{8}T\d{6}Z/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-data.png'), fullPage: true });
  });

  it('shows what Cairn learned from signed notes, switches learning off, and forgets it', async () => {
    const db = core.database.db;
    const sessionId = createSession(db, { clientId: null, date: '2026-12-01', kind: 'individual' });
    const noteId = saveAiDraft(db, {
      sessionId,
      templateId: 'soap',
      content: { templateId: 'soap', templateVersion: 1, sections: [] },
      text: '',
      generation: STORED_DRAFT_GENERATION,
      author: 'cairn',
    });
    for (const sectionKey of ['subjective', 'assessment'])
      saveVoiceExample(db, {
        noteId,
        sessionId,
        templateId: 'soap',
        sectionKey,
        aiText: `The patient stated the ${sectionKey} thing.`,
        finalText: `Client reported the ${sectionKey} thing.`,
        author: 'browser-test',
      });
    await page.reload();
    const voice = page.getByTestId('voice');
    await voice.getByText('SOAP (2 examples)').waitFor();
    expect(await voice.getByTestId('voice-profile').textContent()).toContain(
      '"client reported" for "the patient stated"',
    );
    await page.getByLabel('Learn from my edits').uncheck();
    await page.locator('#voice-learning-state').getByText('Saved').waitFor();
    expect(await core.invoke('settings.get', {})).toMatchObject({
      value: { voiceLearning: false },
    });
    await page.getByRole('button', { name: 'Forget what Cairn learned' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Forget', exact: true }).click();
    await voice.getByText('Forgotten: 2 examples deleted.').waitFor();
    await voice.getByText('Nothing learned yet').waitFor();
    await page.getByLabel('Learn from my edits').check();
    await page.locator('#voice-learning-state').getByText('Saved').waitFor();
    // The first-run test below needs an empty library: the session made here goes again.
    db.delete(sessions).where(eq(sessions.id, sessionId)).run();
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('guides a first run step by step, then opens the bundled sample in the desk', async () => {
    await page.goto(`${serverUrl(vite)}/#/`);
    await page.getByTestId('open-welcome').click();
    for (const title of [
      'Where your library lives',
      'A passcode (optional)',
      'A transcription model',
      'A notes model',
    ]) {
      await page.getByTestId('welcome-step').getByRole('heading', { name: title }).waitFor();
      await page.getByRole('button', { name: /^Next/ }).click();
    }
    await page
      .getByTestId('welcome-step')
      .getByRole('heading', { name: 'Try it on a sample' })
      .waitFor();
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'first-run.png') });
    await page.getByTestId('try-sample').click();
    await page.waitForURL(/#\/sessions\//);
    await page.getByRole('heading', { name: 'Sample client (fictional)' }).waitFor();
  }, 60_000);

  it('logs no console errors or warnings', () => {
    writeFileSync(path.join(ARTIFACTS, 'settings-console.json'), JSON.stringify(consoleProblems));
    expect(consoleProblems).toEqual([]);
  });
});
