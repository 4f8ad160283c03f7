import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { setSessionStatus } from '../../electron/core/store/repositories/sessions';
import { serverUrl } from '../../electron/dev/web-server';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { seedTranscript, SHORT_SESSION } from '../helpers/notes';
import { twoVoiceRecording } from '../helpers/pipeline';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');
const CLIENT = 'Rosalind Achterberg';
const PASSCODE = 'hazel-2931';

/**
 * The lock and the audit log in headless Chromium against the bridge and the real core: a
 * passcode set in Settings, Lock now hiding the session, a wrong passcode refused, the unlock,
 * and the audit page listing those views, edits and unlocks by id, then exporting them.
 */
describe('the app lock and the audit log in a browser', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let sessionId = '';

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'app:dr-lee',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    ({ sessionId } = await call(core, 'recordings.import', {
      path: twoVoiceRecording(10, 31),
      clientName: CLIENT,
    }));
    seedTranscript(core.database.db, sessionId, SHORT_SESSION);
    setSessionStatus(core.database.db, sessionId, 'awaiting_review');
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups, {
      width: 1280,
      height: 1000,
    }));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  const bodyText = () => page.evaluate<string>('document.body.innerText');

  it('sets a passcode in Settings', async () => {
    await page.goto(`${serverUrl(vite)}/#/settings`);
    await page.getByRole('heading', { name: 'Security' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lock now' }).count()).toBe(0);
    await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
    await page.getByLabel('Type it again').fill(PASSCODE);
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await page.getByText('Passcode saved.').waitFor();
    await page.getByRole('button', { name: 'Lock now' }).waitFor();
    expect((await call(core, 'lock.status', {})).passcodeSet).toBe(true);
  });

  it('locks now: the lock screen hides the session; a wrong passcode is refused; the right one unlocks', async () => {
    await page.goto(`${serverUrl(vite)}/#/sessions/${sessionId}`);
    await page.getByText('breathing exercise').first().waitFor();
    await page.getByRole('button', { name: 'Speakers', exact: true }).click();
    const name = page.getByLabel('Name of SPEAKER_00');
    await name.fill('Dr. Lee');
    await name.press('Enter');
    await page.locator('li.turn .turn-head strong', { hasText: 'Dr. Lee' }).first().waitFor();

    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Cairn is locked' }).waitFor();
    const locked = await bodyText();
    expect(locked).not.toContain('breathing');
    expect(locked).not.toContain(CLIENT);
    expect(locked).not.toContain('Dr. Lee');
    // The passcode field has the focus: typing goes straight in.
    expect(await page.evaluate('document.activeElement?.type')).toBe('password');
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'lock-screen.png') });
    // The core refuses too, whatever the page does.
    const refused = await core.invoke('sessions.transcript', { id: sessionId });
    expect(refused.ok).toBe(false);

    await page.getByLabel('Passcode').fill('not-the-one');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page
      .getByRole('alert')
      .getByText(/not right/)
      .waitFor();
    expect(await page.getByRole('heading', { name: 'Cairn is locked' }).count()).toBe(1);

    await page.getByLabel('Passcode').fill(PASSCODE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('breathing exercise').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Cairn is locked' }).count()).toBe(0);
  });

  it('lists the views, the edit and the unlocks on the audit page by id, and exports them', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByTestId('audit-table').waitFor();
    for (const action of [
      'session.viewed',
      'transcript.viewed',
      'speaker.updated',
      'access.locked',
      'access.unlock_failed',
      'access.unlocked',
      'access.passcode_set',
    ])
      expect(await page.locator(`tr[data-action="${action}"]`).count(), action).toBeGreaterThan(0);
    const shown = await bodyText();
    expect(shown).toContain(sessionId);
    expect(shown).not.toContain(CLIENT);
    expect(shown).not.toContain('Dr. Lee');
    expect(shown).not.toContain('breathing');

    await page.getByLabel('Record type').selectOption('access');
    await expect.poll(() => page.locator('tr[data-action="session.viewed"]').count()).toBe(0);
    expect(await page.locator('tr[data-action="access.unlocked"]').count()).toBeGreaterThan(0);
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-page.png'), fullPage: true });

    await page.getByLabel('Record type').selectOption('');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\n')[0]).toBe('id,at,actor,action,entity_type,entity_id,detail');
    expect(csv).toContain(`session.viewed,session,${sessionId}`);
    expect(csv).not.toContain(CLIENT);
    expect(csv).not.toContain('Dr. Lee');
    await page.getByText(/^Exported \d+ entries\.$/).waitFor();
    const exports = await call(core, 'audit.list', { action: 'audit.exported' });
    expect(exports.entries.map((e) => e.detail)).toEqual([
      { rows: csv.trim().split('\n').length - 1, format: 'csv', toFile: false },
    ]);
    expect(consoleProblems).toEqual([]);
  });
});
