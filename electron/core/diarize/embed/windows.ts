/** Frames (10 ms) the voice encoder hears per window: 1.6 s, what it was trained on. */
export const WINDOW_FRAMES = 160;
const DEFAULT_STEP = 40;
/** Above this many windows the step grows (0.4 s up to 0.9 s for an hour), bounding the cost. */
const MAX_WINDOWS = 4000;
const MIN_SPEECH_SHARE = 0.5;

/**
 * Where to place voice-encoder windows: every `step` frames where at least half the window is
 * speech, plus one window centred on each stretch of speech no such window covers (a short "mm-hm"
 * between pauses still gets a speaker). Returns sorted start frames.
 */
export function placeWindows(speech: Uint8Array): number[] {
  const frames = speech.length;
  const prefix = new Int32Array(frames + 1);
  for (let f = 0; f < frames; f += 1) prefix[f + 1] = (prefix[f] as number) + (speech[f] as number);
  const speechFrames = prefix[frames] as number;
  if (speechFrames === 0) return [];
  const step = Math.max(DEFAULT_STEP, Math.ceil(speechFrames / MAX_WINDOWS));
  const last = Math.max(0, frames - WINDOW_FRAMES);
  const starts: number[] = [];
  const covered = new Uint8Array(frames);
  for (let start = 0; start <= last; start += step) {
    const end = Math.min(frames, start + WINDOW_FRAMES);
    if ((prefix[end] as number) - (prefix[start] as number) < MIN_SPEECH_SHARE * WINDOW_FRAMES)
      continue;
    starts.push(start);
    covered.fill(1, start, end);
  }
  let f = 0;
  while (f < frames) {
    if (!speech[f] || covered[f]) {
      f += 1;
      continue;
    }
    let g = f;
    while (g < frames && speech[g] && !covered[g]) g += 1;
    const start = Math.min(last, Math.max(0, Math.floor((f + g - WINDOW_FRAMES) / 2)));
    starts.push(start);
    covered.fill(1, start, Math.min(frames, start + WINDOW_FRAMES));
    f = g;
  }
  return starts.sort((a, b) => a - b);
}
