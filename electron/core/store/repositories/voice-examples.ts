import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { voiceExamples } from '../schema-voice';
import type { DbOrTx } from './types';

/** One section the clinician rewrote before signing: the AI's text and theirs. */
export interface VoiceExampleInput {
  noteId: string;
  sessionId: string;
  templateId: string;
  sectionKey: string;
  aiText: string;
  finalText: string;
  author: string;
}

export type VoiceExampleRow = typeof voiceExamples.$inferSelect;

/** Kept once per note and section: signing the same note again (it cannot change) adds nothing. */
export function saveVoiceExample(db: DbOrTx, example: VoiceExampleInput): boolean {
  const inserted = db
    .insert(voiceExamples)
    .values({ id: randomUUID(), ...example })
    .onConflictDoNothing()
    .returning({ id: voiceExamples.id })
    .all();
  return inserted.length > 0;
}

/** A template's examples, newest first (rowid breaks a tie within one millisecond). */
export function voiceExamplesOf(db: DbOrTx, templateId: string): VoiceExampleRow[] {
  return db
    .select()
    .from(voiceExamples)
    .where(eq(voiceExamples.templateId, templateId))
    .orderBy(desc(voiceExamples.createdAt), desc(sql`rowid`))
    .all();
}

/** How many examples each template has. */
export function voiceExampleCounts(db: DbOrTx): { templateId: string; examples: number }[] {
  return db
    .select({ templateId: voiceExamples.templateId, examples: sql<number>`count(*)` })
    .from(voiceExamples)
    .groupBy(voiceExamples.templateId)
    .orderBy(voiceExamples.templateId)
    .all();
}

export function voiceExampleOf(db: DbOrTx, noteId: string, sectionKey: string) {
  return db
    .select()
    .from(voiceExamples)
    .where(and(eq(voiceExamples.noteId, noteId), eq(voiceExamples.sectionKey, sectionKey)))
    .get();
}

/** Every example deleted ("Forget what Cairn learned"); the count deleted. */
export function forgetVoiceExamples(db: DbOrTx): number {
  return db.delete(voiceExamples).returning({ id: voiceExamples.id }).all().length;
}
