import { CairnError, CancelledError } from '../errors';
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

/**
 * `work` done with the workflow's notes model, or why it could not be: none set up, or one that
 * failed (a cancel stays a cancel). The model is always closed afterwards.
 */
export async function withWorkflowNotesModel<T>(
  context: Pick<StageContext, 'db' | 'modelsDir' | 'options' | 'signal'>,
  work: (provider: LlmProvider) => Promise<T>,
): Promise<{ value: T; model: string } | { note: string }> {
  const chosen = workflowNotesModel(context);
  if ('note' in chosen) return chosen;
  try {
    return { value: await work(chosen.provider), model: chosen.provider.model };
  } catch (error) {
    if (context.signal.aborted || error instanceof CancelledError) throw new CancelledError();
    const reason = error instanceof CairnError ? error.userMessage : String(error);
    return { note: `The notes model could not be used: ${reason}` };
  } finally {
    await chosen.provider.close();
  }
}
