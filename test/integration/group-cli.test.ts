import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { GroupView, ParticipantSummary } from '../../shared/api/group-schemas';
import { runCairn } from '../helpers/cli';
import { makeTempDir } from '../helpers/fixtures';
import { seedGroupSession, type SeededGroup } from '../helpers/group-session';

/** `cairn group` as a user runs it: map by label and name, summarize with progress, approve one. */
describe('cairn group', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const cairn = (...args: string[]) => runCairn(['group', ...args], { dataDir });
  let group: SeededGroup;

  beforeAll(async () => {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    group = seedGroupSession(core.database.db);
    await core.shutdown();
  });
  afterAll(() => temp.remove());

  it('refuses a pair that is not speaker=client (exit 2)', async () => {
    const bad = await cairn('map', group.sessionId, 'SPEAKER_01');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('speaker=client');
  });

  it(
    'maps, summarizes with progress, and approves one participant',
    { timeout: 120_000 },
    async () => {
      const pairs = group.members.map((m) => `${m.member.label}=${m.member.name}`);
      const mapped = await cairn('map', group.sessionId, ...pairs, '--json');
      expect(mapped.code, mapped.stderr).toBe(0);
      const view = GroupView.parse(JSON.parse(mapped.stdout));
      expect(view.speakers.filter((s) => s.clientId !== null)).toHaveLength(3);
      const written = await cairn('summarize', group.sessionId);
      expect(written.code, written.stderr).toBe(0);
      expect(written.stderr).toMatch(/summarize[\s\S]*isolation_check[\s\S]*persist/);
      for (const { member } of group.members)
        expect(written.stdout).toContain(`${member.name} — draft`);
      const shown = await cairn('show', group.sessionId, '--json');
      const [first] = GroupView.parse(JSON.parse(shown.stdout)).summaries;
      const approved = await cairn('approve', first?.id ?? '', '--json');
      expect(approved.code, approved.stderr).toBe(0);
      expect(ParticipantSummary.parse(JSON.parse(approved.stdout))).toMatchObject({
        id: first?.id,
        status: 'approved',
      });
    },
  );
});
