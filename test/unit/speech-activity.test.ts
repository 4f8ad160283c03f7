import { describe, expect, it } from 'vitest';
import { computeFeatures } from '../../electron/core/diarize/features/mfcc';
import { speechFrames } from '../../electron/core/diarize/speech/energy-activity';

const RATE = 16_000;

function signal(seconds: number, loud: (t: number) => boolean): Int16Array {
  return Int16Array.from({ length: seconds * RATE }, (_, i) => {
    const t = i / RATE;
    const noise = ((i * 7919) % 13) - 6;
    return loud(t)
      ? Math.round(6000 * Math.sin(2 * Math.PI * 220 * t) * Math.sin(2 * Math.PI * 3 * t)) + noise
      : noise;
  });
}

describe('speech activity', () => {
  it('finds nothing in room-noise silence', () => {
    const frames = speechFrames(computeFeatures(signal(5, () => false)).logEnergy);
    expect(frames.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('marks the loud stretch and bridges its short dips', () => {
    const frames = speechFrames(computeFeatures(signal(6, (t) => t >= 2 && t < 4)).logEnergy);
    const active = [...frames.keys()].filter((i) => frames[i] === 1);
    expect((active[0] ?? 0) / 100).toBeCloseTo(2, 0);
    expect((active.at(-1) ?? 0) / 100).toBeCloseTo(4, 0);
    // one run: the amplitude modulation's quiet moments are bridged
    expect(active.length).toBe((active.at(-1) ?? 0) - (active[0] ?? 0) + 1);
  });
});
