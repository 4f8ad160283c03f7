import { rm } from 'node:fs/promises';
import { unacknowledgedRiskFlags } from '../../store/repositories/risk-flags';
import { setSessionStatus } from '../../store/repositories/sessions';
import type { StageDefinition } from '../stage-definition';

/**
 * Ends the run: the working copy of the audio is deleted (the stored recording stays) and the
 * session shows where it stands: awaiting review while a risk flag is unacknowledged, otherwise
 * transcribed (ready for the clinician).
 */
export const finalizeStage: StageDefinition<{ awaitingReview: boolean }> = {
  name: 'finalize',
  onFailure: 'fail-run',
  execute: async (context) => {
    await rm(context.workDir, { recursive: true, force: true });
    return {
      awaitingReview: unacknowledgedRiskFlags(context.db, context.sessionId).length > 0,
    };
  },
  commit: (tx, context, output) =>
    setSessionStatus(
      tx,
      context.sessionId,
      output.awaitingReview ? 'awaiting_review' : 'transcribed',
    ),
  summary: (output) => output,
};
