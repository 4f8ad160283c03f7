import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { RunOptions } from '../../../shared/api/schemas';
import type { PipelineStage } from '../../../shared/domain/enums';
import type { EventBus } from '../app/event-bus';
import type { DataLayout } from '../config/data-dir';
import { CancelledError, toCairnError, ValidationError, type CairnError } from '../errors';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import { findRecordingForSession } from '../store/repositories/recordings';
import {
  claimRun,
  getRun,
  heartbeat,
  pastStageSpeeds,
  resetStages,
  setRunProgress,
  stagesOf,
  transitionRun,
  type RunRow,
} from '../store/repositories/runs';
import { getSessionRow, setSessionStatus } from '../store/repositories/sessions';
import { ProgressModel, STEPS, type StageFractions } from './progress';
import type { EngineGuard } from './resilience';
import { HEARTBEAT_MS, ownerAlive } from './run-owner';
import type { StageContext } from './stage-definition';
import { STAGE_DEFINITIONS } from './stage-registry';
import { requireOwnership, runStage, transaction } from './stage-runner';

export interface PipelineDeps {
  db: Db;
  layout: DataLayout;
  events: EventBus;
  guard: EngineGuard;
  actor: string;
  modelsDir: string;
  resourcesDir?: string;
}

/** Where a session's working files live while its runs need them. */
export function sessionWorkDir(layout: DataLayout, sessionId: string): string {
  return path.join(layout.root, 'work', sessionId);
}

/** Another live process owns the run: this one must not touch it. */
export class RunBusyError extends ValidationError {
  constructor(runId: string) {
    super('run_busy', `Run ${runId} is already being processed by another Cairn process.`);
  }
}

const DONE = new Set(['completed', 'skipped']);

/** Abort reason for an orderly shutdown: the run is released to resume at the next start. */
export const SHUTDOWN = 'shutdown';

/**
 * Takes a run (queued, or running under an owner that is gone: a crash) and works through its
 * stages from the first unfinished one. Every stage's outputs are committed before the next
 * starts; transcribe and diarize run at the same time. Returns the run as it ended (completed,
 * awaiting_review, failed or cancelled). Throws RunBusyError when another live process owns it.
 */
