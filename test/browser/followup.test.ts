import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import type { ScriptedClient } from '../fixtures/clients/scripted-clients';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { seedClientHistory } from '../helpers/client-history';
import { openDesk } from '../helpers/desk';
import { makeTempDir } from '../helpers/fixtures';

/** One signed session whose homework names a diagnosis (planted: the check must see it). */
const CLIENT: ScriptedClient = {
  name: 'Ines Okafor',
  upcoming: '2026-12-14',
  canaries: [],
  sessions: [
    {
      date: '2026-12-07',
      sections: {
        Subjective: ['Client reported two calmer evenings this week.'],
        Plan: ['Homework: read the leaflet about F32.1 major depressive disorder.'],
      },
    },
  ],
};

/**
 * The follow-up for the client, reached from a signed session's desk: drafted from the built-in
 * template, the planted diagnosis warned about beside the text, edited until the check is clear,
 * and saved as a .eml that parses back; the draft becomes Exported.
 */
describe('a follow-up for the client in the desk', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let vite: ViteDevServer;
  let page: Page;
  let sessionId: string;

  beforeAll(async () => {
    const core: Core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    sessionId = seedClientHistory(core.database.db, CLIENT).sessions.get('2026-12-07') ?? '';
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('drafts from a signed session and warns of the diagnosis beside the message', async () => {
    await page.goto(`${serverUrl(vite)}/#/sessions/${sessionId}`);
    await page.getByRole('link', { name: 'Follow-up for the client' }).click();
    await page.getByRole('heading', { name: 'Follow-up for the client' }).waitFor();
    await page.getByRole('button', { name: 'Draft follow-up' }).click();
    const warnings = page.getByTestId('followup-warnings');
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('“F32.1” looks like a diagnosis code'),
      expect.stringContaining('“major depressive disorder” names a diagnosis'),
    ]);
    expect(await page.getByTestId('followup-status').textContent()).toBe('Draft');
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toContain(
      'Dear Ines,',
    );
  });

  it('checks the edited text again, then saves a .eml that parses back', async () => {
    const message = page.getByRole('textbox', { name: 'Message' });
    const text = await message.inputValue();
    await message.fill(text.replace(/- Read the leaflet[^\n]*/, '- Read the leaflet I gave you.'));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('followup-no-warnings').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save .eml' }).click(),
    ]);
    const mail = await simpleParser(readFileSync(await download.path()));
    expect(mail.subject).toBe('After our session on Monday 7 December 2026');
    expect(mail.text).toContain('- Read the leaflet I gave you.');
    expect(mail.text).not.toContain('F32.1');
    await page.getByTestId('followup-status').getByText('Exported').waitFor();
    await page.getByText('Saved as follow-up.eml').waitFor();
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
