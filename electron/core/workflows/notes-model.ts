import { CairnError } from '../errors';
import { chooseProvider } from '../notes/llm/choose-provider';
import type { LlmProvider } from '../notes/llm/provider';
import type { StageContext } from '../pipeline/stage-definition';

/**
 * The notes model a workflow may write with (the library's settings, or the run's options), or
 * why there is none, in words. Never a failure: the workflows' rules are the floor.
 */
export function workflowNotesModel(
  context: Pick<StageContext, 'db' | 'modelsDir' | 'options'>,
): { provider: LlmProvider } | { note: string } {
  try {
    return {
      provider: chooseProvider(context.db, context.modelsDir, {
        provider: context.options.notesProvider,
        model: context.options.notesModel,
      }),
    };
  } catch (error) {
    if (error instanceof CairnError) return { note: error.userMessage };
    throw error;
  }
}
