import {
  PLAN_CHANGE_KINDS,
  type GoalStatus,
  type PlanChange,
  type PlanContent,
} from '../../../../shared/api/plan-schemas';
import { ValidationError } from '../../errors';

/** An accepted change, with the session it came from (the day goals and homework move on). */
export interface AcceptedChange {
  proposalId: string;
  sessionId: string;
  date: string;
  change: PlanChange;
}

/** A goal's new status at a session, for its timeline. */
export interface GoalMove {
  goalId: string;
  proposalId: string;
  sessionId: string;
  date: string;
  status: GoalStatus;
}

const order = (c: AcceptedChange) => PLAN_CHANGE_KINDS.indexOf(c.change.kind);

/**
 * The plan with accepted changes applied, oldest session first and, within a session, goals
 * before what refers to them. A change about something the plan does not hold (a goal whose
 * proposal was rejected) is refused with a message, never applied to nothing.
 */
export function applyChanges(
  before: PlanContent,
  accepted: readonly AcceptedChange[],
): { content: PlanContent; moves: GoalMove[] } {
  const content: PlanContent = structuredClone(before);
  const moves: GoalMove[] = [];
  const sorted = [...accepted].sort((a, b) => a.date.localeCompare(b.date) || order(a) - order(b));
  const goalOf = (id: string) => {
    const goal = content.goals.find((g) => g.id === id);
    if (!goal)
      throw new ValidationError(
        'plan_goal_missing',
        'A change refers to a goal that is not in the plan (was its new-goal proposal rejected?). Accept the goal too, or reject this change.',
      );
    return goal;
  };
  for (const { proposalId, sessionId, date, change } of sorted) {
    const move = (goalId: string, status: GoalStatus) =>
      moves.push({ goalId, proposalId, sessionId, date, status });
    switch (change.kind) {
      case 'add_goal':
        if (content.goals.some((g) => g.id === change.goal.id))
          throw new ValidationError('plan_goal_exists', 'This goal is already in the plan.');
        content.goals.push({ ...change.goal, status: 'not_started', updatedOn: date });
        move(change.goal.id, 'not_started');
        break;
      case 'revise_goal': {
        const goal = goalOf(change.goalId);
        const { kind: _kind, goalId: _goalId, ...revision } = change;
        Object.assign(goal, revision, { status: 'revised', updatedOn: date });
        move(goal.id, 'revised');
        break;
      }
      case 'goal_status': {
        const goal = goalOf(change.goalId);
        Object.assign(goal, { status: change.status, updatedOn: date });
        move(goal.id, change.status);
        break;
      }
      case 'add_intervention': {
        const goalIds = new Set(content.goals.map((g) => g.id));
        content.interventions.push({
          ...change.intervention,
          // Links to goals the clinician did not accept are dropped, not left dangling.
          goalIds: change.intervention.goalIds.filter((id) => goalIds.has(id)),
        });
        break;
      }
      case 'add_homework': {
        const goalId = change.homework.goalId;
        content.homework.push({
          ...change.homework,
          goalId: goalId && content.goals.some((g) => g.id === goalId) ? goalId : null,
        });
        break;
      }
      case 'homework_status': {
        const task = content.homework.find((h) => h.id === change.homeworkId);
        if (!task)
          throw new ValidationError(
            'plan_homework_missing',
            'A change refers to homework that is not in the plan. Accept the homework too, or reject this change.',
          );
        task.status = change.status;
        break;
      }
    }
  }
  return { content, moves };
}

/** An edit must change the same thing the proposal did: same kind, same goal or homework. */
export function checkEdit(proposed: PlanChange, edited: PlanChange): void {
  const refersTo = (c: PlanChange) => {
    switch (c.kind) {
      case 'add_goal':
        return c.goal.id;
      case 'revise_goal':
      case 'goal_status':
        return c.goalId;
      case 'add_intervention':
        return c.intervention.id;
      case 'add_homework':
        return c.homework.id;
      case 'homework_status':
        return c.homeworkId;
    }
  };
  if (proposed.kind !== edited.kind || refersTo(proposed) !== refersTo(edited))
    throw new ValidationError(
      'plan_edit_mismatch',
      'An edited change must keep the proposal’s kind and the goal or homework it is about.',
    );
}

/** One line for the version history: counts and kinds only (it reaches the audit log). */
export function changeNote(accepted: readonly AcceptedChange[], rejected: number): string {
  const counts = new Map<string, number>();
  for (const { change } of accepted) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${kind.replace(/_/g, ' ')}`);
  return `Accepted ${parts.join(', ')}${rejected > 0 ? `; rejected ${rejected}` : ''}.`;
}
