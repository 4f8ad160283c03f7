import { useEffect, useState } from 'react';
import type { RunProgress, RunSummary } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';

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
  const runs = useQuery(
    `${sessionId ?? 'none'}:couples-runs`,
    (client) =>
      sessionId ? client.call('runs.list', { sessionId }) : Promise.resolve<RunSummary[]>([]),
    REFRESH_ON,
  );
  const latest =
    runs.status === 'ready' ? runs.data.find((r) => r.type === 'couples_merge') : undefined;
  const live = latest?.status === 'queued' || latest?.status === 'running';
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const latestId = latest?.id;
  useEffect(
    () =>
      api.on('runs.progress', (update) => {
        if (update.runId === latestId) setProgress(update);
      }),
    [api, latestId],
  );
  return {
    view,
    latestRun: latest,
    live,
    progress: live ? progress : null,
    link: (partnerId: string) => api.call('couples.link', { clientId, partnerId }),
    unlink: () => api.call('couples.unlink', { clientId }),
    prepare: async (date: string) => {
      const queued = await api.call('couples.merge', { clientId, date, waiting: true });
      setPreparing(queued.sessionId);
    },
  };
}
