import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { FOLLOW_UP_EXPORTS, FOLLOW_UP_STATUSES } from '../../../shared/domain/enums';
import { clients, noteTemplates, notes, pipelineRuns, sessions } from './schema';
import { createdAt, updatedAt } from './schema-columns';

/**
 * Every saved wording of a template (all three types): a save keeps the definition it replaces,
 * so a note or follow-up written from "follow-up-homework@2" can always be read back.
 */
export const templateVersions = sqliteTable(
  'template_versions',
  {
    templateId: text('template_id')
      .notNull()
      .references(() => noteTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The whole template as it was at that version. */
    definitionJson: text('definition_json').notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.version] })],
);

/**
 * A client-facing follow-up message drafted from a signed note and an email template. It is the
 * clinician's to edit while a draft; Cairn never sends it, it is exported (a .eml file, the
 * clipboard, the mail app). Holds PHI (the client's name, homework): in the encrypted library.
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => pipelineRuns.id, { onDelete: 'set null' }),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('draft'),
    /** template: filled from the template alone; model: a notes model wrote it from the values. */
    mode: text('mode', { enum: ['template', 'model'] }).notNull(),
    /** Why the mode is what it is (which model, or why none was used). */
    modeNote: text('mode_note').notNull().default(''),
    /** FollowUpWarning[] as JSON: clinical detail the template did not ask for. */
    warningsJson: text('warnings_json').notNull().default('[]'),
    exportedAt: integer('exported_at', { mode: 'number' }),
    exportedAs: text('exported_as', { enum: FOLLOW_UP_EXPORTS }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('follow_ups_session_idx').on(t.sessionId)],
);
