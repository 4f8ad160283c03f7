import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { cairnKilledAfter, runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { readLibrary, stageCompletions } from '../helpers/pipeline';

const KILLS = 8;
const STAGES = ['load_history', 'analysis', 'abstraction', 'client_guide', 'persist'];

const BRIEF = ['brief', WORRIED_SLEEPER.name, '--session-date', WORRIED_SLEEPER.upcoming, '--json'];
const briefKilledAfter = (dataDir: string, afterMs: number) =>
  cairnKilledAfter(dataDir, BRIEF, afterMs);

/**
 * A pre-session brief killed at moments spread over a CLI run (start-up, opening the library, the
 * stages), then asked for again: the run resumes, every stage completes exactly once, and exactly
 * one brief is kept.
 */
describe('crash safety of a workflow run (the pre-session brief)', () => {
  const temp = makeTempDir();
  let cleanMs = 0;

  beforeAll(async () => {
    const dataDir = path.join(temp.dir, 'reference');
    await seedLibrary(dataDir);
    const started = Date.now();
    const clean = await runCairn(
      ['brief', WORRIED_SLEEPER.name, '--session-date', WORRIED_SLEEPER.upcoming, '--json'],
      { dataDir },
    );
    expect(clean.code, clean.stderr).toBe(0);
    cleanMs = Date.now() - started;
  }, 60_000);
  afterAll(() => temp.remove());

  async function seedLibrary(dataDir: string): Promise<void> {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    seedClientHistory(core.database.db, WORRIED_SLEEPER);
    await core.shutdown();
  }

  it(`completes each stage exactly once and keeps one brief after ${KILLS} SIGKILLs`, async () => {
    const left: string[] = [];
    for (let i = 0; i < KILLS; i += 1) {
      const dataDir = path.join(temp.dir, `crash-${i}`);
      await seedLibrary(dataDir);
      // Spread over the second half of a clean run, where the library is open and stages run.
      await briefKilledAfter(dataDir, cleanMs * (0.5 + (0.6 * i) / KILLS));
      const before = readLibrary(dataDir);
      left.push(
        before
          .runs()
          .map((r) => r.status)
          .join('+') || 'no run',
      );
      before.close();

      const again = await runCairn(
        ['brief', WORRIED_SLEEPER.name, '--session-date', WORRIED_SLEEPER.upcoming, '--json'],
        { dataDir },
      );
      expect(again.code, again.stderr).toBe(0);
      const db = readLibrary(dataDir);
      try {
        expect(db.integrity()).toBe('ok');
        const runs = db.runs();
        // A run the kill left behind was resumed, not doubled: one run, unless the first had
        // completed before the kill (then asking again makes a second, complete brief).
        for (const run of runs) {
          expect(run.status).toBe('completed');
          expect(stageCompletions(db.audit(run.id)), `kill ${i} (${left[i] ?? ''})`).toEqual(
            Object.fromEntries(STAGES.map((s) => [s, 1])),
          );
        }
        const briefs = db.raw.prepare('select run_id from briefs').all() as { run_id: string }[];
        expect(briefs.map((b) => b.run_id).sort()).toEqual(runs.map((r) => r.id).sort());
      } finally {
        db.close();
      }
    }
    console.info(`left by the kills: ${left.join(', ')}`);
    // Some kills landed while a run was live (queued or running), not only before or after it.
    expect(
      left.some((l) => l.includes('running') || l.includes('queued')),
      left.join(', '),
    ).toBe(true);
  }, 300_000);
});
