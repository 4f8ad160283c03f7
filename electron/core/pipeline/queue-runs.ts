import type { RunOptions } from '../../../shared/api/schemas';
import { PIPELINE_STAGES, type PipelineStage, type RunType } from '../../../shared/domain/enums';
import { ValidationError } from '../errors';
import { refuseWhatRetentionDeleted } from '../retention/retention-guard';
import { recordAudit } from '../store/repositories/audit';
import {
  copyCompletedStages,
  createRun,
  latestRunForSession,
  liveRunForSession,
  queuedRuns,
  type RunRow,
} from '../store/repositories/runs';
import type { Tx } from '../store/repositories/types';

export interface EnqueueResult {
  runId: string;
  /** False when the session already had a live run, or a finished one that needs no work. */
  created: boolean;
  /** The session's last run already completed and nothing was forced: there is nothing to do. */
  alreadyDone: boolean;
}

/** What queueing decided, inside its transaction; the service schedules it afterwards. */
export type QueueDecision = EnqueueResult & { live?: RunRow };

/** Priority of a run the clinician is waiting on (others are 0): it goes to the front. */
export const WAITING_PRIORITY = 10;

interface QueueRequest {
  sessionId: string;
  waiting: boolean;
  actor: string;
  maxBacklog: number;
}

const BUSY_WITH_WORKFLOW =
  'A brief, plan or couples summary is being prepared for this session; try again when it has finished.';

/**
 * A processing run for the session: its live run if it has one; nothing if its last run completed
 * and nothing is forced; else a new run that reuses the last run's completed stages (all of them,
 * those before `startFrom`, or none with `force` alone).
 */
export function queueProcessRun(
  tx: Tx,
  request: QueueRequest & { options: RunOptions },
): QueueDecision {
  const { sessionId, options, waiting, actor, maxBacklog } = request;
  const live = liveRunForSession(tx, sessionId);
  if (live?.type === 'process') return { runId: live.id, created: false, alreadyDone: false, live };
  if (live) throw new ValidationError('session_busy', BUSY_WITH_WORKFLOW);
  const latest = latestRunForSession(tx, sessionId);
  const finished = latest?.status === 'completed' || latest?.status === 'awaiting_review';
  if (latest && finished && !options.force && !options.startFrom)
    return { runId: latest.id, created: false, alreadyDone: true };
  refuseFullQueue(tx, maxBacklog);
  const runId = createRun(tx, {
    sessionId,
    optionsJson: JSON.stringify(options),
    priority: waiting ? WAITING_PRIORITY : 0,
  });
  if (!runId) throw new ValidationError('session_busy', 'This session is already being processed.');
  let copied: PipelineStage[] = [];
  if (latest && (!options.force || options.startFrom)) {
    const reusable = options.startFrom
      ? PIPELINE_STAGES.slice(0, PIPELINE_STAGES.indexOf(options.startFrom))
      : PIPELINE_STAGES.filter((s) => s !== 'finalize');
    // Before a chosen start, a skipped stage (notes) counts as done; otherwise it is tried again.
    copied = copyCompletedStages(
      tx,
      latest.id,
      runId,
      reusable,
      options.startFrom ? ['completed', 'skipped'] : ['completed'],
    );
    const missing = options.startFrom ? reusable.filter((s) => !copied.includes(s)) : [];
    if (missing.length > 0)
      throw new ValidationError(
        'stage_not_completed',
        `Cannot start from ${options.startFrom ?? ''}: ${missing.join(', ')} has not completed for this session.`,
      );
  } else if (options.startFrom && options.startFrom !== 'validate') {
    throw new ValidationError(
      'stage_not_completed',
      `Cannot start from ${options.startFrom}: this session has not been processed yet.`,
    );
  }
  refuseWhatRetentionDeleted(
    tx,
    sessionId,
    PIPELINE_STAGES.filter((s) => !copied.includes(s)),
  );
  audit(tx, actor, runId, { session: sessionId });
  return { runId, created: true, alreadyDone: false };
}

/**
 * A workflow run (a brief, a plan update, a couples summary) for the session: its live run of that
 * type if it has one, else a new one with every stage to do. A live run of another type (the
 * recording still processing) makes the session busy: one run per session at a time.
 */
export function queueWorkflowRun(
  tx: Tx,
  request: QueueRequest & { type: Exclude<RunType, 'process'>; options?: RunOptions },
): QueueDecision {
  const { sessionId, type, waiting, actor, maxBacklog } = request;
  const live = liveRunForSession(tx, sessionId);
  if (live?.type === type) return { runId: live.id, created: false, alreadyDone: false, live };
  const busy = () =>
    new ValidationError(
      'session_busy',
      'This session is being processed; try again when it has finished.',
    );
  if (live) throw busy();
  refuseFullQueue(tx, maxBacklog);
  const priority = waiting ? WAITING_PRIORITY : 0;
  const optionsJson = JSON.stringify(request.options ?? {});
  const runId = createRun(tx, { sessionId, optionsJson, priority, type });
  if (!runId) throw busy();
  audit(tx, actor, runId, { session: sessionId, type });
  return { runId, created: true, alreadyDone: false };
}

function refuseFullQueue(tx: Tx, maxBacklog: number): void {
  if (queuedRuns(tx).length >= maxBacklog)
    throw new ValidationError(
      'queue_full',
      `${maxBacklog} runs are already waiting. Try again when some have finished.`,
    );
}

function audit(tx: Tx, actor: string, runId: string, detail: Record<string, string>): void {
  recordAudit(tx, {
    actor,
    action: 'pipeline.run.queued',
    entityType: 'run',
    entityId: runId,
    detail,
  });
}
