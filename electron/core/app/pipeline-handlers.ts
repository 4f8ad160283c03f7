import type { RiskFlag, RunSummary, StageSummary } from '../../../shared/api/schemas';
import type { RunStage, RunType } from '../../../shared/domain/enums';
import { ValidationError } from '../errors';
import type { PipelineService } from '../pipeline/pipeline-service';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { atomically, type Tx } from '../store/repositories/types';
import { enqueueIfSharing } from '../sync/outbox/enqueue';
import { recordAudit } from '../store/repositories/audit';
import {
  acknowledgeRiskFlag,
  getRiskFlag,
  parseEvidence,
  riskFlagsOf,
  unacknowledgedRiskFlags,
  type RiskFlagRow,
} from '../store/repositories/risk-flags';
import { approveNotesOfSession } from '../store/repositories/notes';
import { learnFromSignedNote } from '../notes/voice/voice-library';
import { getRun, listRuns, stagesOf, type RunRow } from '../store/repositories/runs';
import { getSessionRow, getSessionSummary, setSessionStatus } from '../store/repositories/sessions';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

interface PipelineHandlerContext {
  db: Db;
  pipeline: PipelineService;
  events: EventBus;
  actor: string;
  /** An approval queued an abstract for sharing: the outbox worker is told. */
  onSyncQueued?: (sessionId: string) => void;
  onError?: (error: unknown) => void;
}

type PipelineHandlers = Pick<
  Handlers,
  | 'pipeline.process'
  | 'pipeline.health'
  | 'runs.list'
  | 'runs.get'
  | 'runs.cancel'
  | 'runs.retry'
  | 'riskFlags.list'
  | 'riskFlags.acknowledge'
  | 'sessions.approve'
>;

/** The pipeline's part of the API: queue, runs, health, and the review gate. */
export function createPipelineHandlers(context: PipelineHandlerContext): PipelineHandlers {
  const { db, pipeline, events, actor } = context;
  const summary = (id: string) => runSummary(db, requireRun(db, id));
  return {
    'pipeline.process': ({ sessionId, options, waiting }) => {
      if (!getSessionRow(db, sessionId))
        throw new ValidationError('session_not_found', `There is no session with id ${sessionId}.`);
      return pipeline.enqueue(sessionId, options ?? {}, waiting ?? false);
    },
    'pipeline.health': () => pipeline.health(),
    'runs.list': ({ sessionId }) =>
      listRuns(db)
        .filter((r) => !sessionId || r.sessionId === sessionId)
        .map((r) => runSummary(db, r)),
    'runs.get': ({ id }) => summary(id),
    'runs.cancel': ({ id }) => runSummary(db, pipeline.cancel(id)),
    'runs.retry': ({ id }) => runSummary(db, pipeline.retry(id)),
    'riskFlags.list': ({ sessionId }) => riskFlagsOf(db, sessionId).map(riskFlag),
    'riskFlags.acknowledge': ({ id }) => {
      const flag = transaction(db, (tx) => {
        if (!acknowledgeRiskFlag(tx, id, actor))
          throw new ValidationError(
            'risk_flag_not_open',
            'This risk flag does not exist or was already acknowledged.',
          );
        recordAudit(tx, {
          actor,
          action: 'risk_flag.acknowledged',
          entityType: 'risk_flag',
          entityId: id,
        });
        return riskFlag(getRiskFlag(tx, id) as RiskFlagRow);
      });
      // The list's risk badge and the session's banner follow.
      events.emit('sessions.changed', { sessionId: flag.sessionId });
      return flag;
    },
    'sessions.approve': ({ id }) => {
      const approved = transaction(db, (tx) => {
        const session = getSessionRow(tx, id);
        if (!session)
          throw new ValidationError('session_not_found', `There is no session with id ${id}.`);
        const open = unacknowledgedRiskFlags(tx, id);
        if (open.length > 0)
          throw new ValidationError(
            'risk_flags_open',
            `This session has ${open.length} risk flag${open.length === 1 ? '' : 's'} to acknowledge before it can be approved.`,
          );
        if (session.status !== 'transcribed' && session.status !== 'awaiting_review')
          throw new ValidationError(
            'not_ready',
            `This session cannot be approved while it is ${session.status}.`,
          );
        setSessionStatus(tx, id, 'approved');
        // Signing locks the session's notes: who and when are recorded; later changes are addenda.
        for (const noteId of approveNotesOfSession(tx, id, actor)) {
          recordAudit(tx, { actor, action: 'note.approved', entityType: 'note', entityId: noteId });
          learnFromSigning(tx, noteId, actor, context.onError);
        }
        recordAudit(tx, { actor, action: 'session.approved', entityType: 'session', entityId: id });
        const queued = queueForSharing(tx, id, context.onError);
        return { summary: getSessionSummary(tx, id), queued };
      });
      events.emit('sessions.changed', { sessionId: id });
      if (approved.queued) context.onSyncQueued?.(id);
      if (!approved.summary)
        throw new ValidationError('session_not_found', `There is no session with id ${id}.`);
      return approved.summary;
    },
  };
}

/**
 * With sharing on, the approval queues the session's abstract in its own transaction (a
 * savepoint), so both commit together. Building it must never block an approval: if it fails,
 * the savepoint is undone, the error reported, and the outbox's sweep queues it later.
 */
function queueForSharing(tx: Tx, sessionId: string, onError?: (error: unknown) => void): boolean {
  try {
    return atomically(tx, (inner) => enqueueIfSharing(inner, sessionId));
  } catch (error) {
    onError?.(error);
    return false;
  }
}

/** The clinician's rewrites kept as examples (notes/voice); like sharing, never blocks a signing. */
function learnFromSigning(
  tx: Tx,
  noteId: string,
  actor: string,
  onError?: (error: unknown) => void,
): void {
  try {
    atomically(tx, (inner) => learnFromSignedNote(inner, noteId, actor));
  } catch (error) {
    onError?.(error);
  }
}

function requireRun(db: Db, id: string): RunRow {
  const run = getRun(db, id);
  if (!run) throw new ValidationError('run_not_found', `There is no run with id ${id}.`);
  return run;
}

function riskFlag(row: RiskFlagRow): RiskFlag {
  const evidence = parseEvidence(row.evidenceJson);
  return {
    id: row.id,
    sessionId: row.sessionId,
    kind: row.kind,
    severity: evidence.severity ?? 'high',
    segmentIds: evidence.segmentIds,
    quotes: evidence.quotes,
    sources: evidence.sources,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedBy: row.acknowledgedBy,
  };
}

export function runSummary(db: Db, run: RunRow): RunSummary {
  return {
    id: run.id,
    sessionId: run.sessionId,
    type: run.type as RunType,
    status: run.status,
    currentStage: run.currentStage,
    progress: run.progress,
    priority: run.priority,
    errorCategory: run.errorCategory,
    errorMessage: run.errorMessage,
    audioSec: run.audioSec,
    wallMs: run.wallMs,
    speedRatio: run.speedRatio,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    stages: stagesOf(db, run.id).map((s): StageSummary => ({
      stage: s.stage as RunStage,
      status: s.status,
      progress: s.progress,
      attempts: s.attempts,
      startedAt: s.startedAt,
      finishedAt: s.finishedAt,
      durationMs: s.durationMs,
      engineMs: s.engineMs,
      errorCategory: s.errorCategory,
      errorMessage: s.errorMessage,
      skipReason:
        s.status === 'skipped' && s.outputJson
          ? ((JSON.parse(s.outputJson) as { reason?: string }).reason ?? null)
          : null,
    })),
  };
}
