import { describe, expect, it } from 'vitest';
import { diffNotes, diffWords } from '../../shared/domain/note-diff';
import type { NoteContent } from '../../shared/api/note-schemas';

const content = (plan: string[], subjective: string[] = ['Slept badly.']): NoteContent => ({
  templateId: 'soap',
  templateVersion: 1,
  sections: [
    { key: 'subjective', title: 'Subjective', items: subjective.map(item) },
    { key: 'plan', title: 'Plan', items: plan.map(item) },
  ],
});
const item = (text: string) => ({
  text,
  segmentIds: [],
  quote: '',
  fields: {},
  supported: true,
  problems: [],
  origin: 'ai' as const,
});

describe('the word diff of a refinement', () => {
  it('marks the words removed and added, and joining each side gives its text back', () => {
    expect(diffWords('Meet on Tuesday.', 'Meet on Friday.')).toEqual([
      { op: 'same', text: 'Meet on ' },
      { op: 'del', text: 'Tuesday' },
      { op: 'add', text: 'Friday' },
      { op: 'same', text: '.' },
    ]);
    const before = 'Continue the thought record, which helped, every evening.';
    const after = 'Continue the thought record every evening.';
    const parts = diffWords(before, after);
    expect(parts).toEqual([
      { op: 'same', text: 'Continue the thought record' },
      { op: 'del', text: ',' },
      { op: 'same', text: ' ' },
      { op: 'del', text: 'which helped, ' },
      { op: 'same', text: 'every evening.' },
    ]);
    const side = (op: 'add' | 'del') =>
      parts
        .filter((p) => p.op !== op)
        .map((p) => p.text)
        .join('');
    expect(side('add')).toBe(before);
    expect(side('del')).toBe(after);
  });

  it('diffs each section and counts the words of the whole note', () => {
    const diff = diffNotes(
      content(['Meet on Tuesday.', 'Review sleep.']),
      content(['Meet on Tuesday.']),
    );
    expect(diff.sections.map((s) => [s.key, s.changed])).toEqual([
      ['subjective', false],
      ['plan', true],
    ]);
    expect(diff).toMatchObject({ added: 0, removed: 2 });
  });
});
