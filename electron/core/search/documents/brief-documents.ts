import { BriefAnalysis } from '../../../../shared/api/brief-schemas';
import type { SqliteConnection } from '../../store/sqlite-driver';
import { passage, selfGrouped, type OwnerDocuments, type SearchDocument } from './search-document';

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
  const parsed = BriefAnalysis.safeParse(JSON.parse(row.analysisJson));
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
  add(
    'summary',
    'Summary',
    brief.summary.map((s) => s.text),
  );
  add(
    'questions',
    'Question to ask',
    brief.questions.map((q) => q.text),
  );
  add(
    'themes',
    'Theme',
    brief.themes.map((t) => t.label),
  );
  add(
    'homework',
    'Homework',
    brief.homework.map((h) => h.text),
  );
  add(
    'risks',
    'Risk',
    brief.risks.map((r) => r.label),
  );
  add(
    'memos',
    'Voice memo',
    brief.memos.map((m) => m.text),
  );
  return selfGrouped(documents);
}
