import { readFileSync } from 'node:fs';
import path from 'node:path';
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

const CLIENT: ScriptedClient = {
  name: 'Ines Okafor',
  upcoming: '2026-12-14',
  canaries: [],
  sessions: [
    {
      date: '2026-12-07',
      sections: {
        Subjective: ['Client reported two calmer evenings this week.'],
        Plan: ['Keep the evening walk; review sleep in two weeks.'],
      },
    },
  ],
};

/**
 * The note's Export menu in the desk, by keyboard: Copy for EHR puts the note's plain blocks on the
 * clipboard with a calm confirmation; Save as PDF downloads the file.
 */
describe('exporting a note from the desk', () => {
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
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serverUrl(vite) });
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('copies the note for an EHR from the keyboard', async () => {
    await page.goto(`${serverUrl(vite)}/#/sessions/${sessionId}`);
    const button = page.getByRole('button', { name: 'Export' });
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Export' });
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const focused = () => page.evaluate<string>("document.activeElement?.textContent ?? ''");
    expect(await focused()).toBe('Save as PDF…');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Save FHIR (JSON)…');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Copy for EHR');
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.getByTestId('note-message').getByText('Copied.').waitFor();
    expect(await menu.count()).toBe(0);
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    const lines = copied.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'Subjective',
      'Client reported two calmer evenings this week.',
      '',
      'Plan',
      'Keep the evening walk; review sleep in two weeks.',
      '',
    ]);
    expect(lines.slice(6)).toEqual([
      expect.stringMatching(
        /^Signed by test on \w+day \d+ \w+ \d{4} at \d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/,
      ),
      '',
    ]);
  });

  it('saves the note as a PDF, and Escape closes the menu back onto its button', async () => {
    const button = page.getByRole('button', { name: 'Export' });
    await button.click();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await page.evaluate<string>("document.activeElement?.textContent ?? ''")).toContain(
      'Export',
    );
    await button.click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Save as PDF…' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('soap-note-2026-12-07.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.getByText('Saved as soap-note-2026-12-07.pdf.').waitFor();
  });

  it('has no serious accessibility problems, light or dark, and logs no console problems', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
