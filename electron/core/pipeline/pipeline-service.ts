import PQueue from 'p-queue';
import { RunOptions, type EngineHealth } from '../../../shared/api/schemas';
import type { RunStage, RunStatus, RunType } from '../../../shared/domain/enums';
import { ValidationError } from '../errors';
import { refuseWhatRetentionDeleted } from '../retention/retention-guard';
import { recordAudit } from '../store/repositories/audit';
import {
  getRun,
  latestRunForSession,
  liveRunForSession,
  queuedRuns,
  resetStages,
  sessionsWithFailedNotes,
  runningRuns,
  stagesOf,
  transitionRun,
  type RunRow,
} from '../store/repositories/runs';
import { executeRun, RunBusyError, SHUTDOWN, type PipelineDeps } from './run-pipeline';
import { ownerAlive, newOwnerId } from './run-owner';
import {
  queueProcessRun,
  queueWorkflowRun,
  WAITING_PRIORITY,
  type EnqueueResult,
} from './queue-runs';
import { transaction } from './stage-runner';

export { WAITING_PRIORITY, type EnqueueResult };

export interface PipelineServiceOptions {
  /** Heavy runs at once (default 1: one session saturates a laptop's cores). */
  concurrency?: number;
  /** Runs that may wait in the queue; beyond it enqueue is refused (default 50). */
  maxBacklog?: number;
}

const TERMINAL: readonly RunStatus[] = ['completed', 'awaiting_review', 'failed', 'cancelled'];

/**
 * The pipeline queue of this process. Enqueueing writes a queued run and returns at once; a
 * bounded number of runs execute at a time, FIFO, with a bump for the run someone waits on.
 * Runs live in the database, so a queue rebuilt after a crash (recover) picks up queued runs
 * and runs whose owner died, from their last completed stage.
 */
export class PipelineService {
  readonly owner = newOwnerId();
  private readonly queue: PQueue;
  private readonly maxBacklog: number;
  private readonly controllers = new Map<string, AbortController>();
  /** Runs executing in this process, until their clean-up is done. */
  private readonly executing = new Map<string, Promise<void>>();
  private readonly scheduled = new Set<string>();
  private closed = false;

  constructor(
    private readonly deps: PipelineDeps,
    options: PipelineServiceOptions = {},
  ) {
    this.queue = new PQueue({ concurrency: options.concurrency ?? 1 });
    this.maxBacklog = options.maxBacklog ?? 50;
  }

  /**
   * Queues a run for the session: its live run if it has one; nothing if its last run completed
   * and nothing is forced; else a new run that reuses the last run's completed stages (all of
   * them, those before `startFrom`, or none with `force` alone).
   */
  enqueue(sessionId: string, options: RunOptions = {}, waiting = false): EnqueueResult {
    const { db, actor } = this.deps;
    const result = transaction(db, (tx) =>
      queueProcessRun(tx, { sessionId, options, waiting, actor, maxBacklog: this.maxBacklog }),
    );
    const { live, ...outcome } = result;
    if (outcome.created) {
      this.deps.events.emit('runs.changed', { runId: outcome.runId, sessionId, status: 'queued' });
      this.schedule(outcome.runId, waiting ? WAITING_PRIORITY : 0);
    } else if (live?.status === 'queued') {
      if (waiting) this.bump(live.id);
      else this.schedule(live.id, live.priority);
    } else if (live && !ownerAlive(live.owner, live.heartbeatAt)) {
      // Left running by a process that died: resume it here, from its last completed stage.
      this.schedule(live.id, WAITING_PRIORITY);
    }
    return outcome;
  }

  /**
   * Queues a workflow run (a brief, a plan update, a couples summary) for the session: its live
   * run of that type if it has one, else a new one with every stage to do. A live run of another
   * type (the recording still processing) makes the session busy: one run per session at a time.
   */
  enqueueWorkflow(
    type: Exclude<RunType, 'process'>,
    sessionId: string,
    waiting = false,
    /** The run's own choices (a follow-up's template), kept with the run. */
    options?: RunOptions,
  ): EnqueueResult {
    const { db, actor } = this.deps;
    const outcome = transaction(db, (tx) =>
      queueWorkflowRun(tx, {
        type,
        sessionId,
        waiting,
        actor,
        maxBacklog: this.maxBacklog,
        options,
      }),
    );
    const { live, ...result } = outcome;
    if (result.created)
      this.deps.events.emit('runs.changed', { runId: result.runId, sessionId, status: 'queued' });
    if (result.created || live?.status === 'queued')
      this.schedule(result.runId, waiting ? WAITING_PRIORITY : (live?.priority ?? 0));
    else if (live && !ownerAlive(live.owner, live.heartbeatAt))
      this.schedule(live.id, WAITING_PRIORITY);
    return result;
  }

