import { blob, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The search index, inside the encrypted library like everything it is made from. Rows are
 * derived data: rebuilt from the source tables at any time (cairn search reindex), never edited
 * by hand. Deliberately no foreign keys: the triggers in search/search-sql.ts remove a deleted
 * session's rows, and the drain removes whatever its source no longer holds.
 *
 * The full-text table (search_fts, FTS5 over search_documents.text) and the triggers that queue
 * changes are created by search/search-sql.ts when the library opens: drizzle has no words for
 * virtual tables or triggers.
 */

/** One searchable passage: a transcript segment, a note's statement, a plan goal, a brief line. */
export const searchDocuments = sqliteTable(
  'search_documents',
  {
    /**
     * The FTS rowid (content_rowid of search_fts). AUTOINCREMENT: an id is never reused, so what
     * a search process remembers about an id (search/passage-facets.ts) can never go stale.
     */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable per passage, e.g. t:<segmentId>, n:<noteId>:<section>:<item>. */
    key: text('key').notNull().unique(),
    /** What is re-read when it changes (see search_dirty), e.g. t:<sessionId>. */
    owner: text('owner').notNull(),
    /** The unit a vector is made of (a window of segments, or the passage itself). */
    groupKey: text('group_key').notNull(),
    source: text('source', { enum: ['transcript', 'note', 'plan', 'brief'] }).notNull(),
    clientId: text('client_id'),
    sessionId: text('session_id'),
    /** YYYY-MM-DD for passages without a session (a plan); a session's own day is joined live. */
    day: text('day'),
    segmentId: text('segment_id'),
    startMs: integer('start_ms'),
    noteId: text('note_id'),
    sectionKey: text('section_key'),
    planId: text('plan_id'),
    briefId: text('brief_id'),
    /** Who spoke, or the section's title, in words. */
    label: text('label'),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [
    index('search_documents_owner_idx').on(t.owner),
    index('search_documents_group_idx').on(t.groupKey),
    index('search_documents_session_idx').on(t.sessionId),
  ],
);

/** One sentence embedding per group (bge-small-en-v1.5, L2-normalised, int8 with its scale). */
export const searchVectors = sqliteTable(
  'search_vectors',
  {
    id: integer('id').primaryKey(),
    groupKey: text('group_key').notNull().unique(),
    owner: text('owner').notNull(),
    sessionId: text('session_id'),
    /** Of the text embedded: an unchanged window keeps its vector when its session is re-read. */
    textHash: text('text_hash').notNull(),
    vector: blob('vector', { mode: 'buffer' }).notNull(),
    scale: real('scale').notNull(),
    embeddedAt: integer('embedded_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('search_vectors_owner_idx').on(t.owner),
    index('search_vectors_session_idx').on(t.sessionId),
  ],
);

/**
 * What is still to index: written by triggers in the same transaction as the change itself, so
 * no write path can forget, and a crash mid-index leaves the row for the next drain.
 */
export const searchDirty = sqliteTable('search_dirty', {
  owner: text('owner').primaryKey(),
  /** text: the passages are to be re-read; vectors: only their embeddings are missing. */
  stage: text('stage', { enum: ['text', 'vectors'] }).notNull(),
  /** Bumped by every change, so a drain that read an older state leaves the row queued. */
  version: integer('version').notNull().default(1),
});

/** Small facts about the index: its triggers' version, when it was last rebuilt. */
export const searchState = sqliteTable('search_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
