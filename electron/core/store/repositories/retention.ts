import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { recordings, sessions, transcriptRevisions, transcriptSegments } from '../schema';
import type { DbOrTx } from './types';

/** What the retention sweep deleted of a session: null where it is still there. */
export function retentionDeletions(
  db: DbOrTx,
  sessionId: string,
): { audioDeletedAt: number | null; transcriptDeletedAt: number | null } {
  const session = db
    .select({ transcriptDeletedAt: sessions.transcriptDeletedAt })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .get();
  const recording = db
    .select({ audioDeletedAt: recordings.audioDeletedAt })
    .from(recordings)
    .where(eq(recordings.sessionId, sessionId))
    .get();
  return {
    audioDeletedAt: recording?.audioDeletedAt ?? null,
    transcriptDeletedAt: session?.transcriptDeletedAt ?? null,
  };
}

export interface RetentionMilestones {
  sessionId: string;
  recordingId: string | null;
  audioDeletedAt: number | null;
  transcriptDeletedAt: number | null;
  hasTranscript: number;
  /** The latest completed transcription of the session (any run). */
  transcribedAt: number | null;
  /** When the session was signed (its audit entry; the row's update time if there is none). */
  approvedAt: number | null;
}

/** Per session, what starts the retention clocks and what is already deleted. */
export function retentionMilestones(db: DbOrTx): RetentionMilestones[] {
  return db.all<RetentionMilestones>(sql`
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
}

/** Marks a recording's audio deleted; false when it already was. */
export function markAudioDeleted(tx: DbOrTx, recordingId: string, at: number): boolean {
  return (
    tx
      .update(recordings)
      .set({ audioDeletedAt: at })
      .where(and(eq(recordings.id, recordingId), isNull(recordings.audioDeletedAt)))
      .run().changes > 0
  );
}

/**
 * Marks a session's transcript deleted, blanks its segments' text and word timings (the rows
 * stay, for citations and talk-time statistics) and removes its corrections. Null when it was
 * already deleted.
 */
export function deleteTranscriptText(
  tx: DbOrTx,
  sessionId: string,
  at: number,
): { segments: number; revisions: number } | null {
  const marked = tx
    .update(sessions)
    .set({ transcriptDeletedAt: at })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.transcriptDeletedAt)))
    .run();
  if (marked.changes === 0) return null;
  const segments = tx
    .update(transcriptSegments)
    .set({ text: '', wordsJson: '[]', updatedAt: at })
    .where(eq(transcriptSegments.sessionId, sessionId))
    .run().changes;
  const revisions = tx
    .delete(transcriptRevisions)
    .where(eq(transcriptRevisions.sessionId, sessionId))
    .run().changes;
  return { segments, revisions };
}

export function transcriptSize(
  db: DbOrTx,
  sessionId: string,
): { segments: number; revisions: number } {
  const segments = db
    .select({ n: count() })
    .from(transcriptSegments)
    .where(eq(transcriptSegments.sessionId, sessionId))
    .get();
  const revisions = db
    .select({ n: count() })
    .from(transcriptRevisions)
    .where(eq(transcriptRevisions.sessionId, sessionId))
    .get();
  return { segments: segments?.n ?? 0, revisions: revisions?.n ?? 0 };
}

/** Recordings whose audio the database says is deleted (their files may still need removing). */
export function recordingsWithDeletedAudio(db: DbOrTx) {
  return db
    .select({
      sessionId: recordings.sessionId,
      storedPath: recordings.storedPath,
      id: recordings.id,
    })
    .from(recordings)
    .where(isNotNull(recordings.audioDeletedAt))
    .all();
}
