import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { killCairnGroup, runCairn, spawnCairnGroup } from '../helpers/cli';
import { makeTempDir } from '../helpers/fixtures';
import { seedSearchLibrary } from '../helpers/search-library';
import { withRawDatabase } from '../helpers/sqlite';

const temp = makeTempDir();
const dataDir = path.join(temp.dir, 'data');
afterAll(() => temp.remove());

/** The state of a rebuild as the library holds it: its id, and vectors still to make. */
function rebuildOnDisk(): { id: string | null; vectorsLeft: number } {
  return withRawDatabase(dataDir, (db) => {
    const row = db.prepare("SELECT value FROM search_state WHERE key = 'rebuild'").get() as
      { value: string } | undefined;
    const left = db
      .prepare("SELECT count(*) AS n FROM search_dirty WHERE stage = 'vectors'")
      .get() as { n: number };
    return { id: row ? (JSON.parse(row.value) as { id: string }).id : null, vectorsLeft: left.n };
  });
}

/** `cairn search` through the real CLI, on a small library written by the core. */
describe('cairn search', () => {
  beforeAll(async () => {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    seedSearchLibrary(core.database.db);
    await core.shutdown();
  });

  it('prints one line per hit with the matched words marked, or JSON', async () => {
    const human = await runCairn(['search', '"thought record"', '--mode', 'keyword'], { dataDir });
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]).toBe('3 found (keyword).');
    expect(lines[1]).toMatch(
      /^2026-10-\d\d {2}Marisol Quintero {2}Note, Plan: .*\[thought records?\]/,
    );

    const json = await runCairn(
      ['search', 'NEAR(sister mum, 10)', '--mode', 'keyword', '--since', '2026-10-01', '--json'],
      { dataDir },
    );
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as { hits: { source: string; startMs: number }[] };
    expect(result.hits).toMatchObject([{ source: 'transcript', startMs: 40_000 }]);

    const bad = await runCairn(['search', 'sleep', '--since', '2026-13-45'], { dataDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since takes a day as YYYY-MM-DD');
  }, 60_000);

  it('rebuilds the index, and a rebuild killed half-way resumes where it stopped', async () => {
    const child = spawnCairnGroup(['search', 'reindex'], { dataDir });
    // Killed (SIGKILL: no clean-up) once its text is indexed and while vectors are being made.
    for (let state = rebuildOnDisk(); !(state.id && state.vectorsLeft > 0);) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = rebuildOnDisk();
    }
    await killCairnGroup(child);
    const killed = rebuildOnDisk();
    expect(killed.id).not.toBeNull();

    const status = await runCairn(['search', 'status', '--json'], { dataDir });
    expect(JSON.parse(status.stdout)).toMatchObject({ rebuildRunId: killed.id });

    const resumed = await runCairn(['search', 'reindex', '--json'], { dataDir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      runId: killed.id,
      rebuildRunId: null,
      pending: 0,
      encoder: { available: true },
    });
    expect(rebuildOnDisk()).toEqual({ id: null, vectorsLeft: 0 });
  }, 60_000);
});
