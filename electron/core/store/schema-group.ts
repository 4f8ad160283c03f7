import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NOTE_STATUSES } from '../../../shared/domain/enums';
import { clients, pipelineRuns, sessions, speakers } from './schema';
import { createdAt, updatedAt } from './schema-columns';

/**
 * Who each voice of a group or family session is: a diarized speaker mapped to a client. A
 * speaker is one client and a client one speaker per session (the unique indexes back up the
 * check in the repository). Speakers left unmapped (the clinician) are the shared context.
 */
export const sessionParticipants = sqliteTable(
  'session_participants',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    speakerId: text('speaker_id')
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('session_participants_speaker_unique').on(t.sessionId, t.speakerId),
    uniqueIndex('session_participants_client_unique').on(t.sessionId, t.clientId),
    index('session_participants_client_idx').on(t.clientId),
  ],
);

/**
 * One participant's summary of a group or family session, filed under that client with its own
 * approval. One current summary per session and client: a new run replaces a draft, never an
 * approved one (the repository refuses). Content is NoteContent as JSON, every item citing only
 * that participant's own segments (the run's isolation check made sure).
 */
export const participantSummaries = sqliteTable(
  'participant_summaries',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => pipelineRuns.id, { onDelete: 'set null' }),
    /** How it was written: model | extractive, with the reason and what the check dropped. */
    generationJson: text('generation_json').notNull(),
    /** NoteContent as JSON: what the run wrote. */
    contentJson: text('content_json').notNull(),
    /** The summary as plain text, for the record. */
    text: text('text').notNull(),
    /** The clinician's edited NoteContent as JSON, or null when unedited. */
    clinicianJson: text('clinician_json'),
    status: text('status', { enum: NOTE_STATUSES }).notNull().default('draft'),
    approvedAt: integer('approved_at', { mode: 'number' }),
    approvedBy: text('approved_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('participant_summaries_session_client_unique').on(t.sessionId, t.clientId),
    index('participant_summaries_client_idx').on(t.clientId),
  ],
);
