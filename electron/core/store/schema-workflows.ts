import { index, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, pipelineRuns, sessions } from './schema';
import { createdAt } from './schema-columns';

/**
 * A pre-session brief, one per run that prepared it (the newest is shown): the clinician's
 * analysis, its abstract and the client's guide. In the library's encrypted database like every
 * note; the analysis cites signed notes and so is PHI, the abstract and guide hold none.
 */
export const briefs = sqliteTable(
  'briefs',
  {
    id: text('id').primaryKey(),
    /** The upcoming session it prepares for. */
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => pipelineRuns.id, { onDelete: 'set null' }),
    /** BriefAnalysis as JSON. */
    analysisJson: text('analysis_json').notNull(),
    /** BriefAbstract as JSON. */
    abstractJson: text('abstract_json').notNull(),
    /** ClientGuide as JSON. */
    guideJson: text('guide_json').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('briefs_session_idx').on(t.sessionId),
    uniqueIndex('briefs_run_unique').on(t.runId),
  ],
);

/**
 * A voice memo the clinician dictated for a client's upcoming session: stored encrypted like a
 * recording, transcribed by the brief's first stage, and read into the brief as their own words.
 */
export const briefMemos = sqliteTable(
  'brief_memos',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** The encrypted copy, relative to the data directory (stored like a recording). */
    storedPath: text('stored_path').notNull(),
    /** The file's name when imported, for its extension and for the clinician. */
    originalName: text('original_name').notNull(),
    durationSec: real('duration_sec').notNull(),
    /** What it says, once the brief has transcribed it. */
    transcript: text('transcript'),
    /** The Whisper model that transcribed it. */
    model: text('model'),
    /** Why it could not be transcribed (no Whisper model…), in words; tried again next brief. */
    problem: text('problem'),
    createdAt: createdAt(),
  },
  (t) => [index('brief_memos_session_idx').on(t.sessionId)],
);
