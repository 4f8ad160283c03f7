import { z } from 'zod';
import { NoteContent } from '../../../../shared/api/note-schemas';
import { evenWeights, StepEstimator, type Steps } from '../../pipeline/progress';
import type { RunTypeDefinition } from '../../pipeline/run-types';
import type { StageDefinition } from '../../pipeline/stage-definition';
import { recordAudit } from '../../store/repositories/audit';
import { storeOutcome } from '../../store/repositories/refinements';
import { pastWorkflowStageMs } from '../../store/repositories/runs';
import { revise, type Revision } from './revise';

const STEPS: Steps = [['revise'], ['persist']];

/** Rules take well under a second; a machine's own past runs replace this. */
const DEFAULT_STAGE_MS = 500;

const RevisionSummary = z.object({
  refinementId: z.string(),
  noteId: z.string(),
  status: z.enum(['proposed', 'failed']),
  proposed: NoteContent.nullable(),
  mode: z.enum(['model', 'rules']).nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  message: z.string(),
});

const reviseStage: StageDefinition<Revision> = {
  name: 'revise',
  onFailure: 'fail-run',
  execute: revise,
  // Kept on the stage row (encrypted like the note), so a resumed persist stores the same proposal.
  summary: (output) => output,
};

const persistStage: StageDefinition<{ status: string }> = {
  name: 'persist',
  onFailure: 'fail-run',
  execute: (context) =>
    Promise.resolve({ status: RevisionSummary.parse(context.outputOf('revise')).status }),
  commit: (tx, context) => {
    const { refinementId, noteId, ...outcome } = RevisionSummary.parse(context.outputOf('revise'));
    storeOutcome(tx, refinementId, outcome);
    // By id only: the request and the note's words stay out of the audit log.
    recordAudit(tx, {
      actor: context.actor,
      action: outcome.status === 'proposed' ? 'note.refinement_proposed' : 'note.refinement_failed',
      entityType: 'note',
      entityId: noteId,
      detail: { refinement: refinementId, run: context.runId, mode: outcome.mode },
    });
  },
  summary: (output) => output,
};

/** `cairn refine <note> "<request>"`: a proposed revision of a draft note, for the clinician to decide. */
export const REFINE_RUN: RunTypeDefinition = {
  type: 'refine',
  steps: STEPS,
  stages: { revise: reviseStage, persist: persistStage },
  usesWorkDir: false,
  estimator: (db) => {
    const past = pastWorkflowStageMs(db, 'refine');
    return new StepEstimator(
      STEPS,
      evenWeights(STEPS),
      (stage) => past.get(stage) ?? DEFAULT_STAGE_MS,
    );
  },
};
