import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { createClient } from '../../electron/core/store/repositories/clients';
import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession } from '../../electron/core/store/repositories/sessions';
import type { NoteContent } from '../../shared/api/note-schemas';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT, SAMPLE_WAV } from '../helpers/fixtures';
import { seedTranscript, STORED_DRAFT_GENERATION } from '../helpers/notes';
import { takeEgressViolations } from '../setup/no-egress';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

/** Maria's session, with its recording: the allotment garden comes up at 0:15 (the fourth line). */
const MARIA_LINES = [
  ['clinician', 'How was the week since we last met?'],
  ['client', 'Busy. Work kept me up late most evenings.'],
  ['clinician', 'What helped you unwind?'],
  ['client', 'Working in the allotment garden calmed me down on Saturday.'],
  ['clinician', 'That sounds restorative. Shall we plan more of that?'],
  ['client', 'Yes, I would like to go twice a week.'],
] as const;
const GARDEN_LINE = 3;

/** Tom's session (no recording): the garden too, so a search over every client finds both. */
const TOM_LINES = [
  ['clinician', 'Tell me about your weekend.'],
  ['client', 'I mostly stayed inside because the garden was flooded.'],
] as const;

/**
 * Search in the desk against the real core (its index and query engine, through the bridge):
 * Ctrl+K opens the palette anywhere, results come as the words are typed with the matched words
 * marked, the client filter narrows them, ↓ and Enter open the transcript hit at its segment (lit,
 * focused, the audio sought there), "See all results" opens the full page (its question in the
 * URL), a note hit opens the note at its section. Axe-clean in both themes, silent console.
 */
