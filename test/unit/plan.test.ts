import { describe, expect, it } from 'vitest';
import { TARGET_RATE } from '../../electron/core/audio/preprocess/constants';
import {
  boundaryGrid,
  MIN_CHUNK_SEC,
  planChunks,
  PREROLL_SEC,
} from '../../electron/core/audio/preprocess/plan';

describe('planChunks', () => {
  it('keeps short recordings in one chunk', () => {
    const [only, ...rest] = planChunks(MIN_CHUNK_SEC * 1.5, 8, 44_100);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      firstSample: 0,
      endSample: undefined,
      decodeFromSec: 0,
      decodeForSec: undefined,
      prerollSamples: 0,
    });
  });

  it('splits long recordings into one chunk per core, covering every sample once', () => {
    const chunks = planChunks(3600, 2, 22_050);
    expect(chunks).toHaveLength(2);
    const [first, second] = chunks;
    expect(first?.firstSample).toBe(0);
    expect(first?.endSample).toBe(second?.firstSample);
    expect(second?.endSample).toBeUndefined();
  });

  it('starts each later chunk early by the pre-roll and decodes past its end', () => {
    const [first, second] = planChunks(600, 2, 48_000);
    expect(second?.prerollSamples).toBe(PREROLL_SEC * TARGET_RATE);
    expect(second?.decodeFromSec).toBeCloseTo(300 - PREROLL_SEC, 6);
    expect(first?.decodeForSec).toBeGreaterThan(300);
  });

  it('puts chunk edges where input and output samples coincide', () => {
    expect(boundaryGrid(48_000)).toBe(1);
    expect(boundaryGrid(44_100)).toBe(160); // 10 ms
    expect(boundaryGrid(22_050)).toBe(320); // 20 ms
    expect(boundaryGrid(8_000)).toBe(2);
    for (const rate of [22_050, 44_100, 11_025]) {
      for (const chunk of planChunks(7 * 333.3, 7, rate)) {
        expect(chunk.firstSample % boundaryGrid(rate)).toBe(0);
        // the decode start is on the input's sample grid too
        expect(
          Math.abs(chunk.decodeFromSec * rate - Math.round(chunk.decodeFromSec * rate)),
        ).toBeLessThan(1e-6);
      }
    }
  });
});
