import { useState } from 'react';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { useWorkflowRun } from '../../api/use-workflow-run';

const REFRESH_ON = ['clients.changed', 'runs.changed', 'sessions.changed'] as const;

/**
 * A client's couples view, the joint session's newest couples run with live progress and time
 * left, and the actions: link, unlink, prepare a joint summary.
 */
export function useCouples(clientId: string) {
  const api = useApi();
  const view = useQuery(
    `${clientId}:couples`,
    (client) => client.call('couples.get', { clientId }),
    REFRESH_ON,
  );
  // The joint session last prepared from here, else the one the newest summary was made for.
  const [preparing, setPreparing] = useState<string | null>(null);
  const sessionId = preparing ?? (view.status === 'ready' ? view.data.latest?.sessionId : null);
  const { latest, live, progress } = useWorkflowRun(sessionId, 'couples_merge');
  return {
    view,
    latestRun: latest,
    live,
    progress,
    link: (partnerId: string) => api.call('couples.link', { clientId, partnerId }),
    unlink: () => api.call('couples.unlink', { clientId }),
    prepare: async (date: string) => {
      const queued = await api.call('couples.merge', { clientId, date, waiting: true });
      setPreparing(queued.sessionId);
    },
  };
}
