import { describe, expect, it } from 'vitest';
import { normaliseSegments, WhisperJson } from '../../electron/core/transcribe/engine/whisper-json';
import { wordErrorRate } from '../helpers/wer';

const token = (text: string, from: number, to: number, p = 0.9) => ({
  text,
  offsets: { from, to },
  id: 1,
  p,
});

/** The shape whisper-cli -ojf writes (trimmed to what Cairn reads). */
const output = WhisperJson.parse({
  result: { language: 'en' },
  transcription: [
    {
      offsets: { from: 0, to: 2500 },
      text: ' Hello Dr. Lee.',
      tokens: [
        token('[_BEG_]', 0, 0),
        token(' Hello', 300, 700),
        token(' Dr', 800, 1000, 0.8),
        token('.', 1000, 1100, 0.6),
        token(' Lee', 1200, 1600),
        token('.', 1600, 1700),
        token('[_TT_125]', 2500, 2500),
      ],
    },
    { offsets: { from: 2500, to: 3000 }, text: ' ', tokens: [] },
  ],
});

describe('whisper JSON → transcript', () => {
  it('builds words from tokens, skipping markers, in seconds of the original recording', () => {
    const [segment, ...rest] = normaliseSegments(output, 12.5);
    expect(rest).toEqual([]); // the empty segment is dropped
    expect(segment).toMatchObject({ start: 12.5, end: 15, text: 'Hello Dr. Lee.' });
    expect(segment?.words.map((w) => [w.word, w.start, w.end])).toEqual([
      ['Hello', 12.8, 13.2],
      ['Dr.', 13.3, 13.6],
      ['Lee.', 13.7, 14.2],
    ]);
    expect(segment?.words[1]?.probability).toBeCloseTo(0.7, 5);
  });
});

describe('word error rate', () => {
  it('counts substitutions, insertions and deletions over reference words, ignoring case and punctuation', () => {
    expect(
      wordErrorRate('ask not what your country can do', 'Ask not, what your country can do!'),
    ).toBe(0);
    expect(wordErrorRate('a b c d', 'a x c')).toBe(0.5);
    expect(wordErrorRate('a b', 'a b c d')).toBe(1);
  });
});
