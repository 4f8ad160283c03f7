import { and, asc, eq, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { TranscriptSegment, TranscriptWord } from '../../transcribe/types';
import { speakers, transcriptSegments } from '../schema';
import { holdCorrections, reattachCorrections } from './transcript-revisions';
import type { DbOrTx } from './types';

/** SQLite binds at most 32766 variables a statement; 7 columns × 500 rows stays far below. */
const INSERT_BATCH = 500;

export interface StoredWord extends TranscriptWord {
  /** The speaker label the merge gave this word, once it has run. */
  speaker?: string;
}

export interface StoredSegment {
  id: string;
  seq: number;
  start: number;
  end: number;
  text: string;
  words: StoredWord[];
  speakerLabel: string | null;
  speakerId: string | null;
  /** The name the clinician gave the speaker, if any. */
  speakerName: string | null;
}

/**
 * Replaces a session's transcript (delete, then insert in batches) inside the caller's
 * transaction: a stage run twice leaves one copy, never two or a half. The clinician's
 * corrections are carried over to segments at the same time span (see transcript-revisions).
 */
export function replaceTranscript(
  tx: DbOrTx,
  sessionId: string,
  segments: readonly TranscriptSegment[],
): void {
  const corrections = holdCorrections(tx, sessionId);
  tx.delete(transcriptSegments).where(eq(transcriptSegments.sessionId, sessionId)).run();
  tx.delete(speakers).where(eq(speakers.sessionId, sessionId)).run();
  const rows = segments.map((segment, seq) => ({
    id: randomUUID(),
    sessionId,
    seq,
    startSec: segment.start,
    endSec: segment.end,
    text: segment.text,
    wordsJson: JSON.stringify(segment.words),
  }));
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    tx.insert(transcriptSegments)
      .values(rows.slice(i, i + INSERT_BATCH))
      .run();
  reattachCorrections(tx, corrections, rows);
}

export function deleteTranscript(tx: DbOrTx, sessionId: string): void {
  tx.delete(transcriptSegments).where(eq(transcriptSegments.sessionId, sessionId)).run();
  tx.delete(speakers).where(eq(speakers.sessionId, sessionId)).run();
}

export function readTranscript(db: DbOrTx, sessionId: string): StoredSegment[] {
  return readSegments(db, eq(transcriptSegments.sessionId, sessionId));
}

export function readSegment(db: DbOrTx, segmentId: string): StoredSegment | undefined {
  return readSegments(db, eq(transcriptSegments.id, segmentId))[0];
}

/** A line's text and the text of the line before it (for a question it answers), in order. */
export function lineWithPrevious(db: DbOrTx, segmentId: string): { id: string; text: string }[] {
  const columns = {
    id: transcriptSegments.id,
    text: transcriptSegments.text,
    seq: transcriptSegments.seq,
    sessionId: transcriptSegments.sessionId,
  };
  const line = db
    .select(columns)
    .from(transcriptSegments)
    .where(eq(transcriptSegments.id, segmentId))
    .get();
  if (!line) return [];
  const previous = db
    .select(columns)
    .from(transcriptSegments)
    .where(
      and(
        eq(transcriptSegments.sessionId, line.sessionId),
        eq(transcriptSegments.seq, line.seq - 1),
      ),
    )
    .get();
  return [previous, line].flatMap((row) => (row ? [{ id: row.id, text: row.text }] : []));
}

function readSegments(db: DbOrTx, where: SQL): StoredSegment[] {
  return db
    .select({
      id: transcriptSegments.id,
      seq: transcriptSegments.seq,
      start: transcriptSegments.startSec,
      end: transcriptSegments.endSec,
      text: transcriptSegments.text,
      wordsJson: transcriptSegments.wordsJson,
      speakerLabel: speakers.label,
      speakerId: speakers.id,
      speakerName: speakers.displayName,
    })
    .from(transcriptSegments)
    .leftJoin(speakers, eq(speakers.id, transcriptSegments.speakerId))
    .where(where)
    .orderBy(asc(transcriptSegments.seq))
    .all()
    .map(({ wordsJson, ...segment }) => ({
      ...segment,
      words: JSON.parse(wordsJson) as StoredWord[],
    }));
}

/**
 * Writes the merge: the session's speakers (replaced) and, per segment, its words with their
 * speaker and the segment's own speaker (the one with most of its words). Segment ids stay.
 */
export function applySpeakers(
  tx: DbOrTx,
  sessionId: string,
  segments: readonly { id: string; words: StoredWord[]; speakerLabel: string }[],
): void {
  // A merge run again keeps what the clinician said about each label (name, role).
  const known = new Map(speakersOf(tx, sessionId).map((s) => [s.label, s]));
  tx.delete(speakers).where(eq(speakers.sessionId, sessionId)).run();
  const labels = [...new Set(segments.map((s) => s.speakerLabel))].sort();
  const ids = new Map(labels.map((label) => [label, randomUUID()]));
  if (labels.length > 0)
    tx.insert(speakers)
      .values(
        labels.map((label) => ({
          id: ids.get(label) as string,
          sessionId,
          label,
          displayName: known.get(label)?.displayName ?? null,
          role: known.get(label)?.role ?? 'unknown',
        })),
      )
      .run();
  for (const segment of segments) {
    tx.update(transcriptSegments)
      .set({
        speakerId: ids.get(segment.speakerLabel) ?? null,
        wordsJson: JSON.stringify(segment.words),
        updatedAt: Date.now(),
      })
      .where(eq(transcriptSegments.id, segment.id))
      .run();
  }
}

export interface SessionSpeaker {
  label: string;
  displayName: string | null;
  role: (typeof speakers.$inferSelect)['role'];
}

export function speakersOf(db: DbOrTx, sessionId: string): SessionSpeaker[] {
  return db
    .select({ label: speakers.label, displayName: speakers.displayName, role: speakers.role })
    .from(speakers)
    .where(eq(speakers.sessionId, sessionId))
    .all();
}

export function hasTranscript(db: DbOrTx, sessionId: string): boolean {
  return (
    db
      .select({ id: transcriptSegments.id })
      .from(transcriptSegments)
      .where(eq(transcriptSegments.sessionId, sessionId))
      .limit(1)
      .get() !== undefined
  );
}