  /**
   * Runs at once from now on (a Settings change applies live: p-queue starts more runs at once
   * when raised; when lowered, running runs finish and fewer start).
   */
  setConcurrency(concurrency: number): void {
    this.queue.concurrency = concurrency;
  }

  get concurrency(): number {
    return this.queue.concurrency;
  }

  /** Moves a queued run to the front: the clinician is waiting for it. */
  bump(runId: string): void {
    transitionRun(this.deps.db, runId, 'queued', { status: 'queued', priority: WAITING_PRIORITY });
    if (!this.scheduled.has(runId)) {
      this.schedule(runId, WAITING_PRIORITY);
      return;
    }
    try {
      this.queue.setPriority(runId, WAITING_PRIORITY);
    } catch {
      // Already started: nothing to move.
    }
  }

  /**
   * Cancels a queued or running run. A run this process executes stops at once (its engine
   * processes are killed); one another process executes stops at that process's next heartbeat.
   */
  cancel(runId: string): RunRow {
    const { db, actor } = this.deps;
    const run = getRun(db, runId);
    if (!run) throw new ValidationError('run_not_found', `There is no run with id ${runId}.`);
    const cancelled = transaction(db, (tx) => {
      const changed = transitionRun(tx, runId, ['queued', 'running'], {
        status: 'cancelled',
        finishedAt: Date.now(),
      });
      if (changed)
        recordAudit(tx, {
          actor,
          action: 'pipeline.run.cancel_requested',
          entityType: 'run',
          entityId: runId,
        });
      return changed;
    });
    if (!cancelled && !TERMINAL.includes(run.status))
      throw new ValidationError('run_not_cancellable', `Run ${runId} could not be cancelled.`);
    this.controllers.get(runId)?.abort();
    if (cancelled)
      this.deps.events.emit('runs.changed', {
        runId,
        sessionId: run.sessionId,
        status: 'cancelled',
      });
    return getRun(db, runId) as RunRow;
  }

  /** Queues a failed or cancelled run again: its failed stages run again, completed ones are kept. */
  retry(runId: string): RunRow {
    const { db, actor } = this.deps;
    transaction(db, (tx) => {
      const run = getRun(tx, runId);
      if (!run) throw new ValidationError('run_not_found', `There is no run with id ${runId}.`);
      if (run.status !== 'failed' && run.status !== 'cancelled')
        throw new ValidationError(
          'run_not_retryable',
          `Run ${runId} is ${run.status}; only a failed or cancelled run can be retried.`,
        );
      if (liveRunForSession(tx, run.sessionId))
        throw new ValidationError(
          'session_busy',
          'This session is already being processed by another run.',
        );
      const unfinished = stagesOf(tx, runId)
        .filter((s) => s.status === 'failed' || s.status === 'running')
        .map((s) => s.stage as RunStage);
      resetStages(tx, runId, unfinished);
      // A workflow reads notes and plans, not the recording or the transcript the policy removes.
      if (run.type === 'process')
        refuseWhatRetentionDeleted(
          tx,
          run.sessionId,
          stagesOf(tx, runId)
            .filter((s) => s.status !== 'completed' && s.status !== 'skipped')
            .map((s) => s.stage as RunStage),
        );
      transitionRun(tx, runId, run.status, {
        status: 'queued',
        owner: null,
        errorCategory: null,
        errorMessage: null,
        finishedAt: null,
      });
      recordAudit(tx, {
        actor,
        action: 'pipeline.run.retried',
        entityType: 'run',
        entityId: runId,
      });
    });
    const run = getRun(db, runId) as RunRow;
    this.deps.events.emit('runs.changed', { runId, sessionId: run.sessionId, status: 'queued' });
    this.schedule(runId, run.priority);
    return run;
  }

