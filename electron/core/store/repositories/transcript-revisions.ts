import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../../errors';
import { transcriptRevisions, transcriptSegments } from '../schema';
import type { DbOrTx } from './types';

/**
 * Saves made while the clinician keeps typing in one segment land in one revision, so undo steps
 * back over what they typed, not over every pause the autosave saw.
 */
const TYPING_BURST_MS = 60_000;

/** A re-transcribed segment whose span is this close to a corrected one gets the correction. */
const SAME_SPAN_SEC = 0.05;

export type TranscriptRevisionRow = typeof transcriptRevisions.$inferSelect;

function segmentRow(db: DbOrTx, segmentId: string) {
  const row = db
    .select()
    .from(transcriptSegments)
    .where(eq(transcriptSegments.id, segmentId))
    .get();
  if (!row)
    throw new ValidationError(
      'segment_not_found',
      'That transcript line no longer exists; reload the session to see the current transcript.',
    );
  return row;
}

function setSegmentText(db: DbOrTx, segmentId: string, text: string, now: number): void {
  db.update(transcriptSegments)
    .set({ text, updatedAt: now })
    .where(eq(transcriptSegments.id, segmentId))
    .run();
}

function latestOpenRevision(db: DbOrTx, sessionId: string, segmentIds?: readonly string[]) {
  return (
    db
      .select()
      .from(transcriptRevisions)
      .where(
        and(
          eq(transcriptRevisions.sessionId, sessionId),
          isNull(transcriptRevisions.undoneAt),
          segmentIds
            ? inArray(transcriptRevisions.segmentId, [...segmentIds])
            : isNotNull(transcriptRevisions.segmentId),
        ),
      )
      // rowid breaks ties: two saves in one millisecond still undo newest first.
      .orderBy(desc(transcriptRevisions.updatedAt), desc(sql`rowid`))
      .limit(1)
      .get()
  );
}

export interface Correction {
  sessionId: string;
  /** True when this save opened a new revision (false: it extended the current typing burst). */
  newRevision: boolean;
}

/**
 * The clinician's text for one segment, saved at once. Invariant kept by every writer here: a
 * segment's text equals the text of its latest revision that is not undone.
 */
export function correctSegment(
  tx: DbOrTx,
  edit: { segmentId: string; text: string; author: string; now?: number },
): Correction {
  const now = edit.now ?? Date.now();
  const segment = segmentRow(tx, edit.segmentId);
  const sessionId = segment.sessionId;
  if (segment.text === edit.text) return { sessionId, newRevision: false };
  const latest = latestOpenRevision(tx, sessionId);
  const sameBurst =
    latest?.segmentId === edit.segmentId &&
    latest.author === edit.author &&
    now - latest.updatedAt < TYPING_BURST_MS;
  if (latest && sameBurst) {
    // Typed back to where the burst began: nothing is corrected any more.
    const reverted = edit.text === latest.previousText;
    tx.update(transcriptRevisions)
      .set({ text: edit.text, updatedAt: now, undoneAt: reverted ? now : null })
      .where(eq(transcriptRevisions.id, latest.id))
      .run();
  } else {
    tx.insert(transcriptRevisions)
      .values({
        id: randomUUID(),
        sessionId,
        segmentId: segment.id,
        startSec: segment.startSec,
        endSec: segment.endSec,
        previousText: segment.text,
        text: edit.text,
        author: edit.author,
        createdAt: now,
        updatedAt: now,
      })
      .run();
  }
  setSegmentText(tx, segment.id, edit.text, now);
  return { sessionId, newRevision: !sameBurst };
}

/**
 * Steps back the session's latest correction (or the latest among `segmentIds`): the segment gets
 * its previous text and the revision is marked undone, never deleted. Null: nothing to undo.
 */
export function undoCorrection(
  tx: DbOrTx,
  scope: { sessionId: string; segmentIds?: readonly string[]; now?: number },
): { segmentId: string } | null {
  const latest = latestOpenRevision(tx, scope.sessionId, scope.segmentIds);
  if (!latest?.segmentId) return null;
  const now = scope.now ?? Date.now();
  tx.update(transcriptRevisions)
    .set({ undoneAt: now })
    .where(eq(transcriptRevisions.id, latest.id))
    .run();
  setSegmentText(tx, latest.segmentId, latest.previousText, now);
  return { segmentId: latest.segmentId };
}

/** Segments of the session whose text the clinician changed (and did not undo). */
export function correctedSegmentIds(db: DbOrTx, sessionId: string): Set<string> {
  const rows = db
    .selectDistinct({ segmentId: transcriptRevisions.segmentId })
    .from(transcriptRevisions)
    .where(
      and(
        eq(transcriptRevisions.sessionId, sessionId),
        isNull(transcriptRevisions.undoneAt),
        isNotNull(transcriptRevisions.segmentId),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.segmentId as string));
}

/** Every correction of one segment, newest first, undone ones included. */
export function revisionsOfSegment(db: DbOrTx, segmentId: string): TranscriptRevisionRow[] {
  return db
    .select()
    .from(transcriptRevisions)
    .where(eq(transcriptRevisions.segmentId, segmentId))
    .orderBy(desc(transcriptRevisions.createdAt), desc(sql`rowid`))
    .all();
}

interface HeldCorrection {
  start: number;
  end: number;
  text: string;
  revisionIds: string[];
}

/**
 * Before a forced re-transcription replaces the segments: the corrected ones, with their spans.
 * Call `reattachCorrections` after inserting the new segments, in the same transaction.
 */
export function holdCorrections(tx: DbOrTx, sessionId: string): HeldCorrection[] {
  const corrected = correctedSegmentIds(tx, sessionId);
  if (corrected.size === 0) return [];
  const held: HeldCorrection[] = [];
  for (const segmentId of corrected) {
    const segment = segmentRow(tx, segmentId);
    const revisionIds = tx
      .select({ id: transcriptRevisions.id })
      .from(transcriptRevisions)
      .where(eq(transcriptRevisions.segmentId, segmentId))
      .all()
      .map((r) => r.id);
    held.push({ start: segment.startSec, end: segment.endSec, text: segment.text, revisionIds });
  }
  return held;
}

/**
 * The clinician's corrections onto new segments at the same time span (a re-run of the same
 * model gives the same spans). A correction with no such segment stays in the revisions table,
 * detached, so what the clinician typed is never deleted. Returns how many were carried over.
 */
export function reattachCorrections(
  tx: DbOrTx,
  held: readonly HeldCorrection[],
  segments: readonly { id: string; startSec: number; endSec: number }[],
): number {
  let carried = 0;
  for (const correction of held) {
    const match = segments.find(
      (s) =>
        Math.abs(s.startSec - correction.start) <= SAME_SPAN_SEC &&
        Math.abs(s.endSec - correction.end) <= SAME_SPAN_SEC,
    );
    if (!match) continue;
    tx.update(transcriptRevisions)
      .set({ segmentId: match.id })
      .where(inArray(transcriptRevisions.id, correction.revisionIds))
      .run();
    setSegmentText(tx, match.id, correction.text, Date.now());
    carried += 1;
  }
  return carried;
}
