import { readSetting } from '../../config/settings';
import { CairnError } from '../../errors';
import { chooseProvider } from '../../notes/llm/choose-provider';
import type { LlmProvider } from '../../notes/llm/provider';
import {
  draftSessionNote,
  storeNoteDraft,
  unsupportedCount,
  type NoteDraft,
} from '../../notes/write-note';
import { noteOf } from '../../store/repositories/notes';
import { hasTranscript } from '../../store/repositories/transcript';
import type { StageContext, StageDefinition } from '../stage-definition';

interface NotesOutput {
  draft: NoteDraft;
}

function templateOf(context: StageContext): string {
  return context.options.template ?? readSetting(context.db, 'defaultTemplate');
}

/**
 * The AI draft of the session's note, through the same code as `cairn notes`. The risk scanner
 * has already run (merge) and runs again here beside the model; a failure here leaves the
 * transcript and every risk flag in place (the run continues, and the notes sweep retries).
 */
export const notesStage: StageDefinition<NotesOutput> = {
  name: 'notes',
  engine: 'llm',
  onFailure: 'continue',
  skipReason: (context) => {
    if (context.options.skipNotes) return 'Notes skipped as asked.';
    if (!hasTranscript(context.db, context.sessionId))
      return 'The recording has no speech: there is nothing to write a note from.';
    if (noteOf(context.db, context.sessionId, templateOf(context))?.status === 'approved')
      return 'The note is approved and locked; it is not written again.';
    return undefined;
  },
  execute: async (context) => {
    // No model is not a failure: the draft is then extractive (write-note.ts), and says why.
    let provider: LlmProvider | null = null;
    let unavailable: string | undefined;
    try {
      provider = chooseProvider(context.db, context.modelsDir, {
        provider: context.options.notesProvider,
        model: context.options.notesModel,
      });
    } catch (error) {
      if (!(error instanceof CairnError) || error.category === 'validation') throw error;
      unavailable = `${error.message} This draft was written without a model.`;
    }
    try {
      const draft = await draftSessionNote({
        db: context.db,
        sessionId: context.sessionId,
        templateId: templateOf(context),
        provider,
        unavailable,
        runId: context.runId,
        resourcesDir: context.resourcesDir,
        signal: context.signal,
        onProgress: (progress) =>
          context.progress(
            progress.fraction * 100,
            progress.phase === 'extract'
              ? `reading part ${progress.part} of ${progress.parts}`
              : 'writing the note',
          ),
      });
      return { draft };
    } finally {
      await provider?.close();
    }
  },
  commit: (tx, context, output) => {
    storeNoteDraft(tx, output.draft, context.actor, context.runId);
  },
  summary: ({ draft }) => ({
    template: draft.template.id,
    generation: draft.note.generation,
    unsupported: unsupportedCount(draft.note),
    riskFindings: draft.findings.length,
  }),
};
