import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { pipelineStages } from '../../electron/core/store/schema';
import { couplesSummaries } from '../../electron/core/store/schema-couples';
import { eq } from 'drizzle-orm';
import type * as JointSummaryModule from '../../electron/core/workflows/couples/joint-summary';
import { TENSE_PARTNER, WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';

// A bug planted in the summary stage: it copies a partner's own statement into the summary.
vi.mock('../../electron/core/workflows/couples/joint-summary', async (importOriginal) => {
  const original = await importOriginal<typeof JointSummaryModule>();
  return {
    ...original,
    buildJointSummary: (...args: Parameters<typeof original.buildJointSummary>) => {
      const summary = original.buildJointSummary(...args);
      return {
        ...summary,
        notes: [...summary.notes, 'Her partner Desmond supports the new bedtime routine.'],
      };
    },
  };
});

/** The isolation check is what stops a leak: the run fails, nothing is kept, the audit says so. */
describe('a couples merge with a planted leak', () => {
  const temp = makeTempDir();
  let core: Core;
  const ids = { a: '', b: '' };

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
    });
    ids.a = seedClientHistory(core.database.db, WORRIED_SLEEPER).clientId;
    ids.b = seedClientHistory(core.database.db, TENSE_PARTNER).clientId;
    await call(core, 'couples.link', { clientId: ids.a, partnerId: ids.b });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('fails at isolation_check, keeps no summary, and audits both ids and the counts', async () => {
    const queued = await call(core, 'couples.merge', { clientId: ids.a, date: '2026-10-28' });
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status).toBe('failed');
    const summary = await call(core, 'runs.get', { id: queued.runId });
    expect(summary.errorMessage).toMatch(/isolation check/);
    expect(summary.errorMessage).not.toMatch(/Desmond|bedtime/);
    expect(summary.stages.map((s) => [s.stage, s.status])).toEqual([
      ['load_partners', 'completed'],
      ['match', 'pending'],
      ['joint_summary', 'pending'],
      ['isolation_check', 'failed'],
      ['persist', 'pending'],
    ]);
    expect(core.database.db.select().from(couplesSummaries).all()).toEqual([]);
    const rows = core.database.db
      .select()
      .from(pipelineStages)
      .where(eq(pipelineStages.runId, queued.runId))
      .all();
    expect(JSON.stringify(rows)).not.toMatch(/Desmond|bedtime/);
    expect((await call(core, 'couples.get', { clientId: ids.a })).latest).toBeNull();
    const failed = listAudit(core.database.db).filter(
      (e) => e.action === 'couples.isolation_failed',
    );
    expect(failed).toHaveLength(1);
    const detail = JSON.parse(failed[0]?.detailJson ?? '{}') as Record<string, unknown>;
    expect(detail).toMatchObject({ clientA: ids.a, clientB: ids.b, passed: false, notAllowed: 1 });
    expect(detail.partnerPhrases).toBeGreaterThan(0);
    expect(JSON.stringify(listAudit(core.database.db))).not.toMatch(/Desmond|bedtime/);
  });
});
