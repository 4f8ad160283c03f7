import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import {
  createClient,
  listClients,
  renameClient,
  requireClient,
} from '../store/repositories/clients';
import {
  getSessionSummary,
  listClientSessions,
  setSessionClient,
} from '../store/repositories/sessions';
import { atomically } from '../store/repositories/types';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

type ClientHandlers = Pick<
  Handlers,
  'clients.list' | 'clients.get' | 'clients.create' | 'clients.rename' | 'sessions.setClient'
>;

/**
 * Clients and which sessions are theirs. Every change is audited with ids only: a client's name is
 * PHI, and the audit log must be shareable without exposing it.
 */
export function createClientHandlers(context: {
  db: Db;
  events: EventBus;
  actor: string;
}): ClientHandlers {
  const { db, events, actor } = context;
  return {
    'clients.list': () => listClients(db),
    'clients.get': ({ id }) => ({ ...requireClient(db, id), sessions: listClientSessions(db, id) }),
    'clients.create': ({ name }) => {
      const id = atomically(db, (tx) => {
        const created = createClient(tx, name);
        recordAudit(tx, {
          actor,
          action: 'client.created',
          entityType: 'client',
          entityId: created,
        });
        return created;
      });
      events.emit('clients.changed', { clientId: id });
      return requireClient(db, id);
    },
    'clients.rename': ({ id, name }) => {
      const { changed } = atomically(db, (tx) => {
        const result = renameClient(tx, id, name);
        if (result.changed)
          recordAudit(tx, { actor, action: 'client.renamed', entityType: 'client', entityId: id });
        return result;
      });
      if (changed) {
        events.emit('clients.changed', { clientId: id });
        // Session lists show the client's name: every session of theirs changed on screen.
        events.emit('sessions.changed', { sessionId: null });
      }
      return requireClient(db, id);
    },
    'sessions.setClient': ({ sessionId, clientId }) => {
      const { previousClientId } = atomically(db, (tx) => {
        const result = setSessionClient(tx, sessionId, clientId);
        if (result.previousClientId !== clientId)
          recordAudit(tx, {
            actor,
            action: 'session.client_changed',
            entityType: 'session',
            entityId: sessionId,
            detail: { client: clientId, previousClient: result.previousClientId },
          });
        return result;
      });
      if (previousClientId !== clientId) events.emit('sessions.changed', { sessionId });
      const summary = getSessionSummary(db, sessionId);
      if (!summary) throw new Error(`session ${sessionId} vanished after its client was set`);
      return summary;
    },
  };
}
