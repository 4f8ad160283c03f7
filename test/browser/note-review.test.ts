import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { addRiskFlag } from '../../electron/core/store/repositories/risk-flags';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { testLlmModel } from '../helpers/notes';
import { pipelineEnv, twoVoiceRecording } from '../helpers/pipeline';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

async function ok<T>(
  core: Core,
  method: Parameters<Core['invoke']>[0],
  input: unknown,
): Promise<T> {
  const envelope = await core.invoke(method, input);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

/**
 * Reviewing and signing a note in headless Chromium against the bridge and the real core. The
 * note is written by the SmolLM2 test model through the pipeline; the risk flag is added directly
 * (generated speech holds no risk talk; the scanner itself is tested in notes.test.ts).
 */
describe('note review in a browser (note by the SmolLM2 test model)', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let sessionId = '';

  beforeAll(async () => {
    Object.assign(process.env, pipelineEnv());
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'dr-lee',
      transport: 'http-bridge',
    });
    cleanups.push(() => core.shutdown());
    await ok(core, 'settings.set', { name: 'embeddedModel', value: testLlmModel() });
    await ok(core, 'settings.set', { name: 'notesThreads', value: 1 });
    ({ sessionId } = await ok<{ sessionId: string }>(core, 'recordings.import', {
      path: twoVoiceRecording(12, 41),
      clientName: 'Review Client',
    }));
    const { runId } = await ok<{ runId: string }>(core, 'pipeline.process', { sessionId });
    const run = await core.pipeline.settled(runId);
    expect(run.status).toMatch(/completed|awaiting_review/);
    addRiskFlag(core.database.db, {
      sessionId,
      runId: null,
      kind: 'self_harm',
      evidence: {
        segmentIds: [],
        quotes: ['(added by the test)'],
        sources: ['scanner'],
        severity: 'high',
      },
    });
    // A laptop's window: the desk must show transcript and note side by side at this size.
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups, {
      width: 1280,
      height: 800,
    }));
  }, 600_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('keeps an edit to the note through a reload', async () => {
    await page.goto(`${serverUrl(vite)}#/sessions/${sessionId}`);
    const first = page.getByTestId('note-item').first().locator('textarea');
    await first.waitFor({ timeout: 30_000 });
    await first.fill('Client reports sleeping badly because of work stress.');
    await page.getByTestId('save-state').getByText('All changes saved').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByTestId('note-item').first().locator('textarea').inputValue(), {
        timeout: 30_000,
      })
      .toBe('Client reports sleeping badly because of work stress.');
  }, 120_000);

  it('shows the transcript and the note side by side, and a citation scrolls to its turn and marks it', async () => {
    const transcript = await page
      .locator('section[aria-labelledby="transcript-title"]')
      .boundingBox();
    const note = await page.locator('section[aria-label="Note"]').boundingBox();
    if (!transcript || !note) throw new Error('the desk has no transcript or no note pane');
    expect(transcript.x + transcript.width).toBeLessThanOrEqual(note.x);
    // Side by side, not stacked: both start in the same band of the window, within the viewport.
    expect(Math.abs(transcript.y - note.y)).toBeLessThan(40);
    expect(note.y + 100).toBeLessThan(800);
    expect(transcript.width).toBeGreaterThan(300);
    expect(note.width).toBeGreaterThan(300);
    // The last citation in the note: its turn is the furthest down, so the transcript must scroll.
    const citation = page.locator('button.citation').last();
    await citation.scrollIntoViewIfNeeded();
    await citation.click();
    const cited = page.locator('li.turn[data-cited="true"]');
    await cited.waitFor({ timeout: 10_000 });
    const scroller = await page.locator('.transcript-scroller').boundingBox();
    const turn = await cited.boundingBox();
    if (!scroller || !turn) throw new Error('the cited turn is not on screen');
    expect(turn.y).toBeGreaterThanOrEqual(scroller.y - 1);
    expect(turn.y).toBeLessThan(scroller.y + scroller.height);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-citation.png') });
  }, 60_000);

  it('cites words chosen in the transcript in a section of the note', async () => {
    const items = page.getByTestId('note-item');
    const before = await items.count();
    // Select the second turn's first sentence, as a mouse drag would, then release the mouse.
    await page.evaluate(`(() => {
      const line = document.querySelectorAll('li.turn')[1].querySelector('[data-line-id]');
      const range = document.createRange();
      range.selectNodeContents(line);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    })()`);
    await page.locator('.transcript-scroller').dispatchEvent('mouseup');
    await page.getByTestId('cite-in-note').click();
    const picker = page.getByTestId('cite-picker');
    await picker.waitFor();
    await picker.getByRole('button').first().click();
    await expect.poll(() => items.count()).toBe(before + 1);
    const added = await page
      .locator('[data-section]')
      .first()
      .getByTestId('note-item')
      .last()
      .locator('textarea')
      .inputValue();
    expect(added).toMatch(/^“.+”$/);
    await page
      .locator('[data-section]')
      .first()
      .getByTestId('note-item')
      .last()
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect.poll(() => items.count()).toBe(before);
  }, 60_000);

  it('corrects a transcript turn in place, keeps it through a reload, and undoes it', async () => {
    const firstTurn = page.getByTestId('transcript').locator('li').first();
    const original = (await firstTurn.locator('p').textContent())?.trim() ?? '';
    expect(original).not.toBe('');
    await firstTurn.getByTestId('edit-turn').click();
    const field = firstTurn.getByTestId('turn-editor-field').first();
    await field.fill('Corrected by the clinician.');
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
    await firstTurn.getByTestId('turn-save-state').getByText('All changes saved').waitFor();
    await firstTurn.getByRole('button', { name: 'Done' }).click();
    await page.reload();
    const reloaded = page.getByTestId('transcript').locator('li').first();
    await expect
      .poll(() => reloaded.locator('p').textContent(), { timeout: 30_000 })
      .toContain('Corrected by the clinician.');
    await reloaded.getByText('corrected', { exact: true }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page
      .locator('.transcript-scroller')
      .screenshot({ path: path.join(ARTIFACTS, 'transcript-corrected.png') });
    await reloaded.getByTestId('undo-turn').click();
    await expect
      .poll(async () => (await reloaded.locator('p').textContent())?.trim())
      .toBe(original);
    await page.getByTestId('transcript-status').getByText('undone').waitFor();
  }, 120_000);

  it('blocks approval until the risk flag is acknowledged from the keyboard, then signs and locks the note', async () => {
    const approve = page.getByTestId('approve');
    await page.getByTestId('risk-banner').waitFor();
    expect(await approve.isDisabled()).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'note-review-risk.png'), fullPage: true });
    // From the keyboard only: N goes to the next open flag's Acknowledge, Enter acknowledges.
    await page.locator('h1').click();
    await page.keyboard.press('n');
    await expect
      .poll(() =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('data-action') ?? null"),
      )
      .toBe('acknowledge');
    await page.keyboard.press('Enter');
    await page.getByText('acknowledged by dr-lee').waitFor();
    expect(await page.getByTestId('desk-status').textContent()).toBe('Ready to review');
    await expect.poll(() => approve.isDisabled()).toBe(false);
    await approve.click();
    await page.getByTestId('approved').waitFor();
    expect(await page.getByTestId('desk-status').textContent()).toBe('Signed');
    await page.getByTestId('note-locked').waitFor();
    expect(await page.getByTestId('note-locked').textContent()).toContain('Signed by dr-lee');
    expect(
      await page.getByTestId('note-item').first().locator('textarea').getAttribute('readonly'),
    ).not.toBeNull();
    await page.screenshot({ path: path.join(ARTIFACTS, 'note-review-signed.png'), fullPage: true });
  }, 60_000);

  it('adds later changes to the signed note as addenda with who and when', async () => {
    await page.getByTestId('addendum-text').fill('Client phoned the next day; sleep is better.');
    await page.getByTestId('add-addendum').click();
    const addendum = page.getByTestId('addendum').first();
    await addendum.waitFor();
    expect(await addendum.textContent()).toContain('Client phoned the next day; sleep is better.');
    expect(await addendum.textContent()).toContain('Added by dr-lee');
    expect(await page.getByTestId('addendum-text').inputValue()).toBe('');
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  }, 60_000);

  it('logs no console errors or warnings', () => {
    expect(consoleProblems).toEqual([]);
  });
});
