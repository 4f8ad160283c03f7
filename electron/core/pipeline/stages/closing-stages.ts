import { rm } from 'node:fs/promises';
import { PermanentError } from '../../errors';
import { unacknowledgedRiskFlags } from '../../store/repositories/risk-flags';
import { setSessionStatus } from '../../store/repositories/sessions';
import type { StageDefinition } from '../stage-definition';

/**
 * Clinical notes from the local LLM arrive with the notes issue. Until then the stage is skipped
 * with a clear reason and the transcript is the result; nothing pretends to be a note.
 */
export const notesStage: StageDefinition<never> = {
  name: 'notes',
  engine: 'llm',
  onFailure: 'continue',
  skipReason: (context) =>
    context.options.skipNotes
      ? 'Notes skipped as asked.'
      : 'Notes are not generated yet: the local notes model arrives in a later version of Cairn. The transcript is ready.',
  execute: () =>
    Promise.reject(new PermanentError('notes_unavailable', 'Notes are not available yet.')),
  summary: () => null,
};

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
