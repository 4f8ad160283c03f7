import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { linkPartners } from '../../electron/core/store/repositories/couples';
import { TENSE_PARTNER, WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { cairnKilledAfter, runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { readLibrary, stageCompletions } from '../helpers/pipeline';

const KILLS = 6;
const STAGES = ['load_partners', 'match', 'joint_summary', 'isolation_check', 'persist'];
const MERGE = ['couples', 'merge', TENSE_PARTNER.name, '--session-date', '2026-10-28', '--json'];

const mergeKilledAfter = (dataDir: string, afterMs: number) =>
  cairnKilledAfter(dataDir, MERGE, afterMs);

/**
 * A couples merge killed at moments spread over a CLI run, then asked for again: the run resumes,
 * every stage completes exactly once, and one checked joint summary is kept per completed run.
 */
describe('crash safety of a workflow run (the couples merge)', () => {
  const temp = makeTempDir();
  let cleanMs = 0;

  async function seedLibrary(dataDir: string): Promise<void> {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    const a = seedClientHistory(core.database.db, WORRIED_SLEEPER).clientId;
    const b = seedClientHistory(core.database.db, TENSE_PARTNER).clientId;
    linkPartners(core.database.db, { clientId: a, partnerId: b, actor: 'test' });
    await core.shutdown();
  }

  beforeAll(async () => {
    const dataDir = path.join(temp.dir, 'reference');
    await seedLibrary(dataDir);
    const started = Date.now();
    const clean = await runCairn(MERGE, { dataDir });
    expect(clean.code, clean.stderr).toBe(0);
    cleanMs = Date.now() - started;
  }, 60_000);
  afterAll(() => temp.remove());

  it(`completes each stage once and keeps one summary per run after ${KILLS} SIGKILLs`, async () => {
    const left: string[] = [];
    for (let i = 0; i < KILLS; i += 1) {
      const dataDir = path.join(temp.dir, `crash-${i}`);
      await seedLibrary(dataDir);
      // Dense over the last third of a clean run: start-up takes most of it, the run the end.
      await mergeKilledAfter(dataDir, cleanMs * (0.72 + (0.3 * i) / KILLS));
      const before = readLibrary(dataDir);
      left.push(
        before
          .runs()
          .map((r) => r.status)
          .join('+') || 'no run',
      );
      before.close();

      const again = await runCairn(MERGE, { dataDir });
      expect(again.code, again.stderr).toBe(0);
      const db = readLibrary(dataDir);
      try {
        expect(db.integrity()).toBe('ok');
        const runs = db.runs();
        for (const run of runs) {
          expect(run.status).toBe('completed');
          expect(stageCompletions(db.audit(run.id)), `kill ${i} (${left[i] ?? ''})`).toEqual(
            Object.fromEntries(STAGES.map((s) => [s, 1])),
          );
        }
        const kept = db.raw
          .prepare('select run_id, isolation_json from couples_summaries')
          .all() as {
          run_id: string;
          isolation_json: string;
        }[];
        expect(kept.map((k) => k.run_id).sort()).toEqual(runs.map((r) => r.id).sort());
        for (const k of kept) expect(JSON.parse(k.isolation_json)).toMatchObject({ passed: true });
      } finally {
        db.close();
      }
    }
    console.info(`left by the kills: ${left.join(', ')}`);
    expect(
      left.some((l) => l.includes('running') || l.includes('queued')),
      left.join(', '),
    ).toBe(true);
  }, 240_000);
});
