import type { BriefPlanGoal } from '../../../../shared/api/brief-schemas';
import { planView } from '../../store/repositories/plans';
import type { DbOrTx } from '../../store/repositories/types';

/**
 * The treatment plan's goals as the brief shows them: the current version (what the clinician
 * accepted; proposals still waiting are not the plan), each with its status and the last session
 * before the upcoming one that moved it, with the statements that did.
 */
export function planGoalsFor(
  db: DbOrTx,
  clientId: string,
  before: string,
): { planVersion: number | null; planGoals: BriefPlanGoal[] } {
  const view = planView(db, clientId);
  if (!view.current) return { planVersion: null, planGoals: [] };
  const planGoals = view.current.content.goals.map((goal) => {
    const entries = view.timelines.find((t) => t.goalId === goal.id)?.entries ?? [];
    const last = entries.filter((e) => e.date < before).at(-1);
    return {
      goalId: goal.id,
      statement: goal.statement,
      status: last?.status ?? goal.status,
      measure: goal.measure,
      timeBound: goal.smart.timeBound,
      lastMoved: last?.date ?? null,
      citations: last?.evidence ?? [],
    };
  });
  return { planVersion: view.current.version, planGoals };
}
