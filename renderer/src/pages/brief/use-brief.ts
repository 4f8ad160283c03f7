import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { useWorkflowRun } from '../../api/use-workflow-run';

const REFRESH_ON = ['runs.changed', 'sessions.changed'] as const;

/** The session's newest brief, its brief run (if one is going) with live progress, and prepare. */
export function useBrief(session: { id: string; clientId: string | null; date: string }) {
  const api = useApi();
  const brief = useQuery(
    `${session.id}:brief`,
    (client) => client.call('briefs.get', { sessionId: session.id }),
    REFRESH_ON,
  );
  const { latest, live, progress } = useWorkflowRun(session.id, 'pre_session');
  const prepare = async () => {
    if (!session.clientId) return;
    await api.call('briefs.prepare', {
      clientId: session.clientId,
      date: session.date,
      waiting: true,
    });
  };
  return { brief, latest, live, progress, prepare };
}
