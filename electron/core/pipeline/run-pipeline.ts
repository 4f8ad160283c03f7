import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { RunOptions } from '../../../shared/api/schemas';
import type { RunStage } from '../../../shared/domain/enums';
import type { EventBus } from '../app/event-bus';
import type { DataLayout } from '../config/data-dir';
import { CancelledError, toCairnError, ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import {
  claimRun,
  getRun,
  heartbeat,
  resetStages,
  setRunProgress,
  stagesOf,
  type RunRow,
} from '../store/repositories/runs';
import { getSessionRow, setSessionStatus } from '../store/repositories/sessions';
import type { StageFractions } from './progress';
import type { EngineGuard } from './resilience';
import { HEARTBEAT_MS, ownerAlive } from './run-owner';
import type { StageContext } from './stage-definition';
import { runTypeDefinition } from './run-type-registry';
import { stageOf, type RunTypeDefinition } from './run-types';
import { cancelRun, failRun, finishRun, releaseRun } from './run-endings';
import { runStage, transaction } from './stage-runner';

export interface PipelineDeps {
  db: Db;
  layout: DataLayout;
  /** Opens the library's encrypted audio (see security/file-crypto). */
  libraryKey: Buffer;
  events: EventBus;
  guard: EngineGuard;
  actor: string;
  modelsDir: string;
  resourcesDir?: string;
  /** An unexpected failure outside any run's own handling (logged by the host). */
  onError?: (error: unknown) => void;
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
 * awaiting_review, failed, cancelled, or queued again at shutdown). Throws RunBusyError when
 * another live process owns it.
 */
export async function executeRun(
  deps: PipelineDeps,
  runId: string,
  owner: string,
  signal?: AbortSignal,
): Promise<RunRow> {
  const { db } = deps;
  const { run, resumed } = claim(db, runId, owner);
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort(signal.reason);
  // The heartbeat tells other processes this run is alive; when it finds the run is no longer
  // ours (cancelled from elsewhere), the work stops and its engine processes are killed.
  const beat = setInterval(() => {
    if (!heartbeat(db, runId, owner)) controller.abort();
  }, HEARTBEAT_MS);
  beat.unref();
  const workDir = sessionWorkDir(deps.layout, run.sessionId);
  try {
    const awaitingReview = await runStages(deps, run, owner, resumed, workDir, controller.signal);
    return finishRun(deps, runId, owner, awaitingReview);
  } catch (thrown) {
    if (controller.signal.reason === SHUTDOWN) return releaseRun(deps, runId, owner);
    if (thrown instanceof CancelledError || controller.signal.aborted)
      return await cancelRun(deps, runId, owner, workDir);
    return failRun(deps, runId, owner, toCairnError(thrown));
  } finally {
    clearInterval(beat);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The steps in order; throws the first failure that fails the run. Returns whether review is due. */
async function runStages(
  deps: PipelineDeps,
  run: RunRow,
  owner: string,
  resumed: boolean,
  workDir: string,
  signal: AbortSignal,
): Promise<boolean> {
  const { db, events, actor } = deps;
  const runId = run.id;
  const session = getSessionRow(db, run.sessionId);
  if (!session)
    throw new ValidationError('session_not_found', 'The run’s session no longer exists.');
  const options = RunOptions.parse(JSON.parse(run.optionsJson));
  const type = runTypeDefinition(run.type);
  transaction(db, (tx) => {
    if (type.session) setSessionStatus(tx, run.sessionId, type.session.running);
    recordAudit(tx, {
      actor,
      action: resumed ? 'pipeline.run.resumed' : 'pipeline.run.started',
      entityType: 'run',
      entityId: runId,
      detail: { session: run.sessionId, type: run.type },
    });
  });
  events.emit('runs.changed', { runId, sessionId: run.sessionId, status: 'running' });
  // Before any stage and before the work folder, so a run that cannot succeed does no work.
  const statusOf = new Map(stagesOf(db, runId).map((r) => [r.stage, r.status]));
  await type.precheck?.({
    db,
    run,
    options,
    modelsDir: deps.modelsDir,
    done: (stage) => DONE.has(statusOf.get(stage) ?? 'pending'),
  });
  if (type.usesWorkDir) await mkdir(workDir, { recursive: true });

  const model = type.estimator(db, run);
  const fractions: StageFractions = {};
  const outputs = new Map<RunStage, unknown>();
  let lastWrite = 0;
  const report = (stage: RunStage | null, message: string, force = false) => {
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
  const context = (stage: RunStage, stepSignal: AbortSignal): StageContext => ({
    db,
    layout: deps.layout,
    libraryKey: deps.libraryKey,
    runId,
    sessionId: run.sessionId,
    sessionKind: session.kind,
    actor,
    options,
    workDir,
    modelsDir: deps.modelsDir,
    resourcesDir: deps.resourcesDir,
    signal: stepSignal,
    progress: (percent, message) => {
      fractions[stage] = Math.min(0.999, percent / 100);
      report(stage, message ?? stage);
    },
    outputOf: (name: RunStage) => outputs.get(name),
  });

  for (const row of stagesOf(db, runId)) {
    if (!DONE.has(row.status)) continue;
    fractions[row.stage as RunStage] = 1;
    if (row.outputJson) outputs.set(row.stage as RunStage, JSON.parse(row.outputJson));
  }
  for (const stage of reopenInvalidated(deps, type, runId, outputs, (s) => context(s, signal)))
    fractions[stage] = 0;

  const stageDeps = {
    db,
    guard: deps.guard,
    actor,
    owner,
    announce: (s: RunStage, message: string) => report(s, message, true),
  };
  for (const step of type.steps) {
    const statuses = new Map(stagesOf(db, runId).map((r) => [r.stage, r.status]));
    const todo = step.filter((stage) => {
      const status = statuses.get(stage) ?? 'pending';
      return status === 'pending' || status === 'running';
    });
    if (todo.length === 0) continue;
    // One failing stage that fails the run stops its sibling too (transcribe stops diarize).
    const stepController = new AbortController();
    const stopStep = () => stepController.abort();
    signal.addEventListener('abort', stopStep, { once: true });
    try {
      const results = await Promise.allSettled(
        todo.map(async (stage) => {
          const definition = stageOf(type, stage);
          report(stage, stage, true);
          const outcome = await runStage(
            stageDeps,
            definition,
            context(stage, stepController.signal),
          );
          fractions[stage] = 1;
          if (outcome.status === 'completed') outputs.set(stage, outcome.summary);
          if (outcome.status !== 'failed') return;
          if (definition.onFailure === 'fail-run') {
            stepController.abort();
            throw outcome.error;
          }
          report(
            stage,
            `${stage} failed; continuing without it: ${outcome.error.userMessage}`,
            true,
          );
        }),
      );
      const failure = results.find(
        (r): r is PromiseRejectedResult =>
          r.status === 'rejected' && !(r.reason instanceof CancelledError),
      );
      if (failure) throw failure.reason;
      if (results.some((r) => r.status === 'rejected')) throw new CancelledError();
    } finally {
      signal.removeEventListener('abort', stopStep);
    }
  }
  return (
    (outputs.get('finalize') as { awaitingReview?: boolean } | undefined)?.awaitingReview === true
  );
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

/**
 * A completed stage whose outputs are gone (the prepared WAV, deleted when a run ends) runs again
 * if a stage still to run reads them. Returns the stages reopened.
 */
function reopenInvalidated(
  deps: PipelineDeps,
  type: RunTypeDefinition,
  runId: string,
  outputs: Map<RunStage, unknown>,
  contextFor: (stage: RunStage) => StageContext,
): RunStage[] {
  const rows = stagesOf(deps.db, runId);
  const pending = rows
    .filter((r) => r.status === 'pending' || r.status === 'running')
    .map((r) => r.stage as RunStage);
  const needed = new Set(pending.flatMap((stage) => stageOf(type, stage).consumes ?? []));
  const reopened: RunStage[] = [];
  for (const row of rows) {
    const stage = row.stage as RunStage;
    const definition = stageOf(type, stage);
    const summary = outputs.get(stage);
    if (row.status !== 'completed' || !needed.has(stage) || summary === undefined) continue;
    if (definition.stillValid && !definition.stillValid(contextFor(stage), summary)) {
      resetStages(deps.db, runId, [stage]);
      outputs.delete(stage);
      reopened.push(stage);
    }
  }
  return reopened;
}
