import { CairnError, CancelledError, PermanentError, ValidationError } from '../../errors';
import { findTemplate, noteSegments } from '../../notes/write-note';
import type { StageContext } from '../../pipeline/stage-definition';
import { getNote } from '../../store/repositories/notes';
import { refinementOfRun, type RefinementOutcome } from '../../store/repositories/refinements';
import { workflowNotesModel } from '../notes-model';
import { enforceInvariants } from './invariants';
import { modelRevisionProblem } from './model-check';
import { refineWithModel } from './model-refine';
import { refineByRules } from './rules';
import { emitRefineTokens } from './token-stream';

export interface Revision extends RefinementOutcome {
  refinementId: string;
  noteId: string;
}

export const lockedNote = () =>
  new ValidationError('note_locked', 'Signed notes cannot be refined; add an addendum.');

/**
 * The revise stage's work: the notes model rewrites what was asked, if one is set up and its
 * answer can be used; else the rules do the common asks; either way the invariants are enforced.
 * A request neither can serve ends as a failed refinement with the reason, never an empty one.
 */
export async function revise(context: StageContext): Promise<Revision> {
  const refinement = refinementOfRun(context.db, context.runId);
  if (!refinement)
    throw new PermanentError(
      'refinement_missing',
      'This refinement run has no request to work on.',
    );
  const note = getNote(context.db, refinement.noteId);
  if (!note) throw new ValidationError('note_not_found', 'The note to refine no longer exists.');
  if (note.status === 'approved') throw lockedNote();
  const template = findTemplate(context.db, note.templateId, context.resourcesDir);
  const segments = noteSegments(context.db, note.sessionId);
  const byId = new Map(segments.map((s) => [s.id, s.text]));
  const base = refinement.base;
  const targets = refinement.sectionKey ? [refinement.sectionKey] : base.sections.map((s) => s.key);
  const ids = { refinementId: refinement.id, noteId: note.id };
  const finish = (
    content: typeof base,
    how: Pick<RefinementOutcome, 'mode' | 'provider' | 'model'>,
    said: string[],
  ): Revision => {
    const enforced = enforceInvariants(base, content, targets, byId);
    const message = [...said, ...enforced.notes].join(' ');
    return { ...ids, ...how, status: 'proposed', proposed: enforced.content, message };
  };

  let why = '';
  const chosen = workflowNotesModel(context);
  if ('note' in chosen) why = chosen.note;
  else {
    try {
      const written = await refineWithModel({
        provider: chosen.provider,
        request: refinement.request,
        base,
        targets,
        template,
        segments,
        signal: context.signal,
        onText: (text) => emitRefineTokens(refinement.id, text),
        onProgress: (fraction) => context.progress(100 * fraction, 'revise'),
      });
      const problem =
        'content' in written
          ? modelRevisionProblem(refinement.request, base, written.content, targets)
          : written.unusable;
      if ('content' in written && problem === null)
        return finish(
          written.content,
          { mode: 'model', provider: chosen.provider.name, model: chosen.provider.model },
          [],
        );
      why = problem ?? '';
    } catch (error) {
      if (context.signal.aborted || error instanceof CancelledError) throw new CancelledError();
      why = `The notes model could not be used: ${error instanceof CairnError ? error.userMessage : String(error)}`;
    } finally {
      await chosen.provider.close();
    }
  }
  const ruled = refineByRules({ request: refinement.request, base, targets, template, segments });
  const reason = why.replace(/[.\s]+$/, '');
  if ('unserved' in ruled)
    return {
      ...ids,
      status: 'failed',
      proposed: null,
      mode: null,
      provider: null,
      model: null,
      message: [reason && `${reason}.`, ruled.unserved].filter(Boolean).join(' '),
    };
  return finish(ruled.content, { mode: 'rules', provider: null, model: null }, [
    `Done by rules (${ruled.done})${reason ? `: ${lowerFirst(reason)}` : ''}.`,
  ]);
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
