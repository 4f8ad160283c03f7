import { sql } from 'drizzle-orm';
import type { RawAudioRetention, TranscriptRetention } from '../../../shared/domain/enums';
import { readSetting } from '../config/settings';
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

interface Milestones {
  sessionId: string;
  recordingId: string | null;
  audioDeletedAt: number | null;
  transcriptDeletedAt: number | null;
  hasTranscript: number;
  /** The latest completed transcription of the session (any run). */
  transcribedAt: number | null;
  /** When the session was signed (its audit entry; the row's update time for older libraries). */
  approvedAt: number | null;
}

/**
 * What the policy says should go now: per session, the moment that starts its clock
 * (transcription or approval) plus the grace period has passed, and it is not gone already.
 * Whether a run still needs it is decided later, in the transaction that marks the deletion.
 */
export function dueForDeletion(db: DbOrTx, policy: RetentionPolicy, now: number): DueForDeletion {
  if (policy.rawAudio === 'keep' && policy.transcripts === 'keep')
    return { audio: [], transcripts: [] };
  const rows = db.all<Milestones>(sql`
    SELECT s.id AS sessionId, r.id AS recordingId, r.audio_deleted_at AS audioDeletedAt,
      s.transcript_deleted_at AS transcriptDeletedAt,
      EXISTS (SELECT 1 FROM transcript_segments t WHERE t.session_id = s.id) AS hasTranscript,
      (SELECT max(st.finished_at) FROM pipeline_stages st
        JOIN pipeline_runs pr ON pr.id = st.run_id
        WHERE pr.session_id = s.id AND st.stage = 'transcribe' AND st.status = 'completed')
        AS transcribedAt,
      CASE WHEN s.status = 'approved' THEN coalesce(
        (SELECT max(a.at) FROM audit_log a
          WHERE a.action = 'session.approved' AND a.entity_id = s.id),
        s.updated_at) END AS approvedAt
    FROM sessions s LEFT JOIN recordings r ON r.session_id = s.id`);
  const graceOver = (since: number | null) =>
    since !== null && since + policy.graceDays * DAY_MS <= now;
  const audioClock = (row: Milestones) =>
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
