import type { DbOrTx } from '../../store/repositories/types';
import { promptTemplateFor } from '../../store/repositories/typed-templates';
import { DEFAULT_INSTRUCTIONS, type PromptedTemplate } from '../generate/prompt-instructions';
import type { NoteTemplate } from './note-template';

/**
 * The note template with the practice's prompt template for it, if the practice wrote one whose
 * instructions differ from Cairn's own (the built-in holds exactly those: nothing changes).
 */
export function withPracticePrompt(db: DbOrTx, template: NoteTemplate): PromptedTemplate {
  const prompt = promptTemplateFor(db, template.id);
  if (!prompt || prompt.instructions.trim() === DEFAULT_INSTRUCTIONS) return template;
  const { id, version, instructions } = prompt;
  return { ...template, prompt: { id, version, instructions: instructions.trim() } };
}
