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
  // The desk follows the runs that process the recording; a brief or plan run shows in its own panel.
  const latest = runs.status === 'ready' ? runs.data.find((r) => r.type === 'process') : undefined;
  const latestId = latest?.id;
  useEffect(
    () =>
      api.on('runs.progress', (update) => {
        if (update.sessionId === sessionId && update.runId === latestId) setProgress(update);
      }),
    [api, sessionId, latestId],
  );
  const live = latest?.status === 'queued' || latest?.status === 'running';
  const start = () =>
    api.call('pipeline.process', { sessionId, waiting: true }).then(() => undefined);
  return { runs, latest, live, progress: live ? progress : null, start };
}
