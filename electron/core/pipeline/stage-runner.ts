import type { RunStage } from '../../../shared/domain/enums';
import { CancelledError, toCairnError, type CairnError } from '../errors';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import { finishStage, getRun, startStage, updateStage } from '../store/repositories/runs';
import type { Tx } from '../store/repositories/types';
import type { EngineGuard } from './resilience';
import type { StageContext, StageDefinition } from './stage-definition';

export interface StageRunDeps {
  db: Db;
  guard: EngineGuard;
  actor: string;
  owner: string;
  /** A short PHI-free message for the progress stream (retries, skips). */
  announce: (stage: RunStage, message: string) => void;
}

export type StageOutcome =
  | { status: 'completed'; summary: unknown }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: CairnError };

/**
 * Runs one stage: marks it running, does the work (under its engine's retries and breaker), then
 * in one transaction writes its outputs, marks it completed and audits it, but only if this
 * process still owns the run (a run cancelled meanwhile commits nothing). A failure is recorded
 * on the stage and returned; cancellation is thrown.
 */
export async function runStage(
  deps: StageRunDeps,
  definition: StageDefinition,
  context: StageContext,
): Promise<StageOutcome> {
  const { db, actor } = deps;
  const { runId } = context;
  const stage = definition.name;
  const audit = (tx: Tx, action: string, detail?: Record<string, string | number | null>) =>
    recordAudit(tx, {
      actor,
      action: `pipeline.stage.${action}`,
      entityType: 'run',
      entityId: runId,
      detail: { stage, ...detail },
    });

  const skip = definition.skipReason?.(context);
  if (skip) {
    transaction(db, (tx) => {
      requireOwnership(tx, runId, deps.owner);
      startStage(tx, runId, stage);
      finishStage(tx, runId, stage, {
        status: 'skipped',
        outputJson: JSON.stringify({ reason: skip }),
      });
      audit(tx, 'skipped');
    });
    deps.announce(stage, skip);
    return { status: 'skipped', reason: skip };
  }

  transaction(db, (tx) => {
    requireOwnership(tx, runId, deps.owner);
    startStage(tx, runId, stage);
    audit(tx, 'started');
  });
  const started = performance.now();
  let output: unknown;
  try {
    output = definition.engine
      ? await deps.guard.run(
          definition.engine,
          (signal) => definition.execute({ ...context, signal }),
          context.signal,
          (attempt, delayMs) => {
            updateStage(db, runId, stage, { attempts: attempt + 1 });
            deps.announce(
              stage,
              `retrying ${stage} in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt + 1})`,
            );
          },
        )
      : await definition.execute(context);
  } catch (thrown) {
    if (context.signal.aborted || thrown instanceof CancelledError) throw new CancelledError();
    const error = toCairnError(thrown);
    transaction(db, (tx) => {
      finishStage(tx, runId, stage, {
        status: 'failed',
        error: { category: error.category, message: error.userMessage },
      });
      audit(tx, 'failed', { category: error.category, code: error.code });
    });
    return { status: 'failed', error };
  }
  const engineMs = Math.round(performance.now() - started);
  const summary = definition.summary(output);
  transaction(db, (tx) => {
    requireOwnership(tx, runId, deps.owner);
    definition.commit?.(tx, context, output);
    finishStage(tx, runId, stage, {
      status: 'completed',
      engineMs,
      outputJson: JSON.stringify(summary),
    });
    audit(tx, 'completed', { engineMs });
  });
  return { status: 'completed', summary };
}

/** Throws CancelledError (rolling the transaction back) unless `owner` is still running the run. */
export function requireOwnership(tx: Tx, runId: string, owner: string): void {
  const run = getRun(tx, runId);
  if (run?.status !== 'running' || run.owner !== owner) throw new CancelledError();
}

/**
 * BEGIN IMMEDIATE: the write lock is taken up front, so a transaction that reads and then writes
 * never fails halfway because another process wrote in between (WAL snapshot conflicts).
 */
export function transaction<T>(db: Db, work: (tx: Tx) => T): T {
  return db.transaction(work, { behavior: 'immediate' });
}
