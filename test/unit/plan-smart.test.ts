import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../electron/core/workflows/plan/apply';
import { ratingIn } from '../../electron/core/workflows/plan/extract';
import { goalStatement, smartGoalOf, targetOf } from '../../electron/core/workflows/plan/smart';
import { SMART_FIELDS } from '../../shared/api/plan-schemas';

const citation = (text: string) => ({
  sessionId: 's1',
  date: '2026-11-02',
  noteId: 'n1',
  sectionKey: 'subjective',
  sectionTitle: 'Subjective',
  item: 0,
  text,
});

/** The rules that read a goal statement into SMART parts, and ratings out of statements. */
describe('SMART goals by rules', () => {
  it('uses what the note states for each part, with the baseline and a review date', () => {
    const goal = smartGoalOf(
      'Goal: bring anxiety down to 4 out of 10 within eight weeks.',
      '2026-11-02',
      { key: 'anxiety', value: 7, scale: 10, citation: citation('rated her anxiety 7 out of 10') },
      [{ label: 'Anxiety' }],
    );
    expect(goal.statement).toBe('Bring anxiety down to 4 out of 10 within eight weeks');
    expect(goal.target).toEqual({ key: 'anxiety', value: 4, scale: 10, direction: 'down' });
    expect(goal.smart).toEqual({
      specific: 'Bring anxiety down to 4 out of 10 within eight weeks.',
      measurable: 'Anxiety at or below 4 out of 10.',
      achievable: 'From 7 out of 10 on 2026-11-02: a 3-point change, agreed in session.',
      relevant: 'Addresses anxiety, raised in the session of 2026-11-02.',
      timeBound: 'Within eight weeks of 2026-11-02: review by 2026-12-28.',
    });
    expect(goal.toConfirm).toEqual([]);
    expect(goal.measure).toBe('Anxiety rating 0–10, asked each session.');
  });

  it('fills what the note leaves out with labelled defaults, never an empty part', () => {
    const goal = smartGoalOf('Goal: feel more confident at work.', '2026-11-02', undefined, []);
    for (const field of SMART_FIELDS) expect(goal.smart[field].length).toBeGreaterThan(0);
    expect(goal.toConfirm).toEqual(['measurable', 'achievable', 'relevant', 'timeBound']);
    expect(goal.smart.timeBound).toMatch(/^To confirm \(Cairn's default\): review at the next/);
    expect(goal.target).toBeNull();
  });

  it('reads targets, directions, labels and ratings', () => {
    expect(targetOf('Goal revised: raise mood to 6 out of 10 within four weeks.')).toEqual({
      key: 'mood',
      value: 6,
      scale: 10,
      direction: 'up',
    });
    expect(goalStatement('Goal revised: raise mood to 6/10.')).toBe('Raise mood to 6/10');
    expect(ratingIn('Client rated his mood 4 out of 10 this week.')).toEqual({
      key: 'mood',
      value: 4,
      scale: 10,
    });
    expect(ratingIn('Sleep rating 5/10 on most nights.')).toEqual({
      key: 'sleep',
      value: 5,
      scale: 10,
    });
    // A goal's target is not a reading.
    expect(ratingIn('Goal: anxiety rating 4/10 by December.')).toBeNull();
  });

  it('refuses a status change for a goal the plan does not hold', () => {
    expect(() =>
      applyChanges({ goals: [], interventions: [], homework: [] }, [
        {
          proposalId: 'p',
          sessionId: 's',
          date: '2026-11-09',
          change: {
            kind: 'goal_status',
            goalId: 'missing',
            status: 'progressing',
            reading: null,
            previous: null,
          },
        },
      ]),
    ).toThrow(/not in the plan/);
  });
});
