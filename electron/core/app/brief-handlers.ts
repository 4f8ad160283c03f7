import { localToday } from '../../../shared/domain/local-day';
import type { PipelineService } from '../pipeline/pipeline-service';
import type { Db } from '../store/open-database';
import { latestBrief, upcomingSessionFor } from '../store/repositories/briefs';
import { requireClient } from '../store/repositories/clients';
import { getSessionRow } from '../store/repositories/sessions';
import { atomically } from '../store/repositories/types';
import { ValidationError } from '../errors';
import type { DataLayout } from '../config/data-dir';
import { addMemo } from '../workflows/brief/memos';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

type BriefHandlers = Pick<Handlers, 'briefs.prepare' | 'briefs.get' | 'briefs.addMemo'>;

/** Pre-session briefs: prepared as a pre_session run on the client's upcoming session. */
export function createBriefHandlers(context: {
  db: Db;
  layout: DataLayout;
  libraryKey: Buffer;
  actor: string;
  events: EventBus;
  pipeline: PipelineService;
}): BriefHandlers {
  const { db, events, pipeline } = context;
  return {
    'briefs.prepare': ({ clientId, date, waiting }) => {
      requireClient(db, clientId);
      const sessionId = atomically(db, (tx) =>
        upcomingSessionFor(tx, clientId, date ?? localToday()),
      );
      events.emit('sessions.changed', { sessionId });
      const queued = pipeline.enqueueWorkflow('pre_session', sessionId, waiting ?? false);
      return { sessionId, runId: queued.runId, created: queued.created };
    },
    'briefs.addMemo': async ({ clientId, date, path }) => {
      requireClient(db, clientId);
      const sessionId = atomically(db, (tx) =>
        upcomingSessionFor(tx, clientId, date ?? localToday()),
      );
      events.emit('sessions.changed', { sessionId });
      const added = await addMemo(context, sessionId, path);
      return { sessionId, ...added };
    },
    'briefs.get': ({ sessionId }) => {
      if (!getSessionRow(db, sessionId))
        throw new ValidationError('session_not_found', `There is no session with id ${sessionId}.`);
      return latestBrief(db, sessionId);
    },
  };
}
