import { NoteContent } from '../../../../shared/api/note-schemas';
import type { SqliteConnection } from '../../store/sqlite-driver';
import {
  passage,
  readJson,
  selfGrouped,
  type OwnerDocuments,
  type SearchDocument,
} from './search-document';

interface NoteRow {
  id: string;
  clinicianJson: string | null;
  aiDraftJson: string | null;
}

/** The version the clinician sees: theirs once they edited, else the AI draft. */
function currentContent(row: NoteRow): NoteContent | null {
  const json = row.clinicianJson ?? row.aiDraftJson;
  if (!json) return null;
  const parsed = NoteContent.safeParse(readJson(json));
  return parsed.success ? parsed.data : null;
}

/** A session's notes (every template it has one of): one passage per statement, and addenda. */
export function noteDocuments(connection: SqliteConnection, sessionId: string): OwnerDocuments {
  const owner = `n:${sessionId}`;
  const notes = connection
    .prepare(
      `SELECT id, clinician_json AS clinicianJson, ai_draft_json AS aiDraftJson
         FROM notes WHERE session_id = ? ORDER BY created_at`,
    )
    .all(sessionId) as NoteRow[];
  const documents: SearchDocument[] = [];
  const base = { owner, source: 'note' as const, sessionId };
  for (const note of notes) {
    for (const section of currentContent(note)?.sections ?? []) {
      section.items.forEach((item, i) => {
        documents.push(
          passage(
            {
              ...base,
              key: `n:${note.id}:${section.key}:${i}`,
              noteId: note.id,
              sectionKey: section.key,
              label: section.title,
              text: item.text,
            },
            documents.length,
          ),
        );
      });
    }
    const addenda = connection
      .prepare('SELECT id, text FROM note_addenda WHERE note_id = ? ORDER BY created_at')
      .all(note.id) as { id: string; text: string }[];
    for (const addendum of addenda) {
      documents.push(
        passage(
          {
            ...base,
            key: `a:${addendum.id}`,
            noteId: note.id,
            sectionKey: 'addendum',
            label: 'Addendum',
            text: addendum.text,
          },
          documents.length,
        ),
      );
    }
  }
  return selfGrouped(documents);
}
