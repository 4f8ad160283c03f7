import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { notes, pipelineRuns } from './schema';
import { createdAt } from './schema-columns';

/**
 * One refinement request on a note and what became of it: the clinician's words, the version it
 * was proposed against, the proposal, and their decision. Kept for good (the note's history of
 * who asked what, with which model); PHI, in the library's encrypted database like the note.
 */
export const noteRefinements = sqliteTable(
  'note_refinements',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => pipelineRuns.id, { onDelete: 'set null' }),
    /** What the clinician asked, in their words. */
    request: text('request').notNull(),
    /** The section asked about; null: the whole note. */
    sectionKey: text('section_key'),
    /** NoteContent as JSON: the version the proposal was made against. */
    baseJson: text('base_json').notNull(),
    /** NoteContent as JSON: the proposal (the clinician's edit of it, when edited); null until proposed. */
    proposedJson: text('proposed_json'),
    status: text('status', {
      enum: ['drafting', 'proposed', 'accepted', 'edited', 'rejected', 'failed'],
    })
      .notNull()
      .default('drafting'),
    /** model: a notes model rewrote it; rules: Cairn's rules (no model, or the model failed). */
    mode: text('mode', { enum: ['model', 'rules'] }),
    provider: text('provider'),
    model: text('model'),
    /** Why the proposal is what it is (rules used, risk kept, statements unverified), in words. */
    message: text('message').notNull().default(''),
    requestedBy: text('requested_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('note_refinements_note_idx').on(t.noteId),
    index('note_refinements_run_idx').on(t.runId),
  ],
);
