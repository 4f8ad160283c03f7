import type { PipelineService } from '../pipeline/pipeline-service';
import type { Db } from '../store/open-database';
import { requireClient } from '../store/repositories/clients';
import { planView } from '../store/repositories/plans';
import { atomically } from '../store/repositories/types';
import { decideProposals } from '../workflows/plan/decide';
import { signedNoteOf } from '../workflows/plan/extract';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

type PlanHandlers = Pick<Handlers, 'plans.propose' | 'plans.get' | 'plans.decide'>;

/**
 * Treatment plans: updates proposed by a post_session run on a signed session, and changed only
 * by the clinician's decisions on them.
 */
export function createPlanHandlers(context: {
  db: Db;
  events: EventBus;
  actor: string;
  pipeline: PipelineService;
}): PlanHandlers {
  const { db, events, actor, pipeline } = context;
  return {
    'plans.propose': ({ sessionId, waiting }) => {
      // Refused here with the reason, before a run is queued that could only fail.
      const { session } = signedNoteOf(db, sessionId);
      const queued = pipeline.enqueueWorkflow('post_session', sessionId, waiting ?? false);
      return { clientId: session.clientId, runId: queued.runId, created: queued.created };
    },
    'plans.get': ({ clientId }) => {
      requireClient(db, clientId);
      return planView(db, clientId);
    },
    'plans.decide': ({ clientId, decisions }) => {
      requireClient(db, clientId);
      const result = atomically(db, (tx) => decideProposals(tx, { clientId, decisions, actor }));
      events.emit('plans.changed', { clientId });
      return result;
    },
  };
}
