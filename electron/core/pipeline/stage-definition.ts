import type { RunStage, SessionKind } from '../../../shared/domain/enums';
import type { DataLayout } from '../config/data-dir';
import type { Db } from '../store/open-database';
import type { Tx } from '../store/repositories/types';
import type { EngineName } from './resilience';
import type { RunOptions } from '../../../shared/api/schemas';

/** What a stage can see while it runs. */
export interface StageContext {
  db: Db;
  layout: DataLayout;
  /** Opens the recording and the prepared audio, which are encrypted at rest. */
  libraryKey: Buffer;
  runId: string;
  sessionId: string;
  sessionKind: SessionKind;
  /** Who the run works for, for the audit log. */
  actor: string;
  options: RunOptions;
  /** Where the session's working files live (the prepared WAV); removed when a run ends. */
  workDir: string;
  modelsDir: string;
  resourcesDir?: string;
  signal: AbortSignal;
  /** 0–100 within the stage, with an optional short message (no PHI: it reaches logs and the UI). */
  progress: (percent: number, message?: string) => void;
  /** A completed earlier stage's output (what its `summary` returned), or undefined. */
  outputOf: (stage: RunStage) => unknown;
}

/** How a failed stage affects the run. */
export type FailurePolicy =
  /** The run fails (validate, preprocess, transcribe, merge, finalize). */
  | 'fail-run'
  /** The run goes on without it (diarize: one "Unknown" speaker; notes: transcript only). */
  | 'continue';

/**
 * One stage: heavy work outside any transaction, then its outputs written in the same transaction
 * that marks it completed, so a crash leaves either all of a stage or none of it. Re-running a
 * stage replaces its own outputs (commit deletes before it inserts). (Method syntax on purpose: it
 * lets every StageDefinition<T> stand in the registry as StageDefinition<unknown>.)
 */
export interface StageDefinition<T = unknown> {
  name: RunStage;
  /** Earlier stages whose outputs (files) this one reads; see `stillValid`. */
  consumes?: readonly RunStage[];
  /** The engine whose retry policy and circuit breaker guard `execute`. */
  engine?: EngineName;
  onFailure: FailurePolicy;
  /** Why the stage is skipped this run (shown to the user), or undefined to run it. */
  skipReason?(context: StageContext): string | undefined;
  execute(context: StageContext): Promise<T>;
  /** Writes the stage's rows (idempotent), inside the completing transaction. */
  commit?(tx: Tx, context: StageContext, output: T): void;
  /** The small JSON kept on the stage row: what later stages read back through `outputOf`. */
  summary(output: T): unknown;
  /**
   * Whether a completed stage's outputs are still there (the prepared WAV is deleted when a run
   * ends); if not and a pending stage `consumes` them, the stage runs again. Default: always.
   */
  stillValid?(context: StageContext, summary: T): boolean;
}

/**
 * A stage's work done by rules, synchronously, as the promise a stage returns: a throw becomes
 * the stage's failure (a rejected promise), never an exception out of the runner.
 */
export const byRules =
  <T>(work: (context: StageContext) => T) =>
  (context: StageContext): Promise<T> =>
    new Promise((resolve) => {
      resolve(work(context));
    });
