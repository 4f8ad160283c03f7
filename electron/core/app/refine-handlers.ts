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
  // Only the words of refinements asked for here reach this library's windows.
  const asked = new Set<string>();
  onRefineTokens((refinementId, text) => {
    if (asked.has(refinementId)) events.emit('refine.tokens', { refinementId, text });
  });
  return {
    'refine.request': (input) => {
      const result = requestRefinement({ db, pipeline: context.pipeline, actor }, input);
      asked.add(result.refinementId);
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
