import { BriefAnalysis } from '../../../../shared/api/brief-schemas';
import type { SqliteConnection } from '../../store/sqlite-driver';
import {
  passage,
  readJson,
  selfGrouped,
  type OwnerDocuments,
  type SearchDocument,
} from './search-document';

/** The brief's sections that are searched: key, label in words, and their lines. */
const SECTIONS: [string, string, (brief: BriefAnalysis) => (string | null)[]][] = [
  ['summary', 'Summary', (b) => b.summary.map((s) => s.text)],
  ['questions', 'Question to ask', (b) => b.questions.map((q) => q.text)],
  ['themes', 'Theme', (b) => b.themes.map((t) => t.label)],
  ['homework', 'Homework', (b) => b.homework.map((h) => h.text)],
  ['risks', 'Risk', (b) => b.risks.map((r) => r.label)],
  ['memos', 'Voice memo', (b) => b.memos.map((m) => m.text)],
];

/**
 * A session's newest pre-session brief, in the clinician's words: its summary, questions,
 * themes, homework and memos. Its citations are statements of signed notes, indexed with the
 * notes themselves, so they are not repeated here.
 */
export function briefDocuments(connection: SqliteConnection, sessionId: string): OwnerDocuments {
  const owner = `b:${sessionId}`;
  const row = connection
    .prepare(
      `SELECT id, client_id AS clientId, analysis_json AS analysisJson FROM briefs
        WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .get(sessionId) as { id: string; clientId: string; analysisJson: string } | undefined;
  if (!row) return selfGrouped([]);
  const parsed = BriefAnalysis.safeParse(readJson(row.analysisJson));
  if (!parsed.success) return selfGrouped([]);
  const brief = parsed.data;
  const documents: SearchDocument[] = [];
  const base = { owner, source: 'brief' as const, sessionId, briefId: row.id };
  const add = (sectionKey: string, label: string, texts: (string | null)[]) =>
    texts.forEach((text, i) => {
      if (text)
        documents.push(
          passage(
            { ...base, key: `b:${row.id}:${sectionKey}:${i}`, sectionKey, label, text },
            documents.length,
          ),
        );
    });
  for (const [sectionKey, label, texts] of SECTIONS) add(sectionKey, label, texts(brief));
  return selfGrouped(documents);
}
