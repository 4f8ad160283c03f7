import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  PIPELINE_STAGES,
  RUN_STAGES,
  RUN_TYPE_STAGES,
  type ErrorCategory,
  type PipelineStage,
  type RunStage,
  type RunStatus,
  type RunType,
} from '../../../../shared/domain/enums';
import { pipelineRuns, pipelineStages } from '../schema';
import type { DbOrTx } from './types';

const LIVE: RunStatus[] = ['queued', 'running'];

export type RunRow = typeof pipelineRuns.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;

/**
 * A queued run with a pending row per stage of its type. The partial unique index allows one live
 * (queued or running) run per session, of any type: returns undefined when there already is one.
 */
export function createRun(
  db: DbOrTx,
  run: { sessionId: string; optionsJson: string; priority?: number; type?: RunType },
): string | undefined {
  const type = run.type ?? 'process';
  const id = randomUUID();
  const inserted = db
    .insert(pipelineRuns)
    .values({
      id,
      sessionId: run.sessionId,
      type,
      optionsJson: run.optionsJson,
      priority: run.priority ?? 0,
    })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0) return undefined;
  db.insert(pipelineStages)
    .values(RUN_TYPE_STAGES[type].map((stage) => ({ id: randomUUID(), runId: id, stage })))
    .run();
  return id;
}

export function getRun(db: DbOrTx, id: string): RunRow | undefined {
  return db.select().from(pipelineRuns).where(eq(pipelineRuns.id, id)).get();
}

export function liveRunForSession(db: DbOrTx, sessionId: string): RunRow | undefined {
  return db
    .select()
    .from(pipelineRuns)
    .where(and(eq(pipelineRuns.sessionId, sessionId), inArray(pipelineRuns.status, LIVE)))
    .get();
}

/** The session's newest run of `type` (by default the one that processed its recording). */
export function latestRunForSession(
  db: DbOrTx,
  sessionId: string,
  type: RunType = 'process',
): RunRow | undefined {
  return db
    .select()
    .from(pipelineRuns)
    .where(and(eq(pipelineRuns.sessionId, sessionId), eq(pipelineRuns.type, type)))
    .orderBy(desc(pipelineRuns.createdAt))
    .limit(1)
    .get();
}

export function listRuns(db: DbOrTx, limit = 200): RunRow[] {
  return db.select().from(pipelineRuns).orderBy(desc(pipelineRuns.createdAt)).limit(limit).all();
}

/** Queued runs, highest priority first, then oldest first (FIFO). */
export function queuedRuns(db: DbOrTx): RunRow[] {
  return db
    .select()
    .from(pipelineRuns)
    .where(eq(pipelineRuns.status, 'queued'))
    .orderBy(desc(pipelineRuns.priority), asc(pipelineRuns.createdAt))
    .all();
}

export function runningRuns(db: DbOrTx): RunRow[] {
  return db.select().from(pipelineRuns).where(eq(pipelineRuns.status, 'running')).all();
}

export function stagesOf(db: DbOrTx, runId: string): StageRow[] {
  const rows = db.select().from(pipelineStages).where(eq(pipelineStages.runId, runId)).all();
  return rows.sort(
    (a, b) => RUN_STAGES.indexOf(a.stage as RunStage) - RUN_STAGES.indexOf(b.stage as RunStage),
  );
}

/**
 * Compare-and-set on the run's status: changes it only if it is still `expected` (and, when
 * given, still owned by `owner`). Returns whether this caller won.
 */
export function transitionRun(
  db: DbOrTx,
  id: string,
  expected: RunStatus | readonly RunStatus[],
  next: Partial<typeof pipelineRuns.$inferInsert> & { status: RunStatus },
  owner?: string | null,
): boolean {
  const statuses = typeof expected === 'string' ? [expected] : [...expected];
  const conditions = [eq(pipelineRuns.id, id), inArray(pipelineRuns.status, statuses)];
  if (owner !== undefined)
    conditions.push(
      owner === null ? sql`${pipelineRuns.owner} is null` : eq(pipelineRuns.owner, owner),
    );
  const result = db
    .update(pipelineRuns)
    .set({ ...next, updatedAt: Date.now() })
    .where(and(...conditions))
    .run();
  return result.changes === 1;
}

