import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  PlanChange,
  PlanCitation,
  PlanContent,
  type GoalTarget,
  type PlanGoal,
} from '../../../../shared/api/plan-schemas';
import { matchVocabulary } from '../../sync/abstract/match-vocabulary';
import { contentWords } from '../brief/analysis';
import { Rating, type SessionExtract } from './extract';
import { goalStatement, smartGoalOf, targetOf, timePhraseOf } from './smart';

/** What load_plan reads: the plan as it stands and the client's earlier ratings. */
export const LoadedPlan = z.object({
  version: z.number().int().nullable(),
  content: PlanContent,
  /** Ratings recorded in earlier sessions' signed notes, oldest first. */
  earlierRatings: z.array(Rating),
  /** Goals whose status was already decided at this session (a run asked again skips them). */
  decidedHere: z.array(z.string()),
});
export type LoadedPlan = z.infer<typeof LoadedPlan>;

export const ProposedChange = z.object({
  id: z.string(),
  change: PlanChange,
  summary: z.string(),
  evidence: z.array(PlanCitation),
  /** Who proposed it when not the run's rules: a notes model's goal is labelled as such. */
  mode: z.enum(['rules', 'model']).optional(),
});
export type ProposedChange = z.infer<typeof ProposedChange>;

const met = (target: GoalTarget, value: number) =>
  target.direction === 'down' ? value <= target.value : value >= target.value;
const better = (target: GoalTarget, value: number, before: number) =>
  target.direction === 'down' ? value < before : value > before;
const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Plan updates by rules from one signed session: goals it states (new, or a changed target →
 * revised), a rated goal's status from the session's rating against its target and the last
 * earlier rating (met → achieved, better → progressing; unchanged or worse → no change proposed),
 * the library's techniques it used, homework it set, and earlier homework it reports on.
 */
