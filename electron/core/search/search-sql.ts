import type { SqliteConnection } from '../store/sqlite-driver';

/**
 * What drizzle cannot say: the FTS5 table over search_documents and the triggers that queue every
 * change that matters to search. Created when the library opens (openDatabase), idempotently; a
 * new version of this file replaces the triggers and queues a full re-read.
 *
 * Tokenizer `porter unicode61 remove_diacritics 2`: unicode61 splits and folds case for any
 * script (names like "Zoë" match "zoe"), and porter stems English so "sleeping" finds "sleep" and
 * "worries" finds "worried" — clinicians search by topic, rarely by exact inflection; "a phrase"
 * still matches words in order.
 */
export const SEARCH_SCHEMA_VERSION = '2';

const FTS = `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  text, content='search_documents', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
)`;

/** Queues an owner for re-reading; a later change bumps the version so an older read is not trusted. */
const mark = (owner: string) =>
  `INSERT INTO search_dirty (owner, stage) VALUES (${owner}, 'text')
     ON CONFLICT (owner) DO UPDATE SET stage = 'text', version = version + 1;`;

const noteOwner = (noteId: string) => `(SELECT 'n:' || session_id FROM notes WHERE id = ${noteId})`;

/**
 * Vectors removed, counted: with the newest vector id it tells a process whether its copy of the
 * vectors in memory is current, in two lookups instead of counting the table.
 */
export const COUNT_REMOVAL = `UPDATE search_state SET value = value + 1 WHERE key = 'vectors_removed';`;

/** [name, event, body]: every trigger search needs; names are prefixed so they can be replaced. */
const TRIGGERS: [string, string, string][] = [
  // The FTS table mirrors search_documents (external content: the text is stored once).
  [
    'docs_ai',
    'AFTER INSERT ON search_documents',
    `INSERT INTO search_fts (rowid, text) VALUES (NEW.id, NEW.text);`,
  ],
  [
    'docs_ad',
    'AFTER DELETE ON search_documents',
    `INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);`,
  ],
  [
    'docs_au',
    'AFTER UPDATE ON search_documents',
    `INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text); INSERT INTO search_fts (rowid, text) VALUES (NEW.id, NEW.text);`,
  ],
  // Transcript: a stage commit, an edit, a retention blanking, a speaker named.
  ['seg_ai', 'AFTER INSERT ON transcript_segments', mark(`'t:' || NEW.session_id`)],
  [
    'seg_au',
    'AFTER UPDATE OF text, speaker_id, start_sec ON transcript_segments',
    mark(`'t:' || NEW.session_id`),
  ],
  ['seg_ad', 'AFTER DELETE ON transcript_segments', mark(`'t:' || OLD.session_id`)],
  ['spk_au', 'AFTER UPDATE OF display_name, role ON speakers', mark(`'t:' || NEW.session_id`)],
  // Notes: the draft, each edit, signing, a template switch, addenda.
  ['note_ai', 'AFTER INSERT ON notes', mark(`'n:' || NEW.session_id`)],
  [
    'note_au',
    'AFTER UPDATE OF ai_draft_json, clinician_json, template, status ON notes',
    mark(`'n:' || NEW.session_id`),
  ],
  ['note_ad', 'AFTER DELETE ON notes', mark(`'n:' || OLD.session_id`)],
  ['add_ai', 'AFTER INSERT ON note_addenda', mark(noteOwner('NEW.note_id'))],
  // Plans (a new version per decision) and briefs (the newest per session is searched).
  ['plan_ai', 'AFTER INSERT ON treatment_plans', mark(`'p:' || NEW.client_id`)],
  ['plan_ad', 'AFTER DELETE ON treatment_plans', mark(`'p:' || OLD.client_id`)],
  ['brief_ai', 'AFTER INSERT ON briefs', mark(`'b:' || NEW.session_id`)],
  ['brief_ad', 'AFTER DELETE ON briefs', mark(`'b:' || OLD.session_id`)],
  // A deleted session or client leaves nothing findable, at once, not at the next drain.
  [
    'session_ad',
    'AFTER DELETE ON sessions',
    `DELETE FROM search_documents WHERE session_id = OLD.id;
     DELETE FROM search_vectors WHERE session_id = OLD.id;
     ${COUNT_REMOVAL}`,
  ],
  // The retention sweep marks the session, then blanks its transcript (same transaction): what the
  // index holds of it goes now, not at the next drain, so no process leaves it behind.
  [
    'transcript_deleted',
    'AFTER UPDATE OF transcript_deleted_at ON sessions WHEN NEW.transcript_deleted_at IS NOT NULL',
    `DELETE FROM search_documents WHERE owner = 't:' || NEW.id;
     DELETE FROM search_vectors WHERE owner = 't:' || NEW.id;
     ${COUNT_REMOVAL}`,
  ],
  [
    'client_ad',
    'AFTER DELETE ON clients',
    `DELETE FROM search_documents WHERE owner = 'p:' || OLD.id;
     DELETE FROM search_vectors WHERE owner = 'p:' || OLD.id;
     ${COUNT_REMOVAL}`,
  ],
];

/** Every owner the library holds, queued for a full re-read (a rebuild, a new trigger version). */
export const QUEUE_EVERYTHING = `
  INSERT INTO search_dirty (owner, stage)
    SELECT owner, 'text' FROM (
      SELECT 't:' || id AS owner FROM sessions
      UNION ALL SELECT 'n:' || id FROM sessions
      UNION ALL SELECT 'b:' || id FROM sessions
      UNION ALL SELECT 'p:' || id FROM clients
    ) WHERE true
  ON CONFLICT (owner) DO UPDATE SET stage = 'text', version = version + 1`;

export function ensureSearchSchema(connection: SqliteConnection): void {
  const current = connection
    .prepare("SELECT value FROM search_state WHERE key = 'schema_version'")
    .get() as { value: string } | undefined;
  if (current?.value === SEARCH_SCHEMA_VERSION) return;
  connection.transaction(() => {
    connection.exec(FTS);
    for (const [name] of TRIGGERS) connection.exec(`DROP TRIGGER IF EXISTS search_${name}`);
    for (const [name, event, body] of TRIGGERS) {
      connection.exec(`CREATE TRIGGER search_${name} ${event} BEGIN ${body} END`);
    }
    // A library new to search is read whole; a new version of the triggers alone changes no row.
    if (!current) connection.exec(QUEUE_EVERYTHING);
    connection.exec(
      "INSERT INTO search_state (key, value) VALUES ('vectors_removed', 0) ON CONFLICT DO NOTHING",
    );
    connection
      .prepare(
        `INSERT INTO search_state (key, value) VALUES ('schema_version', ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(SEARCH_SCHEMA_VERSION);
  })();
}
