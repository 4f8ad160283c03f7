import { asc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { NoteContent } from '../../../../shared/api/note-schemas';
import type { Refinement, RefinementStatus } from '../../../../shared/api/refine-schemas';
import { diffNotes } from '../../../../shared/domain/note-diff';
import { ValidationError } from '../../errors';
import { noteRefinements } from '../schema-refine';
import type { DbOrTx } from './types';

type Row = typeof noteRefinements.$inferSelect;

export interface NewRefinement {
  noteId: string;
  runId: string;
  request: string;
  sectionKey: string | null;
  base: NoteContent;
  requestedBy: string;
}

export function insertRefinement(db: DbOrTx, refinement: NewRefinement): string {
  const id = randomUUID();
  const { base, ...rest } = refinement;
  db.insert(noteRefinements)
    .values({ ...rest, id, baseJson: JSON.stringify(base) })
    .run();
  return id;
}

/** What the revise stage found: a proposal, or why there is none. */
export interface RefinementOutcome {
  status: 'proposed' | 'failed';
  proposed: NoteContent | null;
  mode: 'model' | 'rules' | null;
  provider: string | null;
  model: string | null;
  message: string;
}

export function storeOutcome(db: DbOrTx, id: string, outcome: RefinementOutcome): void {
  const { proposed, ...rest } = outcome;
  db.update(noteRefinements)
    .set({ ...rest, proposedJson: proposed === null ? null : JSON.stringify(proposed) })
    .where(eq(noteRefinements.id, id))
    .run();
}

export function decideRefinement(
  db: DbOrTx,
  id: string,
  decision: { status: 'accepted' | 'edited' | 'rejected'; by: string; proposed?: NoteContent },
): void {
  db.update(noteRefinements)
    .set({
      status: decision.status,
      decidedBy: decision.by,
      decidedAt: Date.now(),
      ...(decision.proposed ? { proposedJson: JSON.stringify(decision.proposed) } : {}),
    })
    .where(eq(noteRefinements.id, id))
    .run();
}

/** A run's refinement (the run was queued for it), or undefined. */
export function refinementOfRun(db: DbOrTx, runId: string): Refinement | undefined {
  const row = db.select().from(noteRefinements).where(eq(noteRefinements.runId, runId)).get();
  return row && toRefinement(row);
}

export function getRefinement(db: DbOrTx, id: string): Refinement | undefined {
  const row = db.select().from(noteRefinements).where(eq(noteRefinements.id, id)).get();
  return row && toRefinement(row);
}

export function requireRefinement(db: DbOrTx, id: string): Refinement {
  const found = getRefinement(db, id);
  if (!found)
    throw new ValidationError('refinement_not_found', `There is no refinement with id ${id}.`);
  return found;
}

/** Oldest first (rowid breaks ties): the conversation as it went. */
export function refinementsOf(db: DbOrTx, noteId: string): Refinement[] {
  return db
    .select()
    .from(noteRefinements)
    .where(eq(noteRefinements.noteId, noteId))
    .orderBy(asc(noteRefinements.createdAt), asc(sql`rowid`))
    .all()
    .map(toRefinement);
}

function toRefinement(row: Row): Refinement {
  const base = NoteContent.parse(JSON.parse(row.baseJson));
  const proposed =
    row.proposedJson === null ? null : NoteContent.parse(JSON.parse(row.proposedJson));
  return {
    id: row.id,
    noteId: row.noteId,
    runId: row.runId,
    request: row.request,
    sectionKey: row.sectionKey,
    status: row.status satisfies RefinementStatus,
    mode: row.mode,
    provider: row.provider,
    model: row.model,
    message: row.message,
    requestedBy: row.requestedBy,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    base,
    proposed,
    diff: proposed && diffNotes(base, proposed),
  };
}
