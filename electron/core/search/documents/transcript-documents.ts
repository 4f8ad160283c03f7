import type { SqliteConnection } from '../../store/sqlite-driver';
import type { OwnerDocuments, SearchDocument } from './search-document';

/**
 * The vector unit of a transcript: consecutive segments up to about this many words. One vector
 * per segment would be ~530k vectors for 8 M words (800 MB as float32) and a 6-word "mm-hm" says
 * nothing a sentence encoder can use; ~80 words is a few exchanges, what a clinician means by
 * "where she talked about her sister", and stays well under the encoder's 256 tokens.
 */
export const WINDOW_WORDS = 80;

interface SegmentRow {
  id: string;
  startSec: number;
  text: string;
  label: string | null;
  displayName: string | null;
  role: string | null;
}

const ROLE_WORDS: Record<string, string> = { clinician: 'Clinician', client: 'Client' };

/** Who spoke, in words: the name the clinician gave, else the role, else "Speaker 2". */
export function speakerWords(row: Pick<SegmentRow, 'label' | 'displayName' | 'role'>) {
  if (row.displayName) return row.displayName;
  if (row.role && ROLE_WORDS[row.role]) return ROLE_WORDS[row.role] ?? null;
  const number = /(\d+)$/.exec(row.label ?? '')?.[1];
  return number === undefined ? null : `Speaker ${Number(number) + 1}`;
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A session's transcript: one passage per segment (a hit opens there), vectors per window. */
export function transcriptDocuments(
  connection: SqliteConnection,
  sessionId: string,
): OwnerDocuments {
  const rows = connection
    .prepare(
      `SELECT g.id, g.start_sec AS startSec, g.text, p.label, p.display_name AS displayName, p.role
         FROM transcript_segments g LEFT JOIN speakers p ON p.id = g.speaker_id
        WHERE g.session_id = ? AND trim(g.text) <> '' ORDER BY g.seq`,
    )
    .all(sessionId) as SegmentRow[];
  const owner = `t:${sessionId}`;
  const documents: SearchDocument[] = [];
  const groups = new Map<string, string>();
  let window: { key: string; texts: string[]; words: number } | undefined;
  rows.forEach((row, position) => {
    if (!window || window.words >= WINDOW_WORDS) {
      window = { key: `w:${row.id}`, texts: [], words: 0 };
      groups.set(window.key, '');
    }
    const text = row.text.trim();
    window.texts.push(text);
    window.words += countWords(text);
    groups.set(window.key, window.texts.join(' '));
    documents.push({
      key: `t:${row.id}`,
      owner,
      groupKey: window.key,
      source: 'transcript',
      clientId: null,
      sessionId,
      day: null,
      segmentId: row.id,
      startMs: Math.round(row.startSec * 1000),
      noteId: null,
      sectionKey: null,
      planId: null,
      briefId: null,
      label: speakerWords(row),
      position,
      text,
    });
  });
  return { documents, groups };
}
