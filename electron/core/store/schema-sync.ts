import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sessions } from './schema';
import { createdAt, updatedAt } from './schema-columns';

/**
 * What is waiting to leave the device for the practice's S3 bucket (opt-in). A row is written in
 * the same transaction as the approval that produced it, so a crash never loses or half-writes
 * one; the payload is frozen here, so the bytes re-scanned before upload are the bytes sent.
 */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** What the payload is (e.g. session-abstract) and its format version: both name the object. */
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    /** The object's key below the configured prefix, deterministic so a retry overwrites itself. */
    objectKey: text('object_key').notNull(),
    /** The exact bytes to upload (UTF-8 JSON). */
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'uploaded', 'blocked'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The last failure, in words the clinician can act on; identifiers never appear here. */
    lastError: text('last_error'),
    /** When a blocked payload was found to hold identifiers: their categories, comma-separated. */
    blockedCategories: text('blocked_categories'),
    /** Backoff across passes: a failed item is not tried again before this time. */
    nextAttemptAt: integer('next_attempt_at', { mode: 'number' }),
    uploadedAt: integer('uploaded_at', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sync_outbox_session_kind_version_unique').on(t.sessionId, t.kind, t.version),
    index('sync_outbox_status_idx').on(t.status, t.nextAttemptAt),
  ],
);
