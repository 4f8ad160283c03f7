import type { Note, NoteContent } from '../../../../shared/api/note-schemas';
import type { Refinement, RequestRefinementInput } from '../../../../shared/api/refine-schemas';
import { ValidationError } from '../../errors';
import { renderNoteText } from '../../notes/generate/note-output';
import { findTemplate, noteSegments } from '../../notes/write-note';
import type { PipelineService } from '../../pipeline/pipeline-service';
import type { Db } from '../../store/open-database';
import { recordAudit } from '../../store/repositories/audit';
import { getNote, saveClinicianVersion } from '../../store/repositories/notes';
import {
  decideRefinement,
  insertRefinement,
  requireRefinement,
} from '../../store/repositories/refinements';
import { getRun } from '../../store/repositories/runs';
import { getSessionRow } from '../../store/repositories/sessions';
import { atomically } from '../../store/repositories/types';
import { enforceInvariants } from './invariants';
import { lockedNote } from './revise';

/**
 * A refinement's life outside its run: asked for (stored first, then drafted by a refine run),
 * then accepted as a new clinician revision (as proposed or as the clinician edited it) or
 * rejected. Every step audited by ids only.
 */

/** The note, if it can still be refined: a draft whose session is not signed. */
export function refinableNote(db: Db, noteId: string): Note {
  const note = getNote(db, noteId);
  if (!note) throw new ValidationError('note_not_found', `There is no note with id ${noteId}.`);
  if (note.status === 'approved' || getSessionRow(db, note.sessionId)?.status === 'approved')
    throw lockedNote();
  return note;
}

/** The version a refinement works on: the clinician's, else the AI draft. */
const currentContent = (note: Note): NoteContent | undefined =>
  note.clinician?.content ?? note.ai?.content;

export function requestRefinement(
  context: { db: Db; pipeline: PipelineService; actor: string },
  input: RequestRefinementInput,
): { refinementId: string; runId: string } {
  const { db, actor } = context;
  const note = refinableNote(db, input.noteId);
  const base = currentContent(note);
  if (!base)
    throw new ValidationError(
      'note_empty',
      'This note has no draft yet, so there is nothing to refine.',
    );
  if (input.section !== undefined && !base.sections.some((s) => s.key === input.section))
    throw new ValidationError(
      'note_section_unknown',
      `This note has no section "${input.section}".`,
    );
  const queued = context.pipeline.enqueueWorkflow('refine', note.sessionId, true);
  if (!queued.created)
    throw new ValidationError(
      'refine_busy',
      'A refinement of this note is still being drafted: wait for it, or cancel it first.',
    );
  // Stored before the run reaches its first stage (that comes after the queue's own awaits).
  const refinementId = atomically(db, (tx) => {
    const id = insertRefinement(tx, {
      noteId: note.id,
      runId: queued.runId,
      request: input.request.trim(),
      sectionKey: input.section ?? null,
      base,
      requestedBy: actor,
    });
    recordAudit(tx, {
      actor,
      action: 'note.refinement_requested',
      entityType: 'note',
      entityId: note.id,
      detail: { refinement: id, run: queued.runId },
    });
    return id;
  });
  return { refinementId, runId: queued.runId };
}

/** A refinement whose run ended without a proposal (failed, cancelled, lost) reads as failed. */
export function withRunEnding(db: Db, refinement: Refinement): Refinement {
  if (refinement.status !== 'drafting') return refinement;
  const run = refinement.runId ? getRun(db, refinement.runId) : undefined;
  if (run && !['failed', 'cancelled'].includes(run.status)) return refinement;
  const message =
    run?.status === 'cancelled'
      ? 'Cancelled before a revision was proposed.'
      : (run?.errorMessage ?? 'The refinement stopped before a revision was proposed.');
  return { ...refinement, status: 'failed', message };
}

function undecided(db: Db, id: string): Refinement {
  const refinement = withRunEnding(db, requireRefinement(db, id));
  if (refinement.status === 'proposed') return refinement;
  throw new ValidationError(
    'refinement_not_open',
    refinement.status === 'drafting'
      ? 'This revision is still being drafted.'
      : `This refinement is ${refinement.status}; ask again for a new revision.`,
  );
}

export function acceptRefinement(
  context: { db: Db; actor: string; resourcesDir?: string },
  input: { id: string; content?: NoteContent },
): Note {
  const { db, actor } = context;
  const refinement = undecided(db, input.id);
  const note = refinableNote(db, refinement.noteId);
  if (JSON.stringify(currentContent(note)) !== JSON.stringify(refinement.base))
    throw new ValidationError(
      'refinement_stale',
      'The note has changed since this revision was proposed. Ask again to refine the note as it is now.',
    );
  const proposed = input.content ?? refinement.proposed;
  if (!proposed) throw new Error('a proposed refinement has no content');
  // The clinician's edit is held to the same rules as the proposal: risk kept, new words checked.
  const content = input.content
    ? enforceInvariants(
        refinement.base,
        input.content,
        refinement.base.sections.map((s) => s.key),
        new Map(noteSegments(db, note.sessionId).map((s) => [s.id, s.text])),
      ).content
    : proposed;
  const template = findTemplate(db, note.templateId, context.resourcesDir);
  const edited = input.content !== undefined;
  atomically(db, (tx) => {
    saveClinicianVersion(tx, {
      noteId: note.id,
      content,
      text: renderNoteText(template.name, content),
      author: actor,
      reason: 'refinement',
    });
    decideRefinement(tx, refinement.id, {
      status: edited ? 'edited' : 'accepted',
      by: actor,
      ...(edited ? { proposed: content } : {}),
    });
    recordAudit(tx, {
      actor,
      action: 'note.refinement_accepted',
      entityType: 'note',
      entityId: note.id,
      detail: { refinement: refinement.id, edited },
    });
  });
  return getNote(db, note.id) as Note;
}

export function rejectRefinement(context: { db: Db; actor: string }, id: string): Refinement {
  const { db, actor } = context;
  const refinement = undecided(db, id);
  atomically(db, (tx) => {
    decideRefinement(tx, id, { status: 'rejected', by: actor });
    recordAudit(tx, {
      actor,
      action: 'note.refinement_rejected',
      entityType: 'note',
      entityId: refinement.noteId,
      detail: { refinement: id },
    });
  });
  return requireRefinement(db, id);
}
