import { useEffect, useState } from 'react';
import type { RunProgress } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';

const REFRESH_ON = ['runs.changed', 'sessions.changed'] as const;

/** The session's newest brief, its brief run (if one is going) with live progress, and prepare. */
export function useBrief(session: { id: string; clientId: string | null; date: string }) {
  const api = useApi();
  const brief = useQuery(
    `${session.id}:brief`,
    (client) => client.call('briefs.get', { sessionId: session.id }),
    REFRESH_ON,
  );
  const runs = useQuery(
    `${session.id}:brief-runs`,
    (client) => client.call('runs.list', { sessionId: session.id }),
    REFRESH_ON,
  );
  const latest =
    runs.status === 'ready' ? runs.data.find((r) => r.type === 'pre_session') : undefined;
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
  const prepare = async () => {
    if (!session.clientId) return;
    await api.call('briefs.prepare', {
      clientId: session.clientId,
      date: session.date,
      waiting: true,
    });
  };
  return { brief, latest, live, progress: live ? progress : null, prepare };
}
