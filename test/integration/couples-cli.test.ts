import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { CouplesSummary, CouplesView } from '../../shared/api/couples-schemas';
import { TENSE_PARTNER, WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';

/** `cairn couples` as a user runs it: text or JSON, and bad input refused with exit 2. */
describe('cairn couples', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const cairn = (...args: string[]) => runCairn(['couples', ...args], { dataDir });

  beforeAll(async () => {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    seedClientHistory(core.database.db, WORRIED_SLEEPER);
    seedClientHistory(core.database.db, TENSE_PARTNER);
    await core.shutdown();
  });
  afterAll(() => temp.remove());

  it('refuses a merge with no partner, an unknown client and a bad date (exit 2)', async () => {
    const alone = await cairn('merge', WORRIED_SLEEPER.name);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('no partner linked');
    const unknown = await cairn('link', WORRIED_SLEEPER.name, 'Nobody Here');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cairn clients');
    const self = await cairn('link', WORRIED_SLEEPER.name, WORRIED_SLEEPER.name);
    expect(self.code).toBe(2);
  });

  it('links, merges with progress, shows the summary as text and JSON, and unlinks', async () => {
    const linked = await cairn('link', WORRIED_SLEEPER.name, TENSE_PARTNER.name);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stdout).toContain(`Partners: ${WORRIED_SLEEPER.name} and ${TENSE_PARTNER.name}`);
    const merged = await cairn('merge', TENSE_PARTNER.name, '--session-date', '2026-10-28');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/Joint work summary \(Cairn's rules, no model\)/);
    expect(merged.stdout).toMatch(/Shared topics[\s\S]*sleep difficulties/);
    expect(merged.stdout).toContain('Isolation check passed');
    // Stage progress on stderr, one line a stage when not a terminal (a bar with ETA when one).
    expect(merged.stderr).toMatch(/joint_summary[\s\S]*isolation_check[\s\S]*persist/);
    const json = await cairn(
      'merge',
      WORRIED_SLEEPER.name,
      '--session-date',
      '2026-10-28',
      '--json',
    );
    expect(json.code, json.stderr).toBe(0);
    expect(CouplesSummary.parse(JSON.parse(json.stdout)).isolation.passed).toBe(true);
    const shown = await cairn('show', WORRIED_SLEEPER.name, '--json');
    const view = CouplesView.parse(JSON.parse(shown.stdout));
    expect(view.jointSessions.map((s) => s.date)).toEqual(['2026-10-28']);
    const badDate = await cairn('merge', WORRIED_SLEEPER.name, '--session-date', '28/10/2026');
    expect(badDate.code).toBe(2);
    const unlinked = await cairn('unlink', TENSE_PARTNER.name);
    expect(unlinked.code, unlinked.stderr).toBe(0);
    expect((await cairn('show', TENSE_PARTNER.name)).stdout).toContain('No partner linked');
  });
});
