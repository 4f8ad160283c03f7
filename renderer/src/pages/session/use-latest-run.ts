import { useEffect, useState } from 'react';
import type { RunProgress } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';

const REFRESH_ON = ['runs.changed', 'sessions.changed'] as const;

/** The session's runs (newest first), whether one is going, and its live progress. */
export function useLatestRun(sessionId: string) {
  const api = useApi();
  const runs = useQuery(sessionId, (client) => client.call('runs.list', { sessionId }), REFRESH_ON);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  useEffect(
    () =>
      api.on('runs.progress', (update) => {
        if (update.sessionId === sessionId) setProgress(update);
      }),
    [api, sessionId],
  );
  const latest = runs.status === 'ready' ? runs.data[0] : undefined;
  const live = latest?.status === 'queued' || latest?.status === 'running';
  const start = () =>
    api.call('pipeline.process', { sessionId, waiting: true }).then(() => undefined);
  return { runs, latest, live, progress: live ? progress : null, start };
}
