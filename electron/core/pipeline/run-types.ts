import type { RunOptions } from '../../../shared/api/schemas';
import type { RunStage, RunType, SessionStatus } from '../../../shared/domain/enums';
import { ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import type { RunRow } from '../store/repositories/runs';
import type { StepEstimator, Steps } from './progress';
import type { StageDefinition } from './stage-definition';

/**
 * One kind of run on the shared machinery (queue, claim and heartbeat, stages committed one by
 * one, resume after a crash, cancel, audit): what its stages are, in which steps, how its
 * progress is estimated, and what it does to its session's status.
 */
export interface RunTypeDefinition {
  type: RunType;
  /** Stages in order; the stages of one step run at the same time. */
  steps: Steps;
  stages: Partial<Record<RunStage, StageDefinition>>;
  /** Whether its stages keep working files (the prepared audio) in the session's work folder. */
  usesWorkDir: boolean;
  /** Percent and time left, from the run's size and this machine's past runs. */
  estimator(db: Db, run: RunRow): StepEstimator;
  /** Checks before any stage runs, so a run that cannot succeed fails before doing work. */
  precheck?(context: {
    db: Db;
    run: RunRow;
    options: RunOptions;
    modelsDir: string;
    done: (stage: RunStage) => boolean;
  }): Promise<void>;
  /**
   * The session's status while the run works, when it fails and when it is cancelled (given the
   * stages completed). Only processing a recording changes it; a workflow leaves it as it is.
   */
  session?: {
    running: SessionStatus;
    failed: SessionStatus;
    cancelled(completed: readonly RunStage[]): SessionStatus;
  };
}

/** The definition of one stage of a run type; a missing one is a programming error. */
export function stageOf(definition: RunTypeDefinition, stage: RunStage): StageDefinition {
  const found = definition.stages[stage];
  if (!found) throw new Error(`Run type ${definition.type} has no stage ${stage}.`);
  return found;
}

/** A run type Cairn does not know (a newer version's run in an older app's library). */
export function unknownRunType(type: string): ValidationError {
  return new ValidationError(
    'run_type_unknown',
    `This run is of a kind (${type}) this version of Cairn cannot carry out. Update Cairn and try again.`,
  );
}