describe('searching the library from the desk', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let maria: { sessionId: string; segmentIds: string[] };
  let segmentAddress = '';

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'dr-lee',
      transport: 'http-bridge',
      libraryPointer: null,
      // As the app starts: the search index follows every change in the background.
      pipeline: { recover: true },
    });
    cleanups.push(() => core.shutdown());
    const imported = await core.invoke('recordings.import', {
      path: SAMPLE_WAV,
      clientName: 'Maria Lopez',
    });
    if (!imported.ok) throw new Error(imported.error.message);
    const { sessionId } = imported.value as { sessionId: string };
    const db = core.database.db;
    maria = { sessionId, segmentIds: seedTranscript(db, sessionId, MARIA_LINES) };
    saveAiDraft(db, {
      sessionId,
      templateId: 'soap',
      content: mariaNote(maria.segmentIds),
      text: 'seeded',
      generation: STORED_DRAFT_GENERATION,
      author: 'test',
    });
    const tom = createSession(db, {
      clientId: createClient(db, 'Tom Baker'),
      date: '2026-10-01',
      kind: 'individual',
    });
    seedTranscript(db, tom, TOM_LINES);
    await searchable(core);
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  const palette = () => page.getByRole('dialog', { name: 'Search the library' });
  const words = () => palette().getByRole('combobox', { name: 'Search words' });
  const hits = () => palette().getByRole('option');

  it('opens with Ctrl+K on any page and finds the words as they are typed, marked', async () => {
    await page.goto(`${serverUrl(vite)}/#/clients`);
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await page.keyboard.press('Control+k');
    await words().waitFor();
    expect(await hasFocus(words())).toBe(true);
    await page.keyboard.type('garden');
    await expect.poll(() => hits().count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const marked = await palette().locator('[role="option"] mark').allTextContents();
    expect(marked.map((m) => m.toLowerCase())).toContain('garden');
    const clients = await palette().locator('.search-hit-client').allTextContents();
    expect(new Set(clients)).toEqual(new Set(['Maria Lopez', 'Tom Baker']));
    expect(await palette().getByRole('status').textContent()).toMatch(/\d+ results?/);
  });

  it('narrows to one client with the filter, reached by keyboard', async () => {
    await palette()
      .getByRole('button', { name: /^Filters/ })
      .click();
    await palette().getByLabel('Client').selectOption({ label: 'Maria Lopez' });
    await expect
      .poll(async () => new Set(await palette().locator('.search-hit-client').allTextContents()))
      .toEqual(new Set(['Maria Lopez']));
    expect(await palette().getByRole('button', { name: 'Filters (1)' }).count()).toBe(1);
  });

  it('has no serious accessibility problems with results showing, light or dark', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-palette.png') });
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('opens a transcript hit with ↓ and Enter: the segment lit and focused, the audio there', async () => {
    const where = await palette().locator('.search-hit-where').allTextContents();
    const index = where.findIndex((w) => w.startsWith('Transcript'));
    expect(index).toBeGreaterThanOrEqual(0);
    await words().focus();
    for (let step = 0; step <= index; step++) await page.keyboard.press('ArrowDown');
    const active = await words().getAttribute('aria-activedescendant');
    expect(await palette().locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    await palette().waitFor({ state: 'hidden' });
    const segmentId = maria.segmentIds[GARDEN_LINE] ?? '';
    await page.waitForURL((url) => url.hash.includes(`segment=${segmentId}`));
    expect(page.url()).toContain(`/sessions/${maria.sessionId}?`);
    const line = page.locator(`[data-line-id="${segmentId}"]`);
    expect(await line.getAttribute('data-found', { timeout: 10_000 })).toBe('true');
    expect(await line.textContent()).toContain('allotment garden');
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-opened-segment.png') });
    const turn = page.locator('li.turn[data-cited="true"]');
    await expect.poll(() => hasFocus(turn)).toBe(true);
    await page.locator('[data-testid="player"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const seconds = async () =>
      Number(await page.getByTestId('player-time').getAttribute('data-seconds'));
    await expect.poll(seconds, { timeout: 10_000 }).toBeCloseTo(GARDEN_LINE * 5, 0);
    expect(await page.getByTestId('play').textContent()).toBe('Play');
  });

  it('shows every result on the full page, its question in the address', async () => {
    segmentAddress = page.url();
    // The palette opens again on the last search.
    await page.keyboard.press('Control+k');
    await expect.poll(() => words().inputValue()).toBe('garden');
    await expect.poll(() => hits().count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await palette().getByRole('button', { name: 'See all results' }).click();
    await page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/search\?q=garden&clientId=/);
    const results = page.getByTestId('search-page-hit');
    const clientsShown = async () =>
      new Set(await page.locator('.search-page .search-hit-client').allTextContents());
    // The address is the whole question: opened again, the page asks it again.
    await page.reload();
    await results.first().waitFor();
    expect(await clientsShown()).toEqual(new Set(['Maria Lopez']));
    // Every client again: Tom's session joins the results.
    await page.getByLabel('Client').selectOption({ label: 'All clients' });
    await expect.poll(clientsShown).toEqual(new Set(['Maria Lopez', 'Tom Baker']));
    expect(page.url()).not.toContain('clientId=');
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-page.png') });
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('opens a note hit at its section, focused', async () => {
    await page
      .getByTestId('search-page-hit')
      .filter({ hasText: 'Note — Plan section' })
      .getByRole('link')
      .click();
    const section = page.locator('fieldset.note-section[data-section="plan"]');
    await expect.poll(() => hasFocus(section), { timeout: 10_000 }).toBe(true);
  });

  it('lands on the same segment when a hit’s address is opened directly', async () => {
    await page.goto(segmentAddress);
    await page.reload();
    const segmentId = maria.segmentIds[GARDEN_LINE] ?? '';
    const line = page.locator(`[data-line-id="${segmentId}"]`);
    expect(await line.getAttribute('data-found', { timeout: 10_000 })).toBe('true');
  });

  it('closes with Escape and gives the focus back to what opened it', async () => {
    await page.getByTestId('search-button').focus();
    await page.keyboard.press('Enter');
    await words().waitFor();
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'hidden' });
    expect(await hasFocus(page.getByTestId('search-button'))).toBe(true);
  });

  it('logs no console errors or warnings and opens no connection', () => {
    expect(consoleProblems).toEqual([]);
    expect(takeEgressViolations()).toEqual([]);
  });
});

/** Whether the element has the focus (a string: the test compiles without the DOM's types). */
function hasFocus(element: Locator): Promise<boolean> {
  return element.evaluate(
    (node) =>
      node ===
      (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );
}

/** Maria's SOAP draft: the plan names the garden, so a note hit has a section to open. */
function mariaNote(segmentIds: string[]): NoteContent {
  const item = (text: string, line: number) => ({
    text,
    segmentIds: [segmentIds[line] ?? ''],
    quote: '',
    fields: {},
    supported: true,
    problems: [],
    origin: 'ai' as const,
  });
  return {
    templateId: 'soap',
    templateVersion: 1,
    sections: [
      {
        key: 'subjective',
        title: 'Subjective',
        items: [item('Client reports late work evenings.', 1)],
      },
      { key: 'objective', title: 'Objective', items: [item('Calm and engaged.', 2)] },
      {
        key: 'assessment',
        title: 'Assessment',
        items: [item('Stress eased by outdoor activity.', 3)],
      },
      { key: 'plan', title: 'Plan', items: [item('Visit the allotment garden twice a week.', 5)] },
    ],
  };
}

/** Until the core's background indexing has caught up with what was written straight to the DB. */
async function searchable(core: Core): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = await core.invoke('search.status', {});
    if (!status.ok) throw new Error(status.error.message);
    const { pending, documents } = status.value as { pending: number; documents: number };
    if (pending === 0 && documents > 0) return;
    if (Date.now() > deadline) throw new Error(`search index still has ${pending} pending`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
