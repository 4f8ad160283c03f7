import type { TranscriptLine } from '../../../shared/api/schemas';
import { ValidationError } from '../errors';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { mergeRisk } from '../notes/risk/merge-risk';
import { scanRisk } from '../notes/risk/scan-risk';
import { scanRiskWithMeaning } from '../notes/risk/scan-risk-with-meaning';
import { recordAudit } from '../store/repositories/audit';
import { recordRiskFindings } from '../store/repositories/risk-flags';
import type { Tx } from '../store/repositories/types';
import { addAddendum, addendaOf } from '../store/repositories/note-addenda';
import { getNote } from '../store/repositories/notes';
import {
  lineWithPrevious,
  readSegment,
  readTranscript,
  type StoredSegment,
} from '../store/repositories/transcript';
import {
  correctSegment,
  correctedSegmentIds,
  revisionsOfSegment,
  undoCorrection,
} from '../store/repositories/transcript-revisions';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';
import { retentionDeletions } from '../retention/retention-guard';

type ReviewHandlers = Pick<
  Handlers,
  | 'sessions.transcript'
  | 'transcript.correct'
  | 'transcript.undo'
  | 'transcript.revisions'
  | 'notes.addenda'
  | 'notes.addAddendum'
>;

/**
 * A correction can reveal what the recogniser misheard ("I want to die" heard as "I want a dye"):
 * the scanner reads the corrected line (with the line before, for a question it answers) and new
 * flags are added. Flags are never removed here; a correction that drops the words leaves its
 * flag for the clinician to acknowledge.
 */
function rescanRisk(tx: Tx, sessionId: string, segmentId: string): number {
  const hits = scanRisk(lineWithPrevious(tx, segmentId));
  return recordRiskFindings(tx, sessionId, null, mergeRisk(hits, []));
}

/**
 * The meaning layer reads the corrected line too, after the correction is saved: it needs a
 * process of its own (a second or so), and the clinician should not wait for it. What it adds is
 * stored like any flag; if the library closes first, nothing is lost but this second reading.
 */
function rescanMeaningLater(db: Db, events: EventBus, sessionId: string, segmentId: string): void {
  void scanRiskWithMeaning(lineWithPrevious(db, segmentId))
    .then((scan) => {
      if (scan.meaning !== 'used') return;
      const added = transaction(db, (tx) =>
        recordRiskFindings(tx, sessionId, null, mergeRisk(scan.hits, [])),
      );
      if (added > 0) events.emit('sessions.changed', { sessionId });
    })
    .catch(() => undefined);
}

function toLine(segment: StoredSegment, corrected: boolean): TranscriptLine {
  return {
    id: segment.id,
    seq: segment.seq,
    start: segment.start,
    end: segment.end,
    speaker: segment.speakerName ?? segment.speakerLabel,
    speakerId: segment.speakerId,
    text: segment.text,
    corrected,
  };
}

/**
 * What the clinician changes in the record: transcript corrections (each a revision, undoable)
 * and addenda to signed notes. Audited with ids only; the text itself is never logged.
 */
export function createReviewHandlers(context: {
  db: Db;
  events: EventBus;
  actor: string;
}): ReviewHandlers {
  const { db, events, actor } = context;
  const lineOf = (segmentId: string, sessionId: string) => {
    const segment = readSegment(db, segmentId);
    if (!segment) throw new ValidationError('segment_not_found', 'That transcript line is gone.');
    return toLine(segment, correctedSegmentIds(db, sessionId).has(segmentId));
  };
  return {
    'sessions.transcript': ({ id }) => {
      // Deleted under the retention policy: the rows stay blank (the note's citations point at
      // them), and the session detail says when and why there is nothing to show.
      if (retentionDeletions(db, id).transcriptDeletedAt !== null) return [];
      const corrected = correctedSegmentIds(db, id);
      return readTranscript(db, id).map((s) => toLine(s, corrected.has(s.id)));
    },
    'transcript.correct': ({ segmentId, text }) => {
      const { sessionId, flagsAdded } = transaction(db, (tx) => {
        const correction = correctSegment(tx, { segmentId, text: text.trim(), author: actor });
        // Rolled back: a transcript deleted by the retention policy is not written again.
        if (retentionDeletions(tx, correction.sessionId).transcriptDeletedAt !== null)
          throw new ValidationError(
            'transcript_deleted',
            "This session's transcript was deleted under the practice's retention policy; it can no longer be corrected.",
          );
        const flagsAdded = rescanRisk(tx, correction.sessionId, segmentId);
        if (correction.newRevision)
          recordAudit(tx, {
            actor,
            action: 'transcript.corrected',
            entityType: 'session',
            entityId: correction.sessionId,
            detail: { segment: segmentId },
          });
        return { ...correction, flagsAdded };
      });
      events.emit('transcript.changed', { sessionId, segmentId });
      if (flagsAdded > 0) events.emit('sessions.changed', { sessionId });
      rescanMeaningLater(db, events, sessionId, segmentId);
      return lineOf(segmentId, sessionId);
    },
    'transcript.undo': ({ sessionId, segmentIds }) => {
      const undone = transaction(db, (tx) => {
        const result = undoCorrection(tx, { sessionId, segmentIds });
        if (result)
          recordAudit(tx, {
            actor,
            action: 'transcript.correction_undone',
            entityType: 'session',
            entityId: sessionId,
            detail: { segment: result.segmentId },
          });
        return result;
      });
      if (!undone) return { line: null };
      events.emit('transcript.changed', { sessionId, segmentId: undone.segmentId });
      return { line: lineOf(undone.segmentId, sessionId) };
    },
    'transcript.revisions': ({ segmentId }) =>
      revisionsOfSegment(db, segmentId).map((r) => ({
        id: r.id,
        segmentId: r.segmentId,
        previousText: r.previousText,
        text: r.text,
        author: r.author,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        undoneAt: r.undoneAt,
      })),
    'notes.addenda': ({ id }) => addendaOf(db, id),
    'notes.addAddendum': ({ id, text }) => {
      const addendum = transaction(db, (tx) => {
        const added = addAddendum(tx, { noteId: id, text, author: actor });
        recordAudit(tx, { actor, action: 'note.addendum', entityType: 'note', entityId: id });
        return added;
      });
      const note = getNote(db, id);
      if (note) events.emit('sessions.changed', { sessionId: note.sessionId });
      return addendum;
    },
  };
}
