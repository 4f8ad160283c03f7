import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { upcomingSessionFor } from '../../electron/core/store/repositories/briefs';
import { serverUrl } from '../../electron/dev/web-server';
import { WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { seedClientHistory } from '../helpers/client-history';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

/**
 * The brief on an upcoming session in the desk: prepared from the page, read with links to the
 * sessions it rests on, and the client's guide beside it.
 */
describe('the pre-session brief in the desk', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let upcoming: string;
  let sessions: Map<string, string>;

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    const seeded = seedClientHistory(core.database.db, WORRIED_SLEEPER);
    sessions = seeded.sessions;
    upcoming = upcomingSessionFor(core.database.db, seeded.clientId, WORRIED_SLEEPER.upcoming);
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('prepares the brief from the upcoming session and shows its questions and sources', async () => {
    await page.goto(`${serverUrl(vite)}/#/sessions/${upcoming}`);
    expect(await page.getByTestId('desk-status').textContent()).toBe('Upcoming');
    await page.getByRole('button', { name: 'Prepare brief' }).click();
    const questions = page.getByRole('heading', { name: 'Questions to ask' });
    await questions.waitFor();
    await page.getByText('Ask how the homework set on 2026-10-19 went.').waitFor();
    await page.getByText('Due this session').waitFor();
    // Each point links to the signed session it rests on.
    const link = page.locator(`a[href="#/sessions/${sessions.get('2026-10-19') ?? ''}"]`).first();
    expect(await link.count()).toBe(1);
  });

  it('shows the client’s guide with its reading grade and nothing from the notes', async () => {
    const guide = page.getByRole('complementary', { name: 'For the client' });
    await guide.getByText('Getting ready for your session').waitFor();
    const text = (await guide.textContent()) ?? '';
    for (const canary of WORRIED_SLEEPER.canaries) expect(text).not.toContain(canary);
    expect(text).toMatch(/Reading grade \d/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'brief.png'), fullPage: true });
  });

  it('starts from the client’s page for a day with no session yet, and opens it', async () => {
    const [client] = await call(core, 'clients.list', {});
    await page.goto(`${serverUrl(vite)}/#/clients/${client?.id ?? ''}`);
    await page.getByLabel('Date').fill('2026-11-02');
    await page.getByRole('button', { name: 'Prepare brief' }).click();
    await page.waitForURL(/#\/sessions\//);
    expect(page.url()).not.toContain(upcoming);
    await page.getByRole('heading', { name: 'Questions to ask' }).waitFor();
    expect(await page.getByTestId('desk-status').textContent()).toBe('Upcoming');
  });

  it('files a voice memo from the desk and prepares the brief again with it', async () => {
    const memo = path.join(temp.dir, 'memo.wav');
    execFileSync('espeak-ng', ['-w', memo, 'Ask about the sleep diary next time.']);
    await page.goto(`${serverUrl(vite)}/#/sessions/${upcoming}`);
    await page.getByRole('heading', { name: 'Questions to ask' }).waitFor();
    // The upload path a browser uses (the app passes the file's path instead).
    await page.getByLabel('Voice memo for the brief').setInputFiles(memo);
    const memos = page.getByRole('heading', { name: 'Your voice memo' });
    await memos.waitFor();
    // This library has no Whisper model: the memo is kept and the brief says why it is not read.
    await page.getByText(/Not transcribed: .*Whisper/).waitFor();
    expect(await page.getByText('The memo could not be added').count()).toBe(0);
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
