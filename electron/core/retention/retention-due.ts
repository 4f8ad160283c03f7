import type { RawAudioRetention, TranscriptRetention } from '../../../shared/domain/enums';
import { readSetting } from '../config/settings';
import { retentionMilestones, type RetentionMilestones } from '../store/repositories/retention';
import type { DbOrTx } from '../store/repositories/types';

export interface RetentionPolicy {
  rawAudio: RawAudioRetention;
  transcripts: TranscriptRetention;
  graceDays: number;
}

export function readRetentionPolicy(db: DbOrTx): RetentionPolicy {
  return {
    rawAudio: readSetting(db, 'retentionRawAudio'),
    transcripts: readSetting(db, 'retentionTranscripts'),
    graceDays: readSetting(db, 'retentionGraceDays'),
  };
}

export interface DueAudio {
  sessionId: string;
  recordingId: string;
}

export interface DueForDeletion {
  audio: DueAudio[];
  /** Session ids whose transcript text is due. */
  transcripts: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the policy says should go now: per session, the moment that starts its clock
 * (transcription or approval) plus the grace period has passed, and it is not gone already.
 * Whether a run still needs it is decided later, in the transaction that marks the deletion.
 */
export function dueForDeletion(db: DbOrTx, policy: RetentionPolicy, now: number): DueForDeletion {
  if (policy.rawAudio === 'keep' && policy.transcripts === 'keep')
    return { audio: [], transcripts: [] };
  const rows = retentionMilestones(db);
  const graceOver = (since: number | null) =>
    since !== null && since + policy.graceDays * DAY_MS <= now;
  const audioClock = (row: RetentionMilestones) =>
    policy.rawAudio === 'afterTranscription'
      ? (row.transcribedAt ?? row.approvedAt)
      : policy.rawAudio === 'afterApproval'
        ? row.approvedAt
        : null;
  return {
    audio: rows
      .filter((row) => row.recordingId !== null && row.audioDeletedAt === null)
      .filter((row) => graceOver(audioClock(row)))
      .map((row) => ({ sessionId: row.sessionId, recordingId: row.recordingId as string })),
    transcripts: rows
      .filter((row) => policy.transcripts === 'afterApproval' && row.transcriptDeletedAt === null)
      .filter((row) => row.hasTranscript === 1 && graceOver(row.approvedAt))
      .map((row) => row.sessionId),
  };
}
