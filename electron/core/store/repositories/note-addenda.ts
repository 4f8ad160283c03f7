import { asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { NoteAddendum } from '../../../../shared/api/note-schemas';
import { ValidationError } from '../../errors';
import { noteAddenda, notes } from '../schema';
import type { DbOrTx } from './types';

/** Appends to a signed note. Only signed notes take addenda: a draft is simply edited. */
export function addAddendum(
  tx: DbOrTx,
  addendum: { noteId: string; text: string; author: string },
): NoteAddendum {
  const note = tx
    .select({ status: notes.status })
    .from(notes)
    .where(eq(notes.id, addendum.noteId))
    .get();
  if (!note) throw new ValidationError('note_not_found', 'This note no longer exists.');
  if (note.status !== 'approved')
    throw new ValidationError(
      'note_not_signed',
      'This note is not signed yet: edit it directly, and add addenda once it is signed.',
    );
  const row = { id: randomUUID(), ...addendum, createdAt: Date.now() };
  tx.insert(noteAddenda).values(row).run();
  return row;
}

export function addendaOf(db: DbOrTx, noteId: string): NoteAddendum[] {
  return db
    .select({
      id: noteAddenda.id,
      noteId: noteAddenda.noteId,
      text: noteAddenda.text,
      author: noteAddenda.author,
      createdAt: noteAddenda.createdAt,
    })
    .from(noteAddenda)
    .where(eq(noteAddenda.noteId, noteId))
    .orderBy(asc(noteAddenda.createdAt))
    .all();
}
