import { readSetting } from '../../config/settings';
import { chooseProvider, installedGgufModels } from '../../notes/llm/choose-provider';
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
    const provider = context.options.notesProvider ?? readSetting(context.db, 'notesProvider');
    const configured = context.options.notesModel ?? readSetting(context.db, 'embeddedModel');
    if (
      provider === 'embedded' &&
      configured === '' &&
      installedGgufModels(context.modelsDir).length === 0
    )
      return 'No notes model is installed: add a GGUF model or choose Ollama in Settings. The transcript is ready.';
    if (noteOf(context.db, context.sessionId, templateOf(context))?.status === 'approved')
      return 'The note is approved and locked; it is not written again.';
    return undefined;
  },
  execute: async (context) => {
    const provider = chooseProvider(context.db, context.modelsDir, {
      provider: context.options.notesProvider,
      model: context.options.notesModel,
    });
    try {
      const draft = await draftSessionNote({
        db: context.db,
        sessionId: context.sessionId,
        templateId: templateOf(context),
        provider,
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
      await provider.close();
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
