import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
