import { describe, expect, it } from 'vitest';
import { spectralClusters } from '../../electron/core/diarize/cluster/spectral';
import { placeWindows, WINDOW_FRAMES } from '../../electron/core/diarize/embed/windows';
import { speakerCountFor } from '../../electron/core/diarize/speaker-count';

/** Unit vectors scattered around `centre` (non-negative, like the voice encoder's embeddings). */
function voice(centre: number[], count: number, spread: number, seed: number): Float64Array[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const v = Float64Array.from(centre, (c) => Math.max(0, c + (random() - 0.5) * spread));
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const DIMS = 16;
const axis = (i: number) => Array.from({ length: DIMS }, (_, d) => (d === i ? 1 : 0.3));

describe('spectral clustering of speaker embeddings', () => {
  it('finds two voices and keeps each voice together', () => {
    const a = voice(axis(0), 40, 0.4, 1);
    const b = voice(axis(5), 30, 0.4, 2);
    const { labels, speakers } = spectralClusters([...a, ...b]);
    expect(speakers).toBe(2);
    expect(new Set(labels.slice(0, 40)).size).toBe(1);
    expect(new Set(labels.slice(40)).size).toBe(1);
    expect(labels[0]).not.toBe(labels[40]);
  });

  it('finds one voice when there is one', () => {
    expect(spectralClusters(voice(axis(2), 60, 0.4, 3)).speakers).toBe(1);
  });

  it('honours a fixed count and gives the same answer every time', () => {
    const all = [...voice(axis(0), 20, 0.4, 4), ...voice(axis(4), 20, 0.4, 5)];
    const first = spectralClusters(all, { speakers: 3 });
    expect(first.speakers).toBe(3);
    expect(spectralClusters(all, { speakers: 3 }).labels).toEqual(first.labels);
    expect(spectralClusters([]).speakers).toBe(0);
  });
});

describe('voice encoder windows', () => {
  const speechAt = (frames: number, runs: [number, number][]) => {
    const speech = new Uint8Array(frames);
    for (const [from, to] of runs) speech.fill(1, from, to);
    return speech;
  };

  it('places none in silence', () => {
    expect(placeWindows(new Uint8Array(1000))).toEqual([]);
  });

  it('steps through long speech and covers every speech frame', () => {
    const speech = speechAt(1000, [[0, 1000]]);
    const starts = placeWindows(speech);
    expect(starts.slice(0, 3)).toEqual([0, 40, 80]);
    const covered = new Uint8Array(1000);
    for (const s of starts) covered.fill(1, s, s + WINDOW_FRAMES);
    expect(covered.every((c) => c === 1)).toBe(true);
  });

  it('centres a window on a short utterance between pauses', () => {
    const starts = placeWindows(speechAt(1000, [[500, 530]]));
    expect(starts).toEqual([515 - WINDOW_FRAMES / 2]);
  });
});

describe('speaker count for a session', () => {
  it('fixes two for an individual session, searches otherwise, and lets an override win', () => {
    expect(speakerCountFor('individual')).toEqual({ speakers: 2 });
    expect(speakerCountFor('family')).toEqual({ speakers: 'auto', minSpeakers: 2, maxSpeakers: 6 });
    expect(speakerCountFor('individual', 3)).toEqual({ speakers: 3 });
    expect(speakerCountFor('individual', 'auto')).toEqual({ speakers: 'auto' });
  });
});
