import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { Brief } from '../../shared/api/brief-schemas';
import { WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';

/** `cairn brief` as a user runs it: the brief printed, or JSON, and bad input refused (exit 2). */
describe('cairn brief', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');

  beforeAll(async () => {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    seedClientHistory(core.database.db, WORRIED_SLEEPER);
    await core.shutdown();
  });
  afterAll(() => temp.remove());

  it('prints the brief with its sessions and the client guide', async () => {
    const result = await runCairn(
      ['brief', WORRIED_SLEEPER.name, '--session-date', WORRIED_SLEEPER.upcoming],
      { dataDir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('from 3 signed session(s)');
    expect(result.stdout).toMatch(/Questions to ask[\s\S]*homework set on 2026-10-19/);
    expect(result.stdout).toContain('Client guide (reading grade');
  });

  it('prints JSON that parses as a brief, for the same session (asked again: a new run)', async () => {
    const result = await runCairn(
      ['brief', WORRIED_SLEEPER.name, '--session-date', WORRIED_SLEEPER.upcoming, '--json'],
      { dataDir },
    );
    expect(result.code, result.stderr).toBe(0);
    const brief = Brief.parse(JSON.parse(result.stdout));
    expect(brief.analysis.sessionsRead).toHaveLength(3);
  });

  it('refuses an unknown client and a malformed date with exit 2 and what to do', async () => {
    const unknown = await runCairn(['brief', 'Nobody Here'], { dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cairn clients');
    const badDate = await runCairn(
      ['brief', WORRIED_SLEEPER.name, '--session-date', '26/10/2026'],
      {
        dataDir,
      },
    );
    expect(badDate.code).toBe(2);
    const noSuchDay = await runCairn(
      ['brief', WORRIED_SLEEPER.name, '--session-date', '2026-13-45'],
      { dataDir },
    );
    expect(noSuchDay.code).toBe(2);
  });
});
