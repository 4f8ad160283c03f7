import { describe, expect, it } from 'vitest';
import type { BriefCitation } from '../../shared/api/brief-schemas';
import { acceptPoints } from '../../electron/core/workflows/brief/model-summary';

const statement = (item: number, text: string): BriefCitation => ({
  sessionId: 's1',
  date: '2026-10-05',
  noteId: 'n1',
  sectionKey: 'plan',
  sectionTitle: 'Plan',
  item,
  text,
});

const STATEMENTS = [
  statement(0, 'Client reported worry about work deadlines and poor sleep, waking at 3am.'),
  statement(1, 'Homework: complete a thought record on three evenings this week.'),
  statement(2, 'Client completed two thought records and said her sleep improved slightly.'),
];

describe("the notes model's points in a brief", () => {
  it('keeps a point whose cited statement holds what it says', () => {
    const points = acceptPoints(
      { points: [{ text: 'Sleep improved slightly after two thought records.', statements: [3] }] },
      STATEMENTS,
    );
    expect(points).toEqual([
      { text: 'Sleep improved slightly after two thought records.', citations: [STATEMENTS[2]] },
    ]);
  });

  it('re-cites a point a small model numbered wrongly, to the statement that plainly holds it', () => {
    const points = acceptPoints(
      {
        points: [
          {
            text: '1. Client reported worry about work deadlines and poor sleep.',
            statements: [2],
          },
        ],
      },
      STATEMENTS,
    );
    expect(points).toEqual([
      {
        text: 'Client reported worry about work deadlines and poor sleep.',
        citations: [STATEMENTS[0]],
      },
    ]);
  });

  it('drops points nothing signed supports, labels, repeats and echoes of the instructions', () => {
    const points = acceptPoints(
      {
        points: [
          { text: 'The client has started a new medication for migraines.', statements: [1] },
          { text: '2026-10-12, Subjective', statements: [1] },
          { text: 'Use only what the statements say, please.', statements: [2] },
          { text: 'Give the numbers of the statements each sentence rests on.', statements: [2] },
          { text: 'Homework: complete a thought record on three evenings.', statements: [2, 9] },
          { text: 'Homework: complete a thought record on three evenings.', statements: [2] },
        ],
      },
      STATEMENTS,
    );
    expect(points.map((p) => p.text)).toEqual([
      'Homework: complete a thought record on three evenings.',
    ]);
    expect(points[0]?.citations).toEqual([STATEMENTS[1]]);
    expect(acceptPoints({ nothing: true }, STATEMENTS)).toEqual([]);
  });
});
