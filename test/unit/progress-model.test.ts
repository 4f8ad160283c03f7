import { describe, expect, it } from 'vitest';
import { ProgressModel } from '../../electron/core/pipeline/progress';

describe('run progress and time left', () => {
  it('estimates time left from this machine’s past speed per audio second', () => {
    // Past runs here: transcription at 100 ms per audio second (10× realtime), diarization at 5 ms,
    // notes skipped (no notes model).
    const past = new Map([
      ['transcribe', 100],
      ['diarize', 5],
      ['notes', 0],
    ]);
    const model = new ProgressModel(600, past);
    // Nothing done: dominated by transcription (60 s) plus the small stages' defaults.
    expect(model.etaSec({})).toBeGreaterThanOrEqual(60);
    expect(model.etaSec({})).toBeLessThan(62);
    // Half transcribed, diarization done: the slower of the two parallel stages counts.
    const half = { validate: 1, preprocess: 1, transcribe: 0.5, diarize: 1 };
    expect(model.etaSec(half)).toBe(30);
    expect(model.percent(half)).toBeGreaterThan(40);
    expect(model.percent(half)).toBeLessThan(50);
  });

  it('reaches 100 % when every stage is done and never exceeds it', () => {
    const model = new ProgressModel(60, new Map());
    const all = Object.fromEntries(
      ['validate', 'preprocess', 'transcribe', 'diarize', 'merge', 'notes', 'finalize'].map((s) => [
        s,
        1,
      ]),
    );
    expect(model.percent(all)).toBe(100);
    expect(model.etaSec(all)).toBe(0);
  });

  it('has no estimate before the audio length is known', () => {
    expect(new ProgressModel(0, new Map()).etaSec({})).toBeUndefined();
  });
});
