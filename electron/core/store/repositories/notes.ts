import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  Note,
  NoteContent,
  NoteGeneration,
  NoteRevision,
  type NoteSection,
} from '../../../../shared/api/note-schemas';
import { PermanentError, ValidationError } from '../../errors';
import { notes, noteRevisions as revisions } from '../schema';
import { atomically, type DbOrTx, type Tx } from './types';

type NoteRow = typeof notes.$inferSelect;
type NewRevision = Omit<NoteRevision, 'id' | 'createdAt'>;

export interface AiDraft {
  sessionId: string;
  templateId: string;
  content: NoteContent;
  /** The content rendered as plain text. */
  text: string;
  generation: NoteGeneration;
  author: string;
}

/**
 * Stores the model's draft as the note's AI version; the clinician's version, if any, is left as
 * it is (they decide what to take from the new draft). Returns the note id.
 */
export function saveAiDraft(db: DbOrTx, draft: AiDraft): string {
  const content = valid(NoteContent, draft.content);
  const generation = valid(NoteGeneration, draft.generation);
  return atomically(db, (tx) => {
    const existing = findRow(tx, bySessionTemplate(draft.sessionId, draft.templateId));
    if (existing) refuseLocked(existing);
    const now = Date.now();
    const set = aiColumnsOf(content, draft.text, generation, now);
    const id = existing?.id ?? randomUUID();
    const keys = { id, sessionId: draft.sessionId, template: draft.templateId, createdAt: now };
    if (existing) tx.update(notes).set(set).where(eq(notes.id, id)).run();
    else
      tx.insert(notes)
        .values({ ...keys, ...set })
        .run();
    const { author } = draft;
    addRevision(tx, { noteId: id, version: 'ai', reason: 'ai_draft', author, content }, now);
    return id;
  });
}

export interface SectionReplacement {
  noteId: string;
  section: NoteSection;
  /** The AI draft's text with the new section. */
  aiText: string;
  /** The clinician version's text with the new section; required when that version exists. */
  clinicianText?: string;
  generation: NoteGeneration;
  author: string;
}

/**
 * Regenerates one section: the new section replaces the old in the AI draft and, if the clinician
 * has a version, in theirs too; their edits to the other sections stay exactly as they made them.
 */
export function replaceSection(db: DbOrTx, change: SectionReplacement): void {
  const generation = valid(NoteGeneration, change.generation);
  atomically(db, (tx) => {
    const note = toNote(editableRow(tx, change.noteId));
    if (!note.ai?.content.sections.some((s) => s.key === change.section.key))
      throw new ValidationError(
        'note_section_unknown',
        `This note has no section "${change.section.key}" to regenerate.`,
      );
    const now = Date.now();
    const ai = valid(NoteContent, withSection(note.ai.content, change.section));
    const set: Partial<NoteRow> = aiColumnsOf(ai, change.aiText, generation, now);
    let clinician: NoteContent | undefined;
    if (note.clinician) {
      if (change.clinicianText === undefined)
        throw new ValidationError(
          'note_text_missing',
          "The clinician's version of this note needs its text to replace a section.",
        );
      clinician = valid(NoteContent, withSection(note.clinician.content, change.section));
      Object.assign(set, {
        clinicianJson: JSON.stringify(clinician),
        clinicianText: change.clinicianText,
        clinicianUpdatedAt: now,
      });
    }
    tx.update(notes).set(set).where(eq(notes.id, note.id)).run();
    const revision = { noteId: note.id, reason: 'regenerate_section', author: change.author };
    addRevision(tx, { ...revision, version: 'ai', content: ai }, now);
    if (clinician) addRevision(tx, { ...revision, version: 'clinician', content: clinician }, now);
  });
}

export function saveClinicianVersion(
  db: DbOrTx,
  edit: {
    noteId: string;
    content: NoteContent;
    text: string;
    author: string;
    /** Why the clinician's version changed: an edit (default), or an accepted refinement. */
    reason?: 'edit' | 'refinement';
  },
): void {
  const content = valid(NoteContent, edit.content);
  atomically(db, (tx) => {
    editableRow(tx, edit.noteId);
    const now = Date.now();
    tx.update(notes)
      .set({
        clinicianJson: JSON.stringify(content),
        clinicianText: edit.text,
        clinicianUpdatedAt: now,
        updatedAt: now,
      })
      .where(eq(notes.id, edit.noteId))
      .run();
    const { noteId, author } = edit;
    const reason = edit.reason ?? 'edit';
    addRevision(tx, { noteId, version: 'clinician', reason, author, content }, now);
  });
}

export function getNote(db: DbOrTx, id: string): Note | undefined {
  const row = findRow(db, eq(notes.id, id));
  return row && toNote(row);
}

export function noteOf(db: DbOrTx, sessionId: string, templateId: string): Note | undefined {
  const row = findRow(db, bySessionTemplate(sessionId, templateId));
  return row && toNote(row);
}

