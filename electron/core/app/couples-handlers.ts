import { localToday } from '../../../shared/domain/local-day';
import type { PipelineService } from '../pipeline/pipeline-service';
import type { Db } from '../store/open-database';
import {
  couplesViewOf,
  jointSessionFor,
  linkPartners,
  requireActiveLink,
  unlinkPartner,
} from '../store/repositories/couples';
import { requireClient } from '../store/repositories/clients';
import { atomically } from '../store/repositories/types';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

type CouplesHandlers = Pick<
  Handlers,
  'couples.link' | 'couples.unlink' | 'couples.get' | 'couples.merge'
>;

/**
 * Couples work: linking partners, and a joint summary prepared as a couples_merge run on the
 * couple's joint session (kind `couple`, carrying the id of the client the link was made from).
 */
export function createCouplesHandlers(context: {
  db: Db;
  events: EventBus;
  actor: string;
  pipeline: PipelineService;
}): CouplesHandlers {
  const { db, events, actor, pipeline } = context;
  const changed = (...clientIds: string[]) => {
    for (const clientId of clientIds) events.emit('clients.changed', { clientId });
  };
  return {
    'couples.link': ({ clientId, partnerId }) => {
      linkPartners(db, { clientId, partnerId, actor });
      changed(clientId, partnerId);
      return couplesViewOf(db, clientId);
    },
    'couples.unlink': ({ clientId }) => {
      const link = unlinkPartner(db, clientId, actor);
      changed(link.clientAId, link.clientBId);
      return couplesViewOf(db, clientId);
    },
    'couples.get': ({ clientId }) => couplesViewOf(db, clientId),
    'couples.merge': ({ clientId, date, waiting }) => {
      requireClient(db, clientId);
      const sessionId = atomically(db, (tx) =>
        jointSessionFor(tx, requireActiveLink(tx, clientId), date ?? localToday()),
      );
      events.emit('sessions.changed', { sessionId });
      const queued = pipeline.enqueueWorkflow('couples_merge', sessionId, waiting ?? false);
      return { sessionId, runId: queued.runId, created: queued.created };
    },
  };
}
