import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { accessibilityProblemsInBothThemes } from '../helpers/accessibility';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { GROUP_MEMBERS, seedGroupSession, type SeededGroup } from '../helpers/group-session';

const ARTIFACTS = path.join(REPO_ROOT, 'test/artifacts');

/**
 * A group session in the desk: the Participants panel maps each voice to a client by keyboard,
 * writes one summary per participant (with progress), and one is approved on its own; the
 * client's page shows their summary only.
 */
describe('a group session in the desk', () => {
  const temp = makeTempDir();
  const cleanups: (() => Promise<void>)[] = [];
  let consoleProblems: string[] = [];
  let core: Core;
  let vite: ViteDevServer;
  let page: Page;
  let group: SeededGroup;

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'browser-test',
      transport: 'http-bridge',
      libraryPointer: null,
    });
    cleanups.push(() => core.shutdown());
    // Imported as an individual session: the clinician makes it a group session in the desk.
    group = seedGroupSession(core.database.db, { kind: 'individual' });
    ({ vite, page, consoleProblems } = await openDesk(core, cleanups));
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  });

  it('makes the session a group session, then maps each speaker to a client', async () => {
    await page.goto(`${serverUrl(vite)}/#/sessions/${group.sessionId}`);
    await page.getByRole('button', { name: 'Details' }).click();
    await page.getByLabel('Kind of session').selectOption({ label: 'Group' });
    await page.getByRole('button', { name: 'Participants' }).click();
    const panel = page.getByRole('complementary', { name: 'Participants' });
    await panel.getByText('— the clinician').waitFor();
    for (const member of GROUP_MEMBERS) {
      const row = panel.locator(`[data-testid="group-speaker"][data-label="${member.label}"]`);
      // Each voice shows a line of its own (its longest), to tell the voices apart.
      expect(member.lines).toContain(
        (await row.locator('.participant-sample').textContent())?.match(/“(.*)”/)?.[1],
      );
      await row.getByRole('combobox').selectOption({ label: member.name });
    }
    await panel.getByRole('button', { name: 'Save participants' }).click();
    // Enabled once the saved mapping is read back.
    const write = panel.getByRole('button', { name: 'Write participant summaries' });
    await expect.poll(() => write.isEnabled(), { timeout: 10_000 }).toBe(true);
  });

  it('writes one summary per participant, each with only their own words', async () => {
    const panel = page.getByRole('complementary', { name: 'Participants' });
    await panel.getByRole('button', { name: 'Write participant summaries' }).click();
    for (const member of GROUP_MEMBERS) {
      const card = panel.getByRole('article', { name: new RegExp(member.name) });
      await card.waitFor({ timeout: 60_000 });
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(member.canary);
      for (const other of GROUP_MEMBERS.filter((m) => m !== member))
        expect(text).not.toContain(other.canary);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'group.png'), fullPage: true });
  });

  it('approves one participant’s summary by keyboard, leaving the others drafts', async () => {
    const [first] = GROUP_MEMBERS;
    const panel = page.getByRole('complementary', { name: 'Participants' });
    await panel.getByRole('button', { name: `Approve the summary of ${first?.name}` }).focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('article', { name: new RegExp(`${first?.name}.*Approved`) }).waitFor();
    expect(await panel.getByRole('article', { name: /Draft/ }).count()).toBe(2);
  });

  it('has no serious accessibility problems, light or dark', async () => {
    expect(await accessibilityProblemsInBothThemes(page)).toEqual([]);
  });

  it('shows a client only their own group summary on their page', async () => {
    const [first] = group.members;
    await page.goto(`${serverUrl(vite)}/#/clients/${first?.clientId ?? ''}`);
    const section = page.getByRole('region', { name: 'Group and family sessions' });
    await section.getByRole('article').first().waitFor();
    expect(await section.getByRole('article').count()).toBe(1);
    const text = (await section.textContent()) ?? '';
    expect(text).toContain(first?.member.canary);
    expect(text).toContain('Approved');
    expect(consoleProblems).toEqual([]);
  });
});
