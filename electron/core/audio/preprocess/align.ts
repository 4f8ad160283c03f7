import { readSamples, type DecodedChunk } from './chunk-files';
import { TARGET_RATE } from './constants';

const WINDOW = Math.round(0.15 * TARGET_RATE);
export const MAX_LAG = Math.round(0.1 * TARGET_RATE);
/** Below this mean square (≈ -60 dBFS) a window is silence: nothing to align on, and nothing to hear. */
const SILENCE_MEAN_SQUARE = (32768 * 0.001) ** 2;

/**
 * Aligns `next` to `previous` where they overlap, so the join lands on the same sample whatever
 * the container's seek precision (VBR MP3 seeks are estimates). Compares a window around the
 * boundary decoded by both chunks, finds the lag with the least squared difference, and corrects
 * `next.skip`. Returns the correction in samples (0 when the seek was exact).
 */
export async function alignToPrevious(previous: DecodedChunk, next: DecodedChunk): Promise<number> {
  const boundary = next.plan.firstSample;
  const previousStart = previous.plan.firstSample - previous.skip; // global index of previous's file[0]
  const reference = await readSamples(previous.file, boundary - WINDOW - previousStart, 2 * WINDOW);
  if (reference.length < 2 * WINDOW || meanSquare(reference) < SILENCE_MEAN_SQUARE) return 0;

  const nominalStart = boundary - next.plan.prerollSamples; // global index of next's file[0] if the seek was exact
  const searchFrom = boundary - WINDOW - nominalStart - MAX_LAG;
  const candidate = await readSamples(next.file, searchFrom, 2 * WINDOW + 2 * MAX_LAG);
  if (candidate.length < 2 * WINDOW + 2 * MAX_LAG) return 0;

  let bestLag = 0;
  let bestError = Number.POSITIVE_INFINITY;
  for (let lag = -MAX_LAG; lag <= MAX_LAG; lag += 1) {
    const offset = MAX_LAG + lag;
    let error = 0;
    for (let i = 0; i < reference.length && error < bestError; i += 1) {
      const d = (reference[i] ?? 0) - (candidate[offset + i] ?? 0);
      error += d * d;
    }
    if (error < bestError || (error === bestError && Math.abs(lag) < Math.abs(bestLag))) {
      bestError = error;
      bestLag = lag;
    }
  }
  // next's file holds global sample g at index g - nominalStart + lag: skip so the boundary comes next.
  next.skip = next.plan.prerollSamples + bestLag;
  return bestLag;
}

function meanSquare(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return sum / Math.max(1, samples.length);
}
