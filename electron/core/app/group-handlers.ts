import type { PipelineService } from '../pipeline/pipeline-service';
import type { Db } from '../store/open-database';
import {
  groupSpeakers,
  requireGroupSession,
  setParticipants,
  setSessionKind,
} from '../store/repositories/group-participants';
import { getSessionSummary } from '../store/repositories/sessions';
import {
  approveParticipantSummary,
  summariesOfClient,
  summariesOfSession,
  updateParticipantSummary,
} from '../store/repositories/group-summaries';
import { requireClient } from '../store/repositories/clients';
import { participantIds } from '../workflows/group/participant-turns';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

type GroupHandlers = Pick<
  Handlers,
  | 'sessions.setKind'
  | 'group.get'
  | 'group.participants.set'
  | 'group.summarize'
  | 'group.summaries'
  | 'group.summariesOfClient'
  | 'group.updateSummary'
  | 'group.approveSummary'
>;

/** Group and family sessions: speakers mapped to clients, and a summary per participant. */
export function createGroupHandlers(context: {
  db: Db;
  events: EventBus;
  actor: string;
  pipeline: PipelineService;
}): GroupHandlers {
  const { db, events, actor, pipeline } = context;
  const view = (sessionId: string) => {
    const session = requireGroupSession(db, sessionId);
    return {
      sessionId,
      kind: session.kind,
      speakers: groupSpeakers(db, sessionId),
      summaries: summariesOfSession(db, sessionId),
    };
  };
  const changed = (sessionId: string, clientId: string) => {
    events.emit('sessions.changed', { sessionId });
    events.emit('clients.changed', { clientId });
  };
  return {
    'sessions.setKind': ({ sessionId, kind }) => {
      setSessionKind(db, sessionId, kind, actor);
      events.emit('sessions.changed', { sessionId });
      const summary = getSessionSummary(db, sessionId);
      if (!summary) throw new Error(`session ${sessionId} vanished`);
      return summary;
    },
    'group.get': ({ sessionId }) => view(sessionId),
    'group.participants.set': (input) => {
      setParticipants(db, input, actor);
      events.emit('sessions.changed', { sessionId: input.sessionId });
      return view(input.sessionId);
    },
    'group.summarize': ({ sessionId, waiting }) => {
      // Refused before queueing when nobody is mapped: a run that cannot succeed is not started.
      participantIds(db, sessionId);
      const queued = pipeline.enqueueWorkflow('group_summaries', sessionId, waiting ?? false);
      return { runId: queued.runId, created: queued.created };
    },
    'group.summaries': ({ sessionId }) => {
      requireGroupSession(db, sessionId);
      return summariesOfSession(db, sessionId);
    },
    'group.summariesOfClient': ({ clientId }) => {
      requireClient(db, clientId);
      return summariesOfClient(db, clientId);
    },
    'group.updateSummary': ({ id, content }) => {
      const summary = updateParticipantSummary(db, id, content, actor);
      changed(summary.sessionId, summary.clientId);
      return summary;
    },
    'group.approveSummary': ({ id }) => {
      const summary = approveParticipantSummary(db, id, actor);
      changed(summary.sessionId, summary.clientId);
      return summary;
    },
  };
}
