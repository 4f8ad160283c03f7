import { FRAME_LEN } from '../features/mfcc';

/** Frames quieter than about -55 dBFS are never speech, whatever the recording's range. */
const ABSOLUTE_FLOOR = Math.log((32768 * 10 ** (-55 / 20)) ** 2 + 1e-3);
const MIN_SPEECH_FRAMES = 25;
const MAX_GAP_FRAMES = 50;

/**
 * Energy-based speech activity: a frame is speech when its log energy stands well above the
 * recording's noise floor (10th percentile) relative to its loud parts (95th), then short blips are
 * dropped and short pauses bridged. Digital or room silence yields no speech at all.
 */
export function speechFrames(logEnergy: Float32Array): Uint8Array {
  const n = logEnergy.length;
  const speech = new Uint8Array(n);
  if (n === 0) return speech;
  const sorted = Float32Array.from(logEnergy).sort();
  const floor = sorted[Math.floor(n * 0.1)] ?? 0;
  const peak = sorted[Math.floor(n * 0.95)] ?? 0;
  if (peak - floor < 2) return speech; // under ~9 dB of range: nothing stands out from the noise
  const threshold = Math.max(ABSOLUTE_FLOOR, floor + 0.3 * (peak - floor));
  for (let i = 0; i < n; i += 1) speech[i] = (logEnergy[i] ?? 0) > threshold ? 1 : 0;
  fillShortRuns(speech, 0, MAX_GAP_FRAMES);
  fillShortRuns(speech, 1, MIN_SPEECH_FRAMES);
  return speech;
}

/** Turns runs of `value` shorter than `maxLength` into the opposite value. */
export function fillShortRuns(frames: Uint8Array, value: 0 | 1, maxLength: number): void {
  let i = 0;
  while (i < frames.length) {
    if (frames[i] !== value) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < frames.length && frames[j] === value) j += 1;
    const interior = i > 0 && j < frames.length;
    if (j - i < maxLength && (value === 1 || interior)) frames.fill(value === 1 ? 0 : 1, i, j);
    i = j;
  }
}

export const FRAME_SEC = 0.01;
export const FRAME_CENTRE_SEC = FRAME_LEN / 2 / 16_000;
