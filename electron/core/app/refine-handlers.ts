import type { PipelineService } from '../pipeline/pipeline-service';
import type { Db } from '../store/open-database';
import { getNote } from '../store/repositories/notes';
import { refinementsOf, requireRefinement } from '../store/repositories/refinements';
import {
  acceptRefinement,
  rejectRefinement,
  requestRefinement,
  withRunEnding,
} from '../workflows/refine/decide';
import { onRefineTokens } from '../workflows/refine/token-stream';
import { ValidationError } from '../errors';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

type RefineHandlers = Pick<
  Handlers,
  'refine.request' | 'refine.list' | 'refine.get' | 'refine.accept' | 'refine.reject'
>;

/** Refinement chat on a note: requests drafted by refine runs, decided by the clinician. */
export function createRefineHandlers(context: {
  db: Db;
  events: EventBus;
  actor: string;
  pipeline: PipelineService;
  resourcesDir?: string;
}): RefineHandlers {
  const { db, events, actor } = context;
  // Only the words of refinements asked for here reach this library's windows; the stream is
  // listened to while one of them drafts, and let go when the last run ends.
  const drafting = new Set<string>();
  let stopListening: (() => void) | null = null;
  const forward = (refinementId: string, runId: string) => {
    drafting.add(refinementId);
    stopListening ??= onRefineTokens((id, text) => {
      if (drafting.has(id)) events.emit('refine.tokens', { refinementId: id, text });
    });
    void context.pipeline
      .settled(runId)
      .catch(() => undefined)
      .finally(() => {
        drafting.delete(refinementId);
        if (drafting.size > 0) return;
        stopListening?.();
        stopListening = null;
      });
  };
  return {
    'refine.request': (input) => {
      const result = requestRefinement({ db, pipeline: context.pipeline, actor }, input);
      forward(result.refinementId, result.runId);
      return result;
    },
    'refine.list': ({ noteId }) => {
      if (!getNote(db, noteId))
        throw new ValidationError('note_not_found', `There is no note with id ${noteId}.`);
      return refinementsOf(db, noteId).map((r) => withRunEnding(db, r));
    },
    'refine.get': ({ id }) => withRunEnding(db, requireRefinement(db, id)),
    'refine.accept': (input) =>
      acceptRefinement({ db, actor, resourcesDir: context.resourcesDir }, input),
    'refine.reject': ({ id }) => rejectRefinement({ db, actor }, id),
  };
}
