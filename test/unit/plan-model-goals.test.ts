import { describe, expect, it } from 'vitest';
import type { PlanCitation } from '../../shared/api/plan-schemas';
import { acceptGoals } from '../../electron/core/workflows/plan/model-goals';

const statement = (item: number, text: string): PlanCitation => ({
  sessionId: 's1',
  date: '2026-11-04',
  noteId: 'n1',
  sectionKey: 'subjective',
  sectionTitle: 'Subjective',
  item,
  text,
});

const STATEMENTS = [
  statement(0, 'Client wants to sleep through the night without waking at 3am.'),
  statement(1, 'Client reported drinking less coffee after noon this week.'),
];

describe("a notes model's goals for the plan", () => {
  it('keeps a goal its statements hold, re-cited when the model numbered it wrongly', () => {
    const goals = acceptGoals(
      { goals: [{ goal: '1. Sleep through the night without waking at 3am.', statements: [2] }] },
      STATEMENTS,
      [],
    );
    expect(goals).toEqual([
      { text: 'Sleep through the night without waking at 3am', evidence: [STATEMENTS[0]] },
    ]);
  });

  it('drops goals nothing signed supports, goals the plan has, and echoes of the prompt', () => {
    const goals = acceptGoals(
      {
        goals: [
          { goal: 'Start running a marathon every spring.', statements: [1] },
          { goal: 'Client wants to sleep through the night.', statements: [1] },
          { goal: 'Give the numbers of the statements each goal comes from.', statements: [1] },
          { goal: 'Sleep', statements: [1] },
        ],
      },
      STATEMENTS,
      ['Client wants to sleep through the night'],
    );
    expect(goals).toEqual([]);
    expect(acceptGoals({ nothing: true }, STATEMENTS, [])).toEqual([]);
  });
});
