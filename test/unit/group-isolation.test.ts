import { describe, expect, it } from 'vitest';
import type { NoteContent, NoteItem } from '../../shared/api/note-schemas';
import { isolateParticipant } from '../../electron/core/workflows/group/participant-isolation';

const own = [{ id: 'a1', speaker: 'Client', text: 'I worry about my brother Quillon at night.' }];
const context = [
  { id: 'c1', speaker: 'Therapist', text: 'Today we practise the grounding exercise together.' },
];
const others = [
  { id: 'b1', speaker: 'Client', text: 'I feel anxious when I drive past Marrowfield to work.' },
];

const item = (text: string, segmentIds: string[]): NoteItem => ({
  text,
  segmentIds,
  quote: text,
  fields: {},
  supported: true,
  problems: [],
  origin: 'ai',
});

const content = (items: NoteItem[]): NoteContent => ({
  templateId: 'group-participant',
  templateVersion: 1,
  sections: [{ key: 'key_topics', title: 'What they brought', items }],
});

/** The isolation check of a participant's summary: what crosses over is dropped and counted. */
describe('a participant summary’s isolation check', () => {
  it('keeps statements on their own turns and the shared context', () => {
    const outcome = isolateParticipant(
      content([
        item('Worries about their brother Quillon at night.', ['a1']),
        item('Took part as the group practised the grounding exercise.', ['a1']),
      ]),
      own,
      context,
      others,
    );
    expect(outcome).toMatchObject({ checked: 2, dropped: 0 });
    expect(outcome.content.sections[0]?.items).toHaveLength(2);
  });

  it('drops a statement citing another’s turn, naming what only another said, or repeating their words', () => {
    const outcome = isolateParticipant(
      content([
        item('Feels anxious on the way to work.', ['b1']),
        item('Mentioned marrowfield in passing.', ['a1']),
        item('Gets anxious when I drive past the shops.', ['a1']),
        item('Cites nothing.', []),
        item('Worries about their brother at night.', ['a1']),
      ]),
      own,
      context,
      others,
    );
    expect(outcome).toMatchObject({ checked: 5, dropped: 4 });
    expect(outcome.content.sections[0]?.items.map((i) => i.text)).toEqual([
      'Worries about their brother at night.',
    ]);
  });
});