/** Most recently drafted first: the note just generated is the one the clinician opens. */
export function notesOfSession(db: DbOrTx, sessionId: string): Note[] {
  return db
    .select()
    .from(notes)
    .where(eq(notes.sessionId, sessionId))
    .orderBy(desc(notes.aiUpdatedAt), desc(notes.createdAt))
    .all()
    .map(toNote);
}

/** Oldest first; rowid breaks ties, since two revisions written together share a timestamp. */
export function noteRevisions(db: DbOrTx, noteId: string): NoteRevision[] {
  return db
    .select()
    .from(revisions)
    .where(eq(revisions.noteId, noteId))
    .orderBy(asc(revisions.createdAt), asc(sql`rowid`))
    .all()
    .map((row) =>
      parsed(NoteRevision, 'stored', {
        id: row.id,
        noteId: row.noteId,
        version: row.version,
        reason: row.reason,
        author: row.author,
        content: JSON.parse(row.contentJson) as unknown,
        createdAt: row.createdAt,
      }),
    );
}

function aiColumnsOf(content: NoteContent, text: string, generation: NoteGeneration, now: number) {
  return {
    aiDraftJson: JSON.stringify(content),
    aiDraftText: text,
    provider: generation.provider,
    model: generation.model,
    promptVersion: generation.promptVersion,
    generationJson: JSON.stringify(generation),
    aiUpdatedAt: now,
    updatedAt: now,
  };
}

function addRevision(tx: Tx, { content, ...revision }: NewRevision, now: number): void {
  tx.insert(revisions)
    .values({ ...revision, id: randomUUID(), contentJson: JSON.stringify(content), createdAt: now })
    .run();
}

/** Replaces the section with the same key; appended if this version had lost it. */
function withSection(content: NoteContent, section: NoteSection): NoteContent {
  const has = content.sections.some((s) => s.key === section.key);
  return {
    ...content,
    sections: has
      ? content.sections.map((s) => (s.key === section.key ? section : s))
      : [...content.sections, section],
  };
}

function findRow(db: DbOrTx, where: SQL | undefined): NoteRow | undefined {
  return db.select().from(notes).where(where).get();
}

const bySessionTemplate = (sessionId: string, templateId: string) =>
  and(eq(notes.sessionId, sessionId), eq(notes.template, templateId));

function editableRow(tx: DbOrTx, id: string): NoteRow {
  const row = findRow(tx, eq(notes.id, id));
  if (!row) throw new ValidationError('note_not_found', 'This note no longer exists.');
  return refuseLocked(row);
}

/** An approved note is the record of care: it changes only by addendum. */
function refuseLocked(row: NoteRow): NoteRow {
  if (row.status !== 'approved') return row;
  throw new ValidationError(
    'note_locked',
    'This note is approved and locked; add an addendum instead.',
  );
}

function toNote(row: NoteRow): Note {
  const { id, sessionId, status, approvedAt, approvedBy, createdAt } = row;
  const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
  const version = (json: string | null, text: string | null, at: number | null) => ({
    content: parse(json),
    text: text ?? '',
    updatedAt: at ?? row.updatedAt,
  });
  const ai = version(row.aiDraftJson, row.aiDraftText, row.aiUpdatedAt);
  const clinician = version(row.clinicianJson, row.clinicianText, row.clinicianUpdatedAt);
  return parsed(Note, 'stored', {
    ...{ id, sessionId, status, approvedAt, approvedBy, createdAt },
    templateId: row.template,
    ai: row.aiDraftJson === null ? null : { ...ai, generation: parse(row.generationJson) },
    clinician: row.clinicianJson === null ? null : clinician,
  });
}

/**
 * A caller's input that does not parse is theirs to fix (ValidationError); a stored row that no
 * longer parses is damage, not user error (PermanentError).
 */
function parsed<T>(schema: z.ZodType<T>, from: 'input' | 'stored', value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  if (from === 'stored')
    throw new PermanentError(
      'note_unreadable',
      'A stored note could not be read: the library may be damaged. Restore it from a backup.',
      { cause: result.error },
    );
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new ValidationError(
    'note_invalid',
    `The note is not valid: ${where}${issue?.message ?? 'unknown problem'}.`,
  );
}

function valid<T>(schema: z.ZodType<T>, value: unknown): T {
  return parsed(schema, 'input', value);
}

/** Locks every draft note of the session as signed by `by`; returns the notes it locked. */
export function approveNotesOfSession(db: DbOrTx, sessionId: string, by: string): string[] {
  const now = Date.now();
  return db
    .update(notes)
    .set({ status: 'approved', approvedAt: now, approvedBy: by, updatedAt: now })
    .where(and(eq(notes.sessionId, sessionId), eq(notes.status, 'draft')))
    .returning({ id: notes.id })
    .all()
    .map((row) => row.id);
}
