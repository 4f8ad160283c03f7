import { useEffect, useState } from 'react';
import type { RunProgress, RunSummary } from '../../../shared/api/schemas';
import type { RunType } from '../../../shared/domain/enums';
import { useApi } from './context';
import { useQuery } from './use-query';

// One array for every render: the query resubscribes (and reloads) when its events change.
const REFRESH_ON = ['runs.changed', 'sessions.changed'] as const;

/**
 * The newest run of one type on a session (a brief, a plan update, a couples summary), whether it
 * is going, and its live stage, percent and time left from `runs.progress` while it is.
 */
export function useWorkflowRun(sessionId: string | null | undefined, type: RunType) {
  const api = useApi();
  const runs = useQuery(
    `${sessionId ?? 'none'}:${type}-runs`,
    (client) =>
      sessionId ? client.call('runs.list', { sessionId }) : Promise.resolve<RunSummary[]>([]),
    REFRESH_ON,
  );
  const latest = runs.status === 'ready' ? runs.data.find((r) => r.type === type) : undefined;
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
  return { latest, live, progress: live ? progress : null };
}
