import { describe, expect, it } from 'vitest';
import {
  assignSpeakers,
  groupIntoTurns,
  UNKNOWN_SPEAKER,
} from '../../electron/core/merge/assign-speakers';
import { suggestClinician } from '../../electron/core/merge/role-guess';
import { speakerStats } from '../../electron/core/merge/speaker-stats';
import type { Transcript } from '../../electron/core/transcribe/types';

const word = (text: string, start: number, end: number) => ({
  word: text,
  start,
  end,
  probability: 0.9,
});

/** Two segments; Whisper put a speaker change inside the first one. */
const transcript: Transcript = {
  language: 'en',
  model: 'test',
  segments: [
    {
      start: 0,
      end: 4,
      text: 'How are you? Fine thanks',
      words: [
        word('How', 0, 0.4),
        word('are', 0.4, 0.7),
        word('you?', 0.7, 1.2),
        word('Fine', 1.6, 2.1),
        word('thanks', 2.1, 2.6),
      ],
    },
    {
      start: 4,
      end: 6,
      text: 'And work?',
      words: [word('And', 4.1, 4.5), word('work?', 4.5, 5.2)],
    },
  ],
};
const turns = [
  { speaker: 'S0', start: 0, end: 1.3 },
  { speaker: 'S1', start: 1.5, end: 3 },
  { speaker: 'S0', start: 4, end: 5.5 },
];

describe('merging speakers into the transcript', () => {
  it('assigns each word the speaker who covers most of it, and keeps every word once', () => {
    const words = assignSpeakers(transcript, turns);
    expect(words.map((w) => [w.word, w.speaker, w.segment])).toEqual([
      ['How', 'S0', 0],
      ['are', 'S0', 0],
      ['you?', 'S0', 0],
      ['Fine', 'S1', 0],
      ['thanks', 'S1', 0],
      ['And', 'S0', 1],
      ['work?', 'S0', 1],
    ]);
    const grouped = groupIntoTurns(words);
    expect(grouped.map((t) => [t.speaker, t.text, t.segments])).toEqual([
      ['S0', 'How are you?', [0]],
      ['S1', 'Fine thanks', [0]],
      ['S0', 'And work?', [1]],
    ]);
    expect(grouped.flatMap((t) => t.words)).toEqual(words);
  });

  it('calls a word Unknown when no speaker clearly holds it', () => {
    const overlapping = [
      { speaker: 'S0', start: 0, end: 1.45 },
      { speaker: 'S1', start: 1.45, end: 3 },
    ];
    const tricky: Transcript = {
      ...transcript,
      segments: [{ start: 1, end: 2, text: 'um', words: [word('um', 1.2, 1.7)] }],
    };
    expect(assignSpeakers(tricky, overlapping)[0]?.speaker).toBe(UNKNOWN_SPEAKER); // 50/50
    const uncovered: Transcript = {
      ...transcript,
      segments: [{ start: 9, end: 10, text: 'late', words: [word('late', 9, 9.5)] }],
    };
    expect(assignSpeakers(uncovered, turns)[0]?.speaker).toBe(UNKNOWN_SPEAKER);
  });

  it('keeps the whole transcript under one Unknown speaker when diarization gave nothing', () => {
    const grouped = groupIntoTurns(assignSpeakers(transcript, []));
    expect(grouped).toHaveLength(1);
    expect(grouped[0]?.speaker).toBe(UNKNOWN_SPEAKER);
    expect(grouped[0]?.words).toHaveLength(7);
  });

  it('computes talk time, share, turns, turn length and speaking rate', () => {
    const stats = speakerStats(groupIntoTurns(assignSpeakers(transcript, turns)));
    const s0 = stats.find((s) => s.speaker === 'S0');
    const s1 = stats.find((s) => s.speaker === 'S1');
    expect(s0).toMatchObject({ turns: 2, talkTimeSec: 2.3, questionRatio: 1 });
    expect(s1).toMatchObject({ turns: 1, talkTimeSec: 1, meanTurnSec: 1, wordsPerMinute: 120 });
    expect((s0?.share ?? 0) + (s1?.share ?? 0)).toBeCloseTo(1, 3);
  });

  it('suggests the questioner who speaks first as the clinician, with reasons', () => {
    const suggestion = suggestClinician(groupIntoTurns(assignSpeakers(transcript, turns)));
    expect(suggestion?.clinician).toBe('S0');
    expect(suggestion?.reasons).toContain('speaks first');
    expect(suggestClinician(groupIntoTurns(assignSpeakers(transcript, [])))).toBeUndefined();
  });
});