export async function executeRun(
  deps: PipelineDeps,
  runId: string,
  owner: string,
  signal?: AbortSignal,
): Promise<RunRow> {
  const { db, events, actor } = deps;
  const { run, resumed } = claim(db, runId, owner);
  const session = getSessionRow(db, run.sessionId);
  if (!session)
    throw new ValidationError('session_not_found', 'The run’s session no longer exists.');
  const options = RunOptions.parse(JSON.parse(run.optionsJson));
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort(signal.reason);
  // The heartbeat tells other processes this run is alive; when it finds the run is no longer
  // ours (cancelled from elsewhere), the work stops and its children are killed.
  const beat = setInterval(() => {
    if (!heartbeat(db, runId, owner)) controller.abort();
  }, HEARTBEAT_MS);
  beat.unref();

  const workDir = sessionWorkDir(deps.layout, run.sessionId);
  await mkdir(workDir, { recursive: true });
  const audioSec = run.audioSec ?? findRecordingForSession(db, run.sessionId)?.durationSec ?? 0;
  const model = new ProgressModel(audioSec, pastStageSpeeds(db));
  const fractions: StageFractions = {};
  const outputs = new Map<PipelineStage, unknown>();
  let lastWrite = 0;
  const report = (stage: PipelineStage | null, message: string, force = false) => {
    const percent = model.percent(fractions);
    const now = Date.now();
    if (force || now - lastWrite > 500) {
      lastWrite = now;
      setRunProgress(db, runId, owner, stage, percent);
    }
    events.emit('runs.progress', {
      runId,
      sessionId: run.sessionId,
      stage,
      percent,
      message,
      etaSec: model.etaSec(fractions) ?? null,
    });
  };

  transaction(db, (tx) => {
    setSessionStatus(tx, run.sessionId, 'processing');
    recordAudit(tx, {
      actor,
      action: resumed ? 'pipeline.run.resumed' : 'pipeline.run.started',
      entityType: 'run',
      entityId: runId,
      detail: { session: run.sessionId },
    });
  });
  events.emit('runs.changed', { runId, sessionId: run.sessionId, status: 'running' });

  try {
    for (const row of stagesOf(db, runId)) {
      if (!DONE.has(row.status)) continue;
      fractions[row.stage as PipelineStage] = 1;
      if (row.outputJson) outputs.set(row.stage as PipelineStage, JSON.parse(row.outputJson));
    }
    const context = (stage: PipelineStage, stepSignal: AbortSignal): StageContext => ({
      db,
      layout: deps.layout,
      runId,
      sessionId: run.sessionId,
      sessionKind: session.kind,
      options,
      workDir,
      modelsDir: deps.modelsDir,
      resourcesDir: deps.resourcesDir,
      signal: stepSignal,
      progress: (percent, message) => {
        fractions[stage] = Math.min(0.999, percent / 100);
        report(stage, message ?? stage);
      },
      outputOf: (name: PipelineStage) => outputs.get(name),
    });
    reopenInvalidated(deps, runId, outputs, (stage) => context(stage, controller.signal));

    for (const step of STEPS) {
      const statuses = new Map(stagesOf(db, runId).map((r) => [r.stage, r.status]));
      const todo = step.filter(
        (stage) => !DONE.has(statuses.get(stage) ?? '') && statuses.get(stage) !== 'failed',
      );
      if (todo.length === 0) continue;
      const stepController = new AbortController();
      const stopStep = () => stepController.abort();
      controller.signal.addEventListener('abort', stopStep, { once: true });
      try {
        const results = await Promise.allSettled(
          todo.map(async (stage) => {
            const definition = STAGE_DEFINITIONS[stage];
            report(stage, stage, true);
            const outcome = await runStage(
              {
                db,
                guard: deps.guard,
                actor,
                owner,
                announce: (s, message) => report(s, message, true),
              },
              definition,
              context(stage, stepController.signal),
            );
            fractions[stage] = 1;
            if (outcome.status === 'completed') outputs.set(stage, outcome.summary);
            if (outcome.status === 'failed') {
              if (definition.onFailure === 'fail-run') {
                stepController.abort();
                throw outcome.error;
              }
              report(
                stage,
                `${stage} failed; continuing without it: ${outcome.error.userMessage}`,
                true,
              );
            }
          }),
        );
        const failure = results.find(
          (r): r is PromiseRejectedResult =>
            r.status === 'rejected' && !(r.reason instanceof CancelledError),
        );
        if (failure) throw failure.reason;
        if (results.some((r) => r.status === 'rejected')) throw new CancelledError();
      } finally {
        controller.signal.removeEventListener('abort', stopStep);
      }
    }
    return finishRun(deps, runId, owner, outputs);
  } catch (thrown) {
    if (controller.signal.reason === SHUTDOWN) return releaseRun(deps, runId, owner);
    if (thrown instanceof CancelledError || controller.signal.aborted)
      return await cancelRunLocally(deps, runId, owner, workDir);
    return failRun(deps, runId, owner, toCairnError(thrown));
  } finally {
    clearInterval(beat);
    signal?.removeEventListener('abort', onAbort);
  }
}

function claim(db: Db, runId: string, owner: string): { run: RunRow; resumed: boolean } {
  const run = getRun(db, runId);
  if (!run) throw new ValidationError('run_not_found', `There is no run with id ${runId}.`);
  const resumed = run.status === 'running';
  const claimed =
    run.status === 'queued'
      ? claimRun(db, runId, owner)
      : run.status === 'running' && !ownerAlive(run.owner, run.heartbeatAt)
        ? claimRun(db, runId, owner, run.owner)
        : false;
  if (!claimed) {
    if (run.status === 'queued' || run.status === 'running') throw new RunBusyError(runId);
    throw new ValidationError('run_finished', `Run ${runId} has already ended (${run.status}).`);
  }
  return { run: getRun(db, runId) as RunRow, resumed };
}