  /**
   * Sessions whose notes failed (the transcript is kept) get a notes-only run: a notes model that
   * was busy or missing may be back. The app calls this periodically.
   */
  sweepNotes(): string[] {
    const queued: string[] = [];
    for (const sessionId of sessionsWithFailedNotes(this.deps.db)) {
      // The same note as asked for before (template, provider, model), not the default one.
      const latest = latestRunForSession(this.deps.db, sessionId);
      const asked = RunOptions.safeParse(JSON.parse(latest?.optionsJson ?? '{}'));
      const { template, notesProvider, notesModel } = asked.success ? asked.data : {};
      const result = this.enqueue(sessionId, {
        startFrom: 'notes',
        template,
        notesProvider,
        notesModel,
      });
      if (result.created) queued.push(result.runId);
    }
    return queued;
  }

  /** After a start or a crash: queued runs, and running runs whose owner is gone, go back in the queue. */
  recover(): string[] {
    const { db } = this.deps;
    const orphaned = runningRuns(db).filter((r) => !ownerAlive(r.owner, r.heartbeatAt));
    const runs = [...orphaned, ...queuedRuns(db)];
    for (const run of runs) this.schedule(run.id, run.priority);
    return runs.map((r) => r.id);
  }

  /**
   * Resolves when the run has ended, whichever process runs it; if that process dies meanwhile,
   * this one takes the run over. `onPoll` sees the run each time (progress of a run run elsewhere).
   */
  async settled(runId: string, onPoll?: (run: RunRow) => void, pollMs = 250): Promise<RunRow> {
    for (;;) {
      const run = getRun(this.deps.db, runId);
      if (!run) throw new ValidationError('run_not_found', `There is no run with id ${runId}.`);
      if (TERMINAL.includes(run.status)) {
        // Cancelled while this process runs it: the status changes at once, the clean-up (engine
        // processes, working files) takes a moment more; "settled" means both.
        const executing = this.executing.get(runId);
        if (!executing) return run;
        await executing;
        return getRun(this.deps.db, runId) ?? run;
      }
      onPoll?.(run);
      const orphaned = run.status === 'running' && !ownerAlive(run.owner, run.heartbeatAt);
      if (run.status === 'queued' || orphaned) this.schedule(runId, WAITING_PRIORITY);
      // A run executing here wakes the wait as soon as it ends: a short workflow (a brief takes
      // tens of milliseconds) is not held back to the next poll.
      const sleep = new Promise((resolve) => setTimeout(resolve, pollMs));
      const executing = this.executing.get(runId);
      await (executing ? Promise.race([sleep, executing]) : sleep);
    }
  }

  health(): EngineHealth {
    return {
      engines: this.deps.guard.health(),
      queued: queuedRuns(this.deps.db).length,
      running: runningRuns(this.deps.db).length,
    };
  }

  /**
   * Stops taking work and interrupts what runs here: those runs go back to the queue (not
   * cancelled) and resume from their last completed stage at the next start.
   */
  async shutdown(): Promise<void> {
    this.closed = true;
    this.queue.clear();
    for (const controller of this.controllers.values()) controller.abort(SHUTDOWN);
    await this.queue.onIdle();
  }

  private schedule(runId: string, priority: number): void {
    if (this.closed || this.scheduled.has(runId)) return;
    this.scheduled.add(runId);
    void this.queue
      .add(() => this.execute(runId), { id: runId, priority })
      .finally(() => this.scheduled.delete(runId));
  }

  private execute(runId: string): Promise<void> {
    const execution = this.executeHere(runId).finally(() => this.executing.delete(runId));
    this.executing.set(runId, execution);
    return execution;
  }

  private async executeHere(runId: string): Promise<void> {
    const controller = new AbortController();
    this.controllers.set(runId, controller);
    try {
      await executeRun(this.deps, runId, this.owner, controller.signal);
    } catch (error) {
      // Another process owns it, or it ended before its turn came: nothing to do here. Anything
      // else (the database refusing a write) is reported; the run resumes at the next start.
      if (!(error instanceof RunBusyError) && !(error instanceof ValidationError))
        this.deps.onError?.(error);
    } finally {
      this.controllers.delete(runId);
    }
  }
}
