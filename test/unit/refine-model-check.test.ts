import { describe, expect, it } from 'vitest';
import type { NoteContent } from '../../shared/api/note-schemas';
import { modelRevisionProblem } from '../../electron/core/workflows/refine/model-check';

const note = (plan: string[]): NoteContent => ({
  templateId: 'soap',
  templateVersion: 1,
  sections: [
    {
      key: 'plan',
      title: 'Plan',
      items: plan.map((text) => ({
        text,
        segmentIds: ['s1'],
        quote: '',
        fields: {},
        supported: true,
        problems: [],
        origin: 'ai' as const,
      })),
    },
  ],
});

const base = note([
  'Continue the thought record every evening and bring it to the next session.',
  'Meet again next Tuesday at ten.',
]);

describe("checking the notes model's revision before it is offered", () => {
  it('offers a shorter revision asked to be shorter', () => {
    const shorter = note(['Thought record every evening.', 'Meet Tuesday at ten.']);
    expect(modelRevisionProblem('make the plan shorter', base, shorter, ['plan'])).toBeNull();
  });

  it('does not offer a "shorter" revision with as many words or more, and says so', () => {
    const longer = note([
      'Continue the thought record every evening and bring it to the next session.',
      'Meet again next Tuesday at ten.',
      'Review sleep.',
    ]);
    expect(modelRevisionProblem('Make it more concise', base, longer, ['plan'])).toBe(
      "The notes model's revision was not shorter (21 words for 19)",
    );
  });

  it('does not offer a revision that loops on a phrase, whatever was asked', () => {
    const looping = note([
      'You can think of yourself as a 9, you can think of yourself as a 10, you can think of yourself as a 11.',
    ]);
    expect(modelRevisionProblem('less jargon', base, looping, ['plan'])).toBe(
      'The notes model repeated itself instead of revising',
    );
  });

  it('measures only the sections asked about', () => {
    const other = note([
      'A much longer plan than before, with many more words in it than the base had.',
    ]);
    expect(modelRevisionProblem('shorter', base, other, ['subjective'])).toBeNull();
  });
});
