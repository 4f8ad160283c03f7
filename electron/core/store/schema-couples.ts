import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, pipelineRuns, sessions } from './schema';
import { createdAt } from './schema-columns';

/**
 * Two clients seen as a couple. A link is never deleted: unlinking sets `unlinked_at`, so the
 * record of who was partnered with whom (and which joint summaries were made then) stays. While
 * `unlinked_at` is null the link is active; a client has at most one active link (the unique
 * partial indexes on each side back up the check in the repository).
 */
export const partnerLinks = sqliteTable(
  'partner_links',
  {
    id: text('id').primaryKey(),
    /** The client the link was made from; their id is what joint sessions carry. */
    clientAId: text('client_a_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    clientBId: text('client_b_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    linkedAt: integer('linked_at', { mode: 'number' }).notNull(),
    unlinkedAt: integer('unlinked_at', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('partner_links_active_a')
      .on(t.clientAId)
      .where(sql`${t.unlinkedAt} is null`),
    uniqueIndex('partner_links_active_b')
      .on(t.clientBId)
      .where(sql`${t.unlinkedAt} is null`),
  ],
);

/**
 * Which link a joint session (kind `couple`) belongs to. A session carries one client's id, and a
 * client can be partnered again later with someone else: this keeps one couple's joint sessions
 * (and what a run on them merges) from being taken for another's.
 */
export const jointSessions = sqliteTable(
  'joint_sessions',
  {
    sessionId: text('session_id')
      .primaryKey()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    linkId: text('link_id')
      .notNull()
      .references(() => partnerLinks.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('joint_sessions_link_idx').on(t.linkId)],
);

/**
 * A joint-work summary, one per couples_merge run (the newest is shown): shared topics and
 * couples frameworks only, made from each partner's abstract (vocabulary ids), never their notes.
 * The isolation check's result is kept with it; a summary that failed the check is never stored.
 */
export const couplesSummaries = sqliteTable(
  'couples_summaries',
  {
    id: text('id').primaryKey(),
    linkId: text('link_id')
      .notNull()
      .references(() => partnerLinks.id, { onDelete: 'cascade' }),
    clientAId: text('client_a_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    clientBId: text('client_b_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** The joint session (kind `couple`) it prepares for. */
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => pipelineRuns.id, { onDelete: 'set null' }),
    /** JointSummary as JSON. */
    summaryJson: text('summary_json').notNull(),
    /** IsolationResult as JSON. */
    isolationJson: text('isolation_json').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('couples_summaries_link_idx').on(t.linkId),
    index('couples_summaries_session_idx').on(t.sessionId),
    uniqueIndex('couples_summaries_run_unique').on(t.runId),
  ],
);
