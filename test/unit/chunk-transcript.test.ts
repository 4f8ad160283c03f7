import { describe, expect, it } from 'vitest';
import {
  chunkTranscript,
  type ChunkSegment,
} from '../../electron/core/notes/generate/chunk-transcript';

const segment = (id: number, speaker: string, words: number): ChunkSegment => ({
  id: `s${id}`,
  speaker,
  text: Array.from({ length: words }, () => 'word').join(' '),
});
const tokens = (s: ChunkSegment) => s.text.split(' ').length;

describe('chunking a transcript for the model’s context', () => {
  it('keeps everything in one piece when it fits', () => {
    const all = [segment(1, 'A', 10), segment(2, 'B', 10)];
    expect(chunkTranscript(all, 100, tokens)).toEqual([all]);
  });

  it('keeps every segment exactly once, in order, and every piece within budget', () => {
    const all = Array.from({ length: 200 }, (_, i) =>
      segment(i, i % 3 === 0 ? 'A' : 'B', 5 + (i % 7)),
    );
    const chunks = chunkTranscript(all, 60, tokens);
    expect(chunks.flat()).toEqual(all);
    for (const chunk of chunks)
      expect(chunk.reduce((n, s) => n + tokens(s), 0)).toBeLessThanOrEqual(60);
    expect(chunks.length).toBeGreaterThan(10);
  });

  it('cuts where the speaker changes rather than inside a turn', () => {
    const all = [
      segment(1, 'A', 20),
      segment(2, 'A', 20),
      segment(3, 'B', 20),
      segment(4, 'B', 20),
      segment(5, 'B', 20),
    ];
    const chunks = chunkTranscript(all, 70, tokens);
    expect(chunks.map((c) => c.map((s) => s.id))).toEqual([
      ['s1', 's2'],
      ['s3', 's4', 's5'],
    ]);
  });

  it('cuts a turn too long for one piece between its segments, and isolates an oversized segment', () => {
    const long = [
      segment(1, 'A', 30),
      segment(2, 'A', 30),
      segment(3, 'A', 30),
      segment(4, 'B', 200),
    ];
    const chunks = chunkTranscript(long, 70, tokens);
    expect(chunks.flat()).toEqual(long);
    expect(chunks.at(-1)?.map((s) => s.id)).toEqual(['s4']);
    expect(chunks[0]?.map((s) => s.id)).toEqual(['s1', 's2']);
  });
});
