import { describe, expect, it } from 'vitest';
import {
  quoteAppearsIn,
  verifyItem,
  verifyNote,
} from '../../electron/core/notes/evidence/verify-citations';

const segments = new Map([
  ['s1', 'I have been so anxious about work, I barely sleep.'],
  ['s2', 'What helped last week?'],
  ['s3', 'The breathing exercise helped a little, honestly.'],
]);

describe('citation checks', () => {
  it('accepts a quote that is word for word in a cited segment, whatever the case and punctuation', () => {
    expect(quoteAppearsIn('anxious about work. I barely sleep', segments.get('s1') ?? '')).toBe(
      true,
    );
    expect(quoteAppearsIn('The Breathing exercise helped', segments.get('s3') ?? '')).toBe(true);
  });

  it('tolerates a dropped word or two, not a paraphrase', () => {
    expect(
      quoteAppearsIn(
        'the breathing exercise helped a little',
        'The breathing exercise, um, helped a little.',
      ),
    ).toBe(true);
    expect(quoteAppearsIn('breathing helped a lot with her sleep', segments.get('s3') ?? '')).toBe(
      false,
    );
    expect(quoteAppearsIn('', segments.get('s3') ?? '')).toBe(false);
  });

  it('marks an item whose segment does not exist or whose quote is not there, and keeps it', () => {
    const good = verifyItem(
      { text: 'Anxious about work.', segmentIds: ['s1'], quote: 'anxious about work' },
      segments,
    );
    expect(good).toMatchObject({ supported: true, problems: [] });
    const invented = verifyItem(
      { text: 'Sleeps well.', segmentIds: ['s9'], quote: 'I sleep well' },
      segments,
    );
    expect(invented.supported).toBe(false);
    expect(invented.problems.join(' ')).toMatch(/does not exist/);
    const misquoted = verifyItem(
      { text: 'Exercise helped.', segmentIds: ['s2'], quote: 'the breathing exercise helped' },
      segments,
    );
    expect(misquoted.supported).toBe(false);
    expect(misquoted.problems.join(' ')).toMatch(/does not appear/);
    expect(misquoted.text).toBe('Exercise helped.');
  });

  it('accepts the quote from any of several cited segments', () => {
    const item = verifyItem(
      { text: 'Some relief.', segmentIds: ['s2', 's3'], quote: 'helped a little' },
      segments,
    );
    expect(item.supported).toBe(true);
  });

  it('counts the unsupported items of a whole note', () => {
    const result = verifyNote(
      {
        subjective: [{ text: 'Anxious.', segmentIds: ['s1'], quote: 'so anxious' }],
        plan: [
          {
            text: 'Keep breathing exercises.',
            segmentIds: ['s3'],
            quote: 'breathing exercise helped',
          },
          { text: 'Start medication.', segmentIds: [], quote: '' },
        ],
      },
      segments,
    );
    expect(result.unsupported).toBe(1);
    expect(result.sections.plan?.[1]?.problems.join(' ')).toMatch(/cites no part/);
  });
});