export function proposeChanges(extract: SessionExtract, plan: LoadedPlan): ProposedChange[] {
  const out: ProposedChange[] = [];
  const add = (change: PlanChange, summary: string, evidence: PlanCitation[]) =>
    out.push({ id: randomUUID(), change, summary, evidence });
  const goals = plan.content.goals;
  const decided = new Set(plan.decidedHere);
  const newGoalIds: string[] = [];

  for (const citation of extract.goals) {
    const target = targetOf(citation.text);
    const baseline = target ? extract.ratings.find((r) => r.key === target.key) : undefined;
    const goalThemes = matchVocabulary([citation.text]).themes;
    const draft = smartGoalOf(
      citation.text,
      extract.date,
      baseline,
      goalThemes.length > 0 ? goalThemes : extract.themes,
    );
    const same = goals.find((g) =>
      target && g.target
        ? g.target.key === target.key
        : normal(g.statement) === normal(goalStatement(citation.text)),
    );
    const evidence = baseline ? [citation, baseline.citation] : [citation];
    if (!same) {
      const goal: PlanGoal = {
        id: randomUUID(),
        ...draft,
        status: 'not_started',
        setOn: extract.date,
        updatedOn: extract.date,
      };
      newGoalIds.push(goal.id);
      add({ kind: 'add_goal', goal }, `New goal: ${draft.statement}.`, evidence);
      continue;
    }
    if (decided.has(same.id) || !revises(same, draft)) continue;
    decided.add(same.id);
    add(
      { kind: 'revise_goal', goalId: same.id, ...draft },
      `Revise the goal "${same.statement}" to: ${draft.statement}.`,
      evidence,
    );
  }

  for (const goal of goals) {
    if (!goal.target || decided.has(goal.id)) continue;
    const target = goal.target;
    const reading = extract.ratings.find((r) => r.key === target.key);
    if (!reading) continue;
    const before = plan.earlierRatings.filter((r) => r.key === target.key).at(-1);
    const status = met(target, reading.value)
      ? 'achieved'
      : before && better(target, reading.value, before.value)
        ? 'progressing'
        : undefined;
    if (!status || (status === 'achieved' && goal.status === 'achieved')) continue;
    const word = (r: Rating) => `${r.value} out of ${r.scale}`;
    add(
      {
        kind: 'goal_status',
        goalId: goal.id,
        status,
        reading: { value: reading.value, scale: reading.scale },
        previous: before ? { value: before.value, scale: before.scale } : null,
      },
      status === 'achieved'
        ? `Goal achieved: ${target.key} ${word(reading)} meets the target of ${target.value}.`
        : `Goal progressing: ${target.key} ${word(reading)}, from ${before ? word(before) : '–'} on ${before?.citation.date ?? '–'}.`,
      before ? [reading.citation, before.citation] : [reading.citation],
    );
  }

  const openGoals = [
    ...goals.filter((g) => g.status !== 'achieved').map((g) => g.id),
    ...newGoalIds,
  ];
  for (const used of extract.techniques) {
    const known = plan.content.interventions.some(
      (i) => i.frameworkId === used.frameworkId && i.techniqueId === used.techniqueId,
    );
    if (known) continue;
    add(
      {
        kind: 'add_intervention',
        intervention: {
          id: randomUUID(),
          frameworkId: used.frameworkId,
          frameworkName: used.frameworkName,
          techniqueId: used.techniqueId,
          techniqueName: used.techniqueName,
          goalIds: openGoals,
          since: extract.date,
        },
      },
      `Add the intervention ${used.techniqueName} (${used.frameworkName}), from the framework library.`,
      [used.citation],
    );
  }

  for (const citation of extract.homework) {
    const text = citation.text.replace(/^\s*(?:homework|assignment)\s*:\s*/i, '');
    const known = plan.content.homework.some(
      (h) => h.sessionId === extract.sessionId && normal(h.text) === normal(text),
    );
    if (known) continue;
    add(
      {
        kind: 'add_homework',
        homework: {
          id: randomUUID(),
          text: text.charAt(0).toUpperCase() + text.slice(1),
          given: extract.date,
          sessionId: extract.sessionId,
          goalId: goalFor(text, goals, out) ?? null,
          status: 'set',
        },
      },
      `Add homework set on ${extract.date}.`,
      [citation],
    );
  }

  // Earlier homework the note speaks of ("completed two thought records") came back done.
  const setHere = new Set(extract.homework.map((h) => `${h.sectionKey}/${h.item}`));
  for (const task of plan.content.homework) {
    if (task.status === 'done' || task.given >= extract.date) continue;
    const words = contentWords(task.text);
    const reports = extract.statements.filter(
      (s) =>
        !setHere.has(`${s.sectionKey}/${s.item}`) &&
        [...contentWords(s.text)].filter((w) => words.has(w)).length >= 2,
    );
    if (reports.length === 0) continue;
    add(
      { kind: 'homework_status', homeworkId: task.id, status: 'done' },
      `Homework set on ${task.given} came back: mark it done.`,
      reports,
    );
  }
  return out;
}

/**
 * Whether a restated goal changes the plan's: a new target, or a time limit the note now states
 * that differs. Restating it in other words, or without a time limit, is not a revision.
 */
function revises(goal: PlanGoal, draft: ReturnType<typeof smartGoalOf>): boolean {
  const a = goal.target;
  const b = draft.target;
  if (a && b && (a.value !== b.value || a.scale !== b.scale || a.direction !== b.direction))
    return true;
  if (!a || !b) return normal(goal.statement) !== normal(draft.statement);
  const time = timePhraseOf(draft.statement);
  return time !== null && time !== timePhraseOf(goal.statement);
}

/** The goal a homework text is about: one whose rated thing it names, plan's or proposed. */
function goalFor(
  text: string,
  goals: readonly PlanGoal[],
  proposed: readonly ProposedChange[],
): string | undefined {
  const words = normal(text).split(' ');
  const all = [
    ...goals,
    ...proposed.flatMap((p) => (p.change.kind === 'add_goal' ? [p.change.goal] : [])),
  ];
  return all.find((g) => g.target && words.includes(g.target.key))?.id;
}
