import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { notes, sessions } from './schema';
import { createdAt } from './schema-columns';

/**
 * The clinician's voice: for each section of a signed note that the clinician rewrote, the AI
 * draft's text and the text they signed. New drafts of the same template and section are shown
 * the closest few as examples. PHI like every note: it stays in the encrypted library, is never
 * synced or exported, and "Forget what Cairn learned" deletes it all.
 */
export const voiceExamples = sqliteTable(
  'voice_examples',
  {
    id: text('id').primaryKey(),
    noteId: text('note_id')
      .notNull()
      .references(() => notes.id, { onDelete: 'cascade' }),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    templateId: text('template_id').notNull(),
    sectionKey: text('section_key').notNull(),
    /** The section as the AI drafted it, one statement a line. */
    aiText: text('ai_text').notNull(),
    /** The section as the clinician signed it, one statement a line. */
    finalText: text('final_text').notNull(),
    author: text('author').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('voice_examples_note_section_unique').on(t.noteId, t.sectionKey),
    index('voice_examples_template_section_idx').on(t.templateId, t.sectionKey),
  ],
);