/** A completed stage whose outputs are gone (the prepared WAV) runs again if a later stage needs it. */
function reopenInvalidated(
  deps: PipelineDeps,
  runId: string,
  outputs: Map<PipelineStage, unknown>,
  contextFor: (stage: PipelineStage) => StageContext,
): void {
  const rows = stagesOf(deps.db, runId);
  const pendingAfter = (index: number) =>
    rows.slice(index + 1).some((r) => !DONE.has(r.status) && r.status !== 'failed');
  rows.forEach((row, index) => {
    const stage = row.stage as PipelineStage;
    const definition = STAGE_DEFINITIONS[stage];
    const summary = outputs.get(stage);
    if (row.status !== 'completed' || !definition.stillValid || summary === undefined) return;
    if (pendingAfter(index) && !definition.stillValid(contextFor(stage), summary)) {
      resetStages(deps.db, runId, [stage]);
      outputs.delete(stage);
    }
  });
}

function finishRun(
  deps: PipelineDeps,
  runId: string,
  owner: string,
  outputs: Map<PipelineStage, unknown>,
): RunRow {
  const { db, actor } = deps;
  const awaitingReview =
    (outputs.get('finalize') as { awaitingReview?: boolean } | undefined)?.awaitingReview === true;
  const status = awaitingReview ? 'awaiting_review' : 'completed';
  transaction(db, (tx) => {
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
      actor,
      action: 'pipeline.run.completed',
      entityType: 'run',
      entityId: runId,
      detail: { status },
    });
  });
  const ended = getRun(db, runId) as RunRow;
  deps.events.emit('runs.changed', { runId, sessionId: ended.sessionId, status: ended.status });
  deps.events.emit('sessions.changed', { sessionId: ended.sessionId });
  return ended;
}

function failRun(deps: PipelineDeps, runId: string, owner: string, error: CairnError): RunRow {
  const { db, actor } = deps;
  transaction(db, (tx) => {
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
    setSessionStatus(tx, run.sessionId, 'failed');
    recordAudit(tx, {
      actor,
      action: 'pipeline.run.failed',
      entityType: 'run',
      entityId: runId,
      detail: { category: error.category, code: error.code },
    });
  });
  const ended = getRun(db, runId) as RunRow;
  deps.events.emit('runs.changed', { runId, sessionId: ended.sessionId, status: ended.status });
  deps.events.emit('sessions.changed', { sessionId: ended.sessionId });
  return ended;
}

/**
 * Cancelled here (Ctrl-C, shutdown, the queue) or from another process (the run is already
 * `cancelled`): children were killed by the abort; the working files go, and the session returns
 * to what its completed stages support.
 */
async function cancelRunLocally(
  deps: PipelineDeps,
  runId: string,
  owner: string,
  workDir: string,
): Promise<RunRow> {
  const { db, actor } = deps;
  transaction(db, (tx) => {
    const run = getRun(tx, runId) as RunRow;
    transitionRun(tx, runId, 'running', { status: 'cancelled', finishedAt: Date.now() }, owner);
    for (const row of stagesOf(tx, runId))
      if (row.status === 'running') resetStages(tx, runId, [row.stage as PipelineStage]);
    const merged = stagesOf(tx, runId).some((r) => r.stage === 'merge' && r.status === 'completed');
    setSessionStatus(tx, run.sessionId, merged ? 'transcribed' : 'imported');
    recordAudit(tx, {
      actor,
      action: 'pipeline.run.cancelled',
      entityType: 'run',
      entityId: runId,
    });
  });
  await rm(workDir, { recursive: true, force: true });
  const ended = getRun(db, runId) as RunRow;
  deps.events.emit('runs.changed', { runId, sessionId: ended.sessionId, status: ended.status });
  deps.events.emit('sessions.changed', { sessionId: ended.sessionId });
  return ended;
}

/** Shutdown mid-run: back to queued, unowned, its interrupted stages pending; it resumes later. */
function releaseRun(deps: PipelineDeps, runId: string, owner: string): RunRow {
  transaction(deps.db, (tx) => {
    if (!transitionRun(tx, runId, 'running', { status: 'queued', owner: null }, owner)) return;
    for (const row of stagesOf(tx, runId))
      if (row.status === 'running') resetStages(tx, runId, [row.stage as PipelineStage]);
  });
  return getRun(deps.db, runId) as RunRow;
}
