import { readSamples, type DecodedChunk } from './chunk-files';
import { TARGET_RATE } from './constants';

/** Compared on each side of the boundary; the tail overlap (0.5 s) bounds it with MAX_LAG. */
const WINDOW = Math.round(0.4 * TARGET_RATE);
/** Half the stretch the lag is searched on. */
const SEARCH_HALF = Math.round(0.15 * TARGET_RATE);
export const MAX_LAG = Math.round(0.1 * TARGET_RATE);
/**
 * Only digital silence gives nothing to align on. A room's noise floor is as good as speech: both
 * chunks decoded the very same samples, so the noise lines up exactly where the chunks do.
 */
const SILENCE_MEAN_SQUARE = 0.5;

export interface JoinAlignment {
  /** Samples the join was moved (0 when the seek was exact). */
  lag: number;
  /**
   * True when, after the best shift, both chunks hold (nearly) the same samples. False means the seek
   * landed between samples of the input, so the two decodes differ in resampling phase: the join
   * cannot be made seamless and the caller decodes in one piece instead.
   */
  seamless: boolean;
}

/** After the best shift, what is left must be this far below the signal (AAC decodes ≈ -58 dB). */
const SEAMLESS_RESIDUAL = 1e-4; // -40 dB

/**
 * Aligns `next` to `previous` where they overlap, so the join lands on the same sample whatever
 * the container's seek precision (VBR MP3 and Ogg seeks are estimates). Compares a window around
 * the boundary decoded by both chunks, finds the lag with the least squared difference, corrects
 * `next.skip`, and says whether the overlap then matches.
 */
export async function alignToPrevious(
  previous: DecodedChunk,
  next: DecodedChunk,
): Promise<JoinAlignment> {
  const boundary = next.plan.firstSample;
  const previousStart = previous.plan.firstSample - previous.skip; // global index of previous's file[0]
  const reference = await readSamples(previous.file, boundary - WINDOW - previousStart, 2 * WINDOW);
  const energy = meanSquare(reference) * reference.length;
  if (reference.length < 2 * WINDOW || energy < SILENCE_MEAN_SQUARE * reference.length)
    return { lag: 0, seamless: true };

  const nominalStart = boundary - next.plan.prerollSamples; // global index of next's file[0] if the seek was exact
  const searchFrom = boundary - WINDOW - nominalStart - MAX_LAG;
  const candidate = await readSamples(next.file, searchFrom, 2 * WINDOW + 2 * MAX_LAG);
  if (candidate.length < 2 * WINDOW + 2 * MAX_LAG) return { lag: 0, seamless: false };

  // The lag is searched on the middle of the window (cheap), then the whole window is compared at it.
  const searchStart = WINDOW - SEARCH_HALF;
  let bestLag = 0;
  let bestError = Number.POSITIVE_INFINITY;
  for (let lag = -MAX_LAG; lag <= MAX_LAG; lag += 1) {
    const offset = MAX_LAG + lag;
    let error = 0;
    for (let i = searchStart; i < searchStart + 2 * SEARCH_HALF && error < bestError; i += 1) {
      const d = (reference[i] ?? 0) - (candidate[offset + i] ?? 0);
      error += d * d;
    }
    if (error < bestError || (error === bestError && Math.abs(lag) < Math.abs(bestLag))) {
      bestError = error;
      bestLag = lag;
    }
  }
  let residual = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const d = (reference[i] ?? 0) - (candidate[MAX_LAG + bestLag + i] ?? 0);
    residual += d * d;
  }
  // next's file holds global sample g at index g - nominalStart + lag: skip so the boundary comes next.
  next.skip = next.plan.prerollSamples + bestLag;
  return { lag: bestLag, seamless: residual <= SEAMLESS_RESIDUAL * energy };
}

function meanSquare(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return sum / Math.max(1, samples.length);
}