/** Takes a queued run, or a running one whose owner is gone (`staleOwner`), for `owner`. */
export function claimRun(
  db: DbOrTx,
  id: string,
  owner: string,
  staleOwner?: string | null,
): boolean {
  const now = Date.now();
  const claimed = { status: 'running' as const, owner, heartbeatAt: now };
  if (staleOwner !== undefined) return transitionRun(db, id, 'running', claimed, staleOwner);
  return transitionRun(db, id, 'queued', { ...claimed, startedAt: now });
}

/** The owner's periodic "still here"; false when the run is no longer this owner's to run. */
export function heartbeat(db: DbOrTx, id: string, owner: string): boolean {
  const result = db
    .update(pipelineRuns)
    .set({ heartbeatAt: Date.now() })
    .where(
      and(
        eq(pipelineRuns.id, id),
        eq(pipelineRuns.status, 'running'),
        eq(pipelineRuns.owner, owner),
      ),
    )
    .run();
  return result.changes === 1;
}

export function setRunProgress(
  db: DbOrTx,
  id: string,
  owner: string,
  currentStage: string | null,
  progress: number,
): void {
  db.update(pipelineRuns)
    .set({ currentStage, progress })
    .where(
      and(
        eq(pipelineRuns.id, id),
        eq(pipelineRuns.owner, owner),
        eq(pipelineRuns.status, 'running'),
      ),
    )
    .run();
}

export function updateStage(
  db: DbOrTx,
  runId: string,
  stage: RunStage,
  values: Partial<typeof pipelineStages.$inferInsert>,
): void {
  db.update(pipelineStages)
    .set(values)
    .where(and(eq(pipelineStages.runId, runId), eq(pipelineStages.stage, stage)))
    .run();
}

export function startStage(db: DbOrTx, runId: string, stage: RunStage): void {
  db.update(pipelineStages)
    .set({
      status: 'running',
      progress: 0,
      startedAt: Date.now(),
      finishedAt: null,
      durationMs: null,
      engineMs: null,
      errorCategory: null,
      errorMessage: null,
      attempts: sql`${pipelineStages.attempts} + 1`,
    })
    .where(and(eq(pipelineStages.runId, runId), eq(pipelineStages.stage, stage)))
    .run();
}

export function finishStage(
  db: DbOrTx,
  runId: string,
  stage: RunStage,
  result: {
    status: 'completed' | 'failed' | 'skipped';
    engineMs?: number | null;
    outputJson?: string | null;
    error?: { category: ErrorCategory; message: string };
  },
): void {
  const row = db
    .select({ startedAt: pipelineStages.startedAt })
    .from(pipelineStages)
    .where(and(eq(pipelineStages.runId, runId), eq(pipelineStages.stage, stage)))
    .get();
  const now = Date.now();
  updateStage(db, runId, stage, {
    status: result.status,
    progress: result.status === 'completed' ? 100 : undefined,
    finishedAt: now,
    durationMs: row?.startedAt ? now - row.startedAt : null,
    engineMs: result.engineMs ?? null,
    outputJson: result.outputJson ?? undefined,
    errorCategory: result.error?.category ?? null,
    errorMessage: result.error?.message ?? null,
  });
}

/** Stage rows back to pending from `from` on (force, startFrom, retry). */
export function resetStages(db: DbOrTx, runId: string, stages: readonly RunStage[]): void {
  if (stages.length === 0) return;
  db.update(pipelineStages)
    .set({
      status: 'pending',
      progress: 0,
      outputJson: null,
      errorCategory: null,
      errorMessage: null,
    })
    .where(and(eq(pipelineStages.runId, runId), inArray(pipelineStages.stage, [...stages])))
    .run();
}

/** Past stage timings on this machine, for the ETA: milliseconds per audio second, per stage. */
export function pastStageSpeeds(db: DbOrTx, limit = 20): Map<string, number> {
  const rows = db
    .select({
      stage: pipelineStages.stage,
      durationMs: pipelineStages.durationMs,
      audioSec: pipelineRuns.audioSec,
    })
    .from(pipelineStages)
    .innerJoin(pipelineRuns, eq(pipelineRuns.id, pipelineStages.runId))
    .where(
      and(
        eq(pipelineStages.status, 'completed'),
        sql`${pipelineRuns.audioSec} > 0`,
        sql`${pipelineStages.durationMs} is not null`,
      ),
    )
    .orderBy(desc(pipelineStages.finishedAt))
    .limit(limit * PIPELINE_STAGES.length)
    .all();
  const sums = new Map<string, { ms: number; sec: number; n: number }>();
  for (const row of rows) {
    const entry = sums.get(row.stage) ?? { ms: 0, sec: 0, n: 0 };
    if (entry.n >= limit) continue;
    entry.ms += row.durationMs ?? 0;
    entry.sec += row.audioSec ?? 0;
    entry.n += 1;
    sums.set(row.stage, entry);
  }
  return new Map([...sums].map(([stage, s]) => [stage, s.ms / Math.max(1e-9, s.sec)]));
}

