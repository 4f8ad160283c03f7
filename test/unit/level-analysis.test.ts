import { describe, expect, it } from 'vitest';
import { FRAME_SAMPLES, TARGET_RATE } from '../../electron/core/audio/preprocess/constants';
import {
  applyGain,
  LevelAnalyzer,
  normalisingGainDb,
  soundExtent,
  TRIM_PADDING_SEC,
} from '../../electron/core/audio/preprocess/level-analysis';

/** Silence, then a 440 Hz tone of `amplitude` for `toneSec`, then silence. */
function toneBetweenSilences(
  leadSec: number,
  toneSec: number,
  tailSec: number,
  amplitude: number,
): Int16Array {
  const lead = Math.round(leadSec * TARGET_RATE);
  const tone = Math.round(toneSec * TARGET_RATE);
  const out = new Int16Array(lead + tone + Math.round(tailSec * TARGET_RATE));
  for (let i = 0; i < tone; i += 1)
    out[lead + i] = Math.round(amplitude * Math.sin((2 * Math.PI * 440 * i) / TARGET_RATE));
  return out;
}

function analyse(samples: Int16Array, blockSize: number) {
  const analyser = new LevelAnalyzer();
  for (let i = 0; i < samples.length; i += blockSize)
    analyser.push(samples.subarray(i, i + blockSize));
  return analyser.finish();
}

describe('level analysis', () => {
  it('gives the same profile whatever the block sizes', () => {
    const samples = toneBetweenSilences(1, 2, 1, 8000);
    const whole = analyse(samples, samples.length);
    const odd = analyse(samples, 1237);
    expect(Array.from(odd.frameMeanSquares)).toEqual(Array.from(whole.frameMeanSquares));
    expect(odd.peak).toBe(whole.peak);
    expect(whole.frameMeanSquares.length).toBe(Math.ceil(samples.length / FRAME_SAMPLES));
  });

  it('finds the sound between leading and trailing silence, with padding', () => {
    const samples = toneBetweenSilences(3, 2, 4, 8000);
    const extent = soundExtent(analyse(samples, 4096), samples.length);
    expect(extent.silent).toBe(false);
    expect(extent.startSample / TARGET_RATE).toBeCloseTo(3 - TRIM_PADDING_SEC, 1);
    expect(extent.endSample / TARGET_RATE).toBeCloseTo(5 + TRIM_PADDING_SEC, 1);
  });

  it('calls a recording of faint noise silent', () => {
    const noise = Int16Array.from({ length: 10 * TARGET_RATE }, (_, i) => ((i * 7919) % 21) - 10);
    expect(soundExtent(analyse(noise, 8192), noise.length)).toEqual({
      silent: true,
      startSample: 0,
      endSample: noise.length,
    });
  });

  it('raises quiet speech towards -20 dBFS without clipping its peaks', () => {
    const quiet = toneBetweenSilences(1, 3, 1, 1000); // RMS ≈ -33 dBFS
    const gain = normalisingGainDb(analyse(quiet, 4096));
    expect(gain).toBeGreaterThan(10);
    const louder = applyGain(quiet, gain);
    const peak = louder.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
    expect(peak).toBeLessThan(32767);
    expect(normalisingGainDb(analyse(louder, 4096))).toBeCloseTo(0, 0);
  });

  it('never boosts a loud recording into clipping', () => {
    const loud = toneBetweenSilences(0.5, 2, 0.5, 32000);
    expect(normalisingGainDb(analyse(loud, 4096))).toBeLessThanOrEqual(0);
  });
});
