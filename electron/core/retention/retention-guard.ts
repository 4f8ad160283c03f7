import type { RunStage } from '../../../shared/domain/enums';
import { ValidationError } from '../errors';
import { retentionDeletions } from '../store/repositories/retention';
import type { DbOrTx } from '../store/repositories/types';

export { retentionDeletions };

/** The stages that read the recording (directly or through the prepared audio). */
const AUDIO_STAGES: readonly RunStage[] = ['validate', 'preprocess', 'transcribe', 'diarize'];

/**
 * Refuses a run that would need what the retention policy deleted: any stage up to diarization
 * needs the audio; every stage needs the transcript (and running the engines again would bring
 * back the text the policy removed). Called inside the transaction that queues the run, so the
 * sweep (which marks deletions in its own transaction) and a new run never both win.
 */
export function refuseWhatRetentionDeleted(
  db: DbOrTx,
  sessionId: string,
  stagesToRun: readonly RunStage[],
): void {
  const deleted = retentionDeletions(db, sessionId);
  if (deleted.transcriptDeletedAt !== null)
    throw new ValidationError(
      'transcript_deleted',
      `This session's transcript was deleted under the practice's retention policy on ${day(deleted.transcriptDeletedAt)}, so it cannot be processed again. Its approved note is kept.`,
    );
  if (deleted.audioDeletedAt !== null && stagesToRun.some((s) => AUDIO_STAGES.includes(s)))
    throw audioDeletedError(deleted.audioDeletedAt);
}

/** The recording is gone by policy: said as such, not as a missing or damaged file. */
export function audioDeletedError(at: number): ValidationError {
  return new ValidationError(
    'audio_deleted',
    `This session's recording was deleted under the practice's retention policy on ${day(at)}, so it cannot be played or transcribed again. Its transcript and notes are kept.`,
  );
}

function day(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
