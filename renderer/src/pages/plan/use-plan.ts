import type { PlanDecision } from '../../../../shared/api/plan-schemas';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { useWorkflowRun } from '../../api/use-workflow-run';

const REFRESH_ON = ['plans.changed', 'runs.changed'] as const;

/** The client's plan view, reloaded when a decision or a plan run changes it, and decide. */
export function usePlan(clientId: string) {
  const api = useApi();
  const plan = useQuery(
    `${clientId}:plan`,
    (client) => client.call('plans.get', { clientId }),
    REFRESH_ON,
  );
  const decide = (decision: PlanDecision) =>
    api.call('plans.decide', { clientId, decisions: [decision] });
  return { plan, decide };
}

/**
 * The newest plan run of a session (if one is going) with its live stage, percent and time left,
 * and propose: queue a post_session run the clinician waits for.
 */
export function useProposeRun(sessionId: string | undefined) {
  const api = useApi();
  const { latest, live, progress } = useWorkflowRun(sessionId, 'post_session');
  const propose = async () => {
    if (sessionId) await api.call('plans.propose', { sessionId, waiting: true });
  };
  return { latest, live, progress, propose };
}
