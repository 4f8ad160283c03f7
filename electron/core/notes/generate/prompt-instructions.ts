import type { NoteTemplate } from '../templates/note-template';

/**
 * The part of a notes model's system prompt a practice may write itself: a prompt template's
 * instructions take the place of Cairn's opening sentence; the data rules, sections and format
 * that follow stay Cairn's, so an edited prompt cannot break the note's structure or its checks.
 */

/** Today's opening sentence: the built-in prompt template holds exactly these words. */
export const DEFAULT_INSTRUCTIONS = 'You are a careful clinical documentation assistant.';

/** A note template carrying the practice's prompt template for it (see practice-prompt.ts). */
export type PromptedTemplate = NoteTemplate & {
  prompt?: { id: string; version: number; instructions: string };
};

export function instructionsOf(template: NoteTemplate): string {
  return (template as PromptedTemplate).prompt?.instructions ?? DEFAULT_INSTRUCTIONS;
}

/** The prompts' version, with the practice's prompt template (id@version) when one was used. */
export function promptVersionOf(template: NoteTemplate, base: string): string {
  const prompt = (template as PromptedTemplate).prompt;
  return prompt ? `${base}+${prompt.id}@${prompt.version}` : base;
}
