import { rm } from 'node:fs/promises';
import type { RunStage } from '../../../shared/domain/enums';
import type { CairnError } from '../errors';
import { recordAudit } from '../store/repositories/audit';
import {
  getRun,
  resetStages,
  stagesOf,
  transitionRun,
  type RunRow,
} from '../store/repositories/runs';
import type { Tx } from '../store/repositories/types';
import { setSessionStatus } from '../store/repositories/sessions';
import type { PipelineDeps } from './run-pipeline';
import { runTypeDefinition } from './run-type-registry';
import { requireOwnership, transaction } from './stage-runner';

/** How a run ends; each writes its status compare-and-set, audits it, and tells the UI. */

export function finishRun(
  deps: PipelineDeps,
  runId: string,
  owner: string,
  awaitingReview: boolean,
): RunRow {
  const status = awaitingReview ? 'awaiting_review' : 'completed';
  return end(deps, runId, (tx) => {
    requireOwnership(tx, runId, owner);
    const run = getRun(tx, runId) as RunRow;
    const now = Date.now();
    const wallMs = now - (run.startedAt ?? now);
    transitionRun(
      tx,
      runId,
      'running',
      {
        status,
        progress: 100,
        currentStage: null,
        finishedAt: now,
        wallMs,
        speedRatio: run.audioSec && wallMs > 0 ? run.audioSec / (wallMs / 1000) : null,
      },
      owner,
    );
    recordAudit(tx, {
      actor: deps.actor,
      action: 'pipeline.run.completed',
      entityType: 'run',
      entityId: runId,
      detail: { status },
    });
  });
}

export function failRun(
  deps: PipelineDeps,
  runId: string,
  owner: string,
  error: CairnError,
): RunRow {
  return end(deps, runId, (tx) => {
    const run = getRun(tx, runId) as RunRow;
    const changed = transitionRun(
      tx,
      runId,
      'running',
      {
        status: 'failed',
        finishedAt: Date.now(),
        errorCategory: error.category,
        errorMessage: error.userMessage,
      },
      owner,
    );
    if (!changed) return;
    resetInterrupted(tx, runId);
    const session = sessionEffects(run);
    if (session) setSessionStatus(tx, run.sessionId, session.failed);
    recordAudit(tx, {
      actor: deps.actor,
      action: 'pipeline.run.failed',
      entityType: 'run',
      entityId: runId,
      detail: { category: error.category, code: error.code },
    });
  });
}

/**
 * Cancelled here (Ctrl-C, the queue) or from another process (the run is already `cancelled`):
 * the abort killed the engine processes; the working files go, and the session shows what its
 * completed stages support.
 */
export async function cancelRun(
  deps: PipelineDeps,
  runId: string,
  owner: string,
  workDir: string,
): Promise<RunRow> {
  const ended = end(deps, runId, (tx) => {
    const run = getRun(tx, runId) as RunRow;
    transitionRun(tx, runId, 'running', { status: 'cancelled', finishedAt: Date.now() }, owner);
    resetInterrupted(tx, runId);
    const completed = stagesOf(tx, runId)
      .filter((r) => r.status === 'completed')
      .map((r) => r.stage as RunStage);
    const session = sessionEffects(run);
    if (session) setSessionStatus(tx, run.sessionId, session.cancelled(completed));
    recordAudit(tx, {
      actor: deps.actor,
      action: 'pipeline.run.cancelled',
      entityType: 'run',
      entityId: runId,
    });
  });
  await rm(workDir, { recursive: true, force: true });
  return ended;
}

/** Shutdown mid-run: back to queued, unowned, its interrupted stages pending; it resumes later. */
export function releaseRun(deps: PipelineDeps, runId: string, owner: string): RunRow {
  transaction(deps.db, (tx) => {
    if (!transitionRun(tx, runId, 'running', { status: 'queued', owner: null }, owner)) return;
    resetInterrupted(tx, runId);
  });
  return getRun(deps.db, runId) as RunRow;
}

/** Stages left `running` by an interruption go back to pending (their partial work is discarded). */
function resetInterrupted(tx: Tx, runId: string): void {
  const running = stagesOf(tx, runId)
    .filter((row) => row.status === 'running')
    .map((row) => row.stage as RunStage);
  resetStages(tx, runId, running);
}

/** What the run's type does to its session's status; none for a run type this version lacks. */
function sessionEffects(run: RunRow) {
  try {
    return runTypeDefinition(run.type).session;
  } catch {
    return undefined;
  }
}

function end(deps: PipelineDeps, runId: string, write: (tx: Tx) => void): RunRow {
  transaction(deps.db, write);
  const ended = getRun(deps.db, runId) as RunRow;
  deps.events.emit('runs.changed', { runId, sessionId: ended.sessionId, status: ended.status });
  deps.events.emit('sessions.changed', { sessionId: ended.sessionId });
  return ended;
}
