import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { useWorkflowRun } from '../../api/use-workflow-run';

// Module-level: an inline array would resubscribe (and reload) the query on every render.
const REFRESH_ON = ['runs.changed', 'sessions.changed', 'clients.changed'] as const;

/**
 * A group or family session's speakers and participants' summaries, the newest group_summaries
 * run with its live progress, and the actions: map speakers, write summaries, approve one.
 */
export function useGroup(sessionId: string) {
  const api = useApi();
  const view = useQuery(
    `${sessionId}:group`,
    (client) => client.call('group.get', { sessionId }),
    REFRESH_ON,
  );
  const { latest, live, progress } = useWorkflowRun(sessionId, 'group_summaries');
  return {
    view,
    latestRun: latest,
    live,
    progress,
    map: (participants: { speakerId: string; clientId: string }[]) =>
      api.call('group.participants.set', { sessionId, participants }),
    summarize: () => api.call('group.summarize', { sessionId }),
    approve: (id: string) => api.call('group.approveSummary', { id }),
  };
}