/**
 * Past stage durations of a workflow type on this machine, for its time left: the median of the
 * last `limit` completed runs of each stage (a workflow's size varies less than audio length).
 */
export function pastWorkflowStageMs(db: DbOrTx, type: RunType, limit = 20): Map<string, number> {
  const rows = db
    .select({ stage: pipelineStages.stage, durationMs: pipelineStages.durationMs })
    .from(pipelineStages)
    .innerJoin(pipelineRuns, eq(pipelineRuns.id, pipelineStages.runId))
    .where(
      and(
        eq(pipelineRuns.type, type),
        eq(pipelineStages.status, 'completed'),
        sql`${pipelineStages.durationMs} is not null`,
      ),
    )
    .orderBy(desc(pipelineStages.finishedAt))
    .limit(limit * RUN_TYPE_STAGES[type].length)
    .all();
  const byStage = new Map<string, number[]>();
  for (const row of rows) {
    const list = byStage.get(row.stage) ?? [];
    if (list.length < limit) list.push(row.durationMs ?? 0);
    byStage.set(row.stage, list);
  }
  return new Map(
    [...byStage].map(([stage, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return [stage, sorted[Math.floor(sorted.length / 2)] ?? 0];
    }),
  );
}

export function setRunAudioSeconds(db: DbOrTx, id: string, audioSec: number): void {
  db.update(pipelineRuns).set({ audioSec }).where(eq(pipelineRuns.id, id)).run();
}

/**
 * Copies `stages` that completed in run `from` into run `to` (their outputs are reused, not
 * recomputed), with the audio length. Only stages in `statuses` count. Returns the stages copied.
 */
export function copyCompletedStages(
  db: DbOrTx,
  from: string,
  to: string,
  stages: readonly PipelineStage[],
  statuses: readonly StageRow['status'][] = ['completed'],
): PipelineStage[] {
  const copied: PipelineStage[] = [];
  const source = getRun(db, from);
  if (source?.audioSec) setRunAudioSeconds(db, to, source.audioSec);
  for (const row of stagesOf(db, from)) {
    const stage = row.stage as PipelineStage;
    if (!statuses.includes(row.status) || !stages.includes(stage)) continue;
    updateStage(db, to, stage, {
      status: row.status,
      progress: 100,
      // Timings stay with the run that did the work (metrics and ETAs would count it twice).
      outputJson: row.outputJson,
    });
    copied.push(stage);
  }
  return copied;
}

/** Sessions whose latest run ended with its notes stage failed. */
export function sessionsWithFailedNotes(db: DbOrTx): string[] {
  const rows = db
    .select({
      sessionId: pipelineRuns.sessionId,
      runId: pipelineRuns.id,
      createdAt: pipelineRuns.createdAt,
    })
    .from(pipelineRuns)
    .innerJoin(pipelineStages, eq(pipelineStages.runId, pipelineRuns.id))
    .where(
      and(
        inArray(pipelineRuns.status, ['completed', 'awaiting_review']),
        eq(pipelineStages.stage, 'notes'),
        eq(pipelineStages.status, 'failed'),
      ),
    )
    .all();
  return rows
    .filter((row) => latestRunForSession(db, row.sessionId)?.id === row.runId)
    .map((row) => row.sessionId);
}

/** The session's newest processing run that got through (completed, or waiting for review). */
export function latestFinishedRunForSession(db: DbOrTx, sessionId: string): RunRow | undefined {
  return db
    .select()
    .from(pipelineRuns)
    .where(
      and(
        eq(pipelineRuns.sessionId, sessionId),
        eq(pipelineRuns.type, 'process'),
        inArray(pipelineRuns.status, ['completed', 'awaiting_review']),
      ),
    )
    .orderBy(desc(pipelineRuns.createdAt))
    .limit(1)
    .get();
}
