import { TARGET_RATE } from './constants';

/**
 * How a recording is cut for parallel decoding. Each chunk owns the output samples
 * [firstSample, endSample) and decodes a little more on both sides: a pre-roll, so the decoder
 * and resampler have settled before the first sample it owns, and a tail, so neighbouring chunks
 * overlap and the join can be aligned by comparing them.
 */
export interface ChunkPlan {
  index: number;
  firstSample: number;
  /** Exclusive; undefined for the last chunk, which runs to the end of the recording. */
  endSample: number | undefined;
  /** Where decoding starts, in seconds of the original. */
  decodeFromSec: number;
  /** How long to decode; undefined = to the end. */
  decodeForSec: number | undefined;
  /** Samples decoded before firstSample, to be skipped (before alignment correction). */
  prerollSamples: number;
}

export const PREROLL_SEC = 1;
export const TAIL_SEC = 0.5;
/** Below this, one ffmpeg is quicker than starting several. */
export const MIN_CHUNK_SEC = 90;

/**
 * Chunk edges fall where an input sample and an output sample coincide (every 20 ms for
 * 22.05 kHz, every sample for 48 kHz): a chunk's resampler then starts in the same phase as a
 * single pass would be at that point, and the join is seamless rather than a fraction of a
 * sample off.
 */
export function boundaryGrid(inputRate: number): number {
  const rate = Math.round(inputRate);
  return rate > 0 ? TARGET_RATE / gcd(TARGET_RATE, rate) : 1;
}

export function planChunks(
  durationSec: number,
  parallelism: number,
  inputRate: number,
): ChunkPlan[] {
  const count = Math.max(
    1,
    Math.min(Math.floor(parallelism), Math.floor(durationSec / MIN_CHUNK_SEC)),
  );
  const totalSamples = Math.round(durationSec * TARGET_RATE);
  const grid = boundaryGrid(inputRate);
  const boundaries = Array.from(
    { length: count + 1 },
    (_, i) => Math.round((i * totalSamples) / count / grid) * grid,
  );
  return Array.from({ length: count }, (_, index) => {
    const firstSample = boundaries[index] ?? 0;
    const isLast = index === count - 1;
    const endSample = isLast ? undefined : boundaries[index + 1];
    const prerollSamples = Math.min(firstSample, PREROLL_SEC * TARGET_RATE); // a multiple of every grid
    const decodeFromSample = firstSample - prerollSamples;
    return {
      index,
      firstSample,
      endSample,
      decodeFromSec: decodeFromSample / TARGET_RATE,
      decodeForSec:
        endSample === undefined
          ? undefined
          : (endSample - decodeFromSample) / TARGET_RATE + TAIL_SEC,
      prerollSamples,
    };
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
