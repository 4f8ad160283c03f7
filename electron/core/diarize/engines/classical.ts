import { agglomerate, dot, silhouette, type Dendrogram } from '../cluster/agglomerative';
import { centroidsOf, evenlySpaced, nearest } from '../cluster/centroids';
import { computeFeatures, N_MFCC } from '../features/mfcc';
import { labelFrames, toTurns } from '../segment/frame-labels';
import { resegment } from '../segment/resegment';
import { speechFrames } from '../speech/energy-activity';
import type { SpeakerCountOptions, SpeakerTurn } from '../types';

export interface ClassicalOptions extends SpeakerCountOptions {
  /** Silhouette a split must reach to count as more than one speaker (auto count). */
  threshold?: number;
  onProgress?: (percent: number) => void;
}

const WINDOW = 150; // frames: 1.5 s of speech statistics per window
const STEP = 50;
const MAX_CLUSTERED = 500; // windows clustered directly; the rest join the nearest cluster
/** Silhouette below which no split is believed: one speaker. */
export const DEFAULT_THRESHOLD = 0.2;

/**
 * Classical diarization, used when the voice encoder is missing: energy speech activity → 1.5 s windows of MFCC mean and spread
 * (normalised over the recording) → average-linkage clustering on cosine distance, cut at a fixed
 * count or where the silhouette is best → every speech frame takes the vote of the windows covering
 * it, smoothed over half a second → Viterbi resegmentation with a Gaussian per speaker → turns.
 */
export function classicalDiarize(
  samples: Int16Array | Float32Array,
  options: ClassicalOptions = {},
): SpeakerTurn[] {
  const { onProgress } = options;
  const features = computeFeatures(samples);
  onProgress?.(60);
  const speech = speechFrames(features.logEnergy);
  const windows = speechWindows(features.mfcc, speech, features.frames);
  if (windows.length === 0) return [];

  const sampled = evenlySpaced(windows.length, MAX_CLUSTERED).map(
    (i) => (windows[i] as SpeechWindow).vector,
  );
  const tree = agglomerate(sampled);
  onProgress?.(85);
  const count = speakerCount(tree, sampled, options);
  const centroids = centroidsOf(sampled, tree.cut(count), count);
  const labels = windows.map((w) => nearest(w.vector, centroids));
  const frameLabels = labelFrames(windows, WINDOW, labels, speech, centroids.length);
  const refined = resegment(features.mfcc, frameLabels, centroids.length);
  onProgress?.(100);
  return toTurns(refined);
}

interface SpeechWindow {
  start: number;
  vector: Float64Array;
}

/** Windows with enough speech, each as the normalised mean and spread of its speech frames' MFCCs. */
function speechWindows(mfcc: Float32Array, speech: Uint8Array, frames: number): SpeechWindow[] {
  const dims = N_MFCC - 1; // c0 is loudness, not voice
  const mean = new Float64Array(dims);
  const variance = new Float64Array(dims);
  let speechCount = 0;
  for (let f = 0; f < frames; f += 1) {
    if (!speech[f]) continue;
    speechCount += 1;
    for (let d = 0; d < dims; d += 1)
      mean[d] = (mean[d] as number) + (mfcc[f * N_MFCC + d + 1] as number);
  }
  if (speechCount === 0) return [];
  for (let d = 0; d < dims; d += 1) mean[d] = (mean[d] as number) / speechCount;
  for (let f = 0; f < frames; f += 1) {
    if (!speech[f]) continue;
    for (let d = 0; d < dims; d += 1)
      variance[d] =
        (variance[d] as number) + ((mfcc[f * N_MFCC + d + 1] as number) - (mean[d] as number)) ** 2;
  }
  const std = variance.map((v) => Math.sqrt(v / speechCount) + 1e-6);

  const windows: SpeechWindow[] = [];
  for (let start = 0; start + WINDOW <= Math.max(frames, WINDOW); start += STEP) {
    const end = Math.min(frames, start + WINDOW);
    const sum = new Float64Array(dims);
    const squares = new Float64Array(dims);
    let n = 0;
    for (let f = start; f < end; f += 1) {
      if (!speech[f]) continue;
      n += 1;
      for (let d = 0; d < dims; d += 1) {
        const z = ((mfcc[f * N_MFCC + d + 1] as number) - (mean[d] as number)) / (std[d] as number);
        sum[d] = (sum[d] as number) + z;
        squares[d] = (squares[d] as number) + z * z;
      }
    }
    if (n < WINDOW * 0.4) continue;
    const vector = new Float64Array(2 * dims);
    for (let d = 0; d < dims; d += 1) {
      const m = (sum[d] as number) / n;
      vector[d] = m;
      vector[dims + d] = Math.sqrt(Math.max(0, (squares[d] as number) / n - m * m));
    }
    windows.push({ start, vector });
  }
  return standardise(windows);
}

/** Z-scores each dimension across windows, then unit length: cosine similarity compares voices. */
function standardise(windows: SpeechWindow[]): SpeechWindow[] {
  const dims = windows[0]?.vector.length ?? 0;
  for (let d = 0; d < dims; d += 1) {
    let sum = 0;
    let squares = 0;
    for (const w of windows) {
      sum += w.vector[d] as number;
      squares += (w.vector[d] as number) ** 2;
    }
    const mean = sum / windows.length;
    const std = Math.sqrt(Math.max(1e-12, squares / windows.length - mean * mean));
    for (const w of windows) w.vector[d] = ((w.vector[d] as number) - mean) / std;
  }
  for (const w of windows) {
    const norm = Math.sqrt(dot(w.vector, w.vector)) || 1;
    for (let d = 0; d < dims; d += 1) w.vector[d] = (w.vector[d] as number) / norm;
  }
  return windows;
}

/**
 * Fixed when asked; otherwise the cut with the best silhouette among min…max speakers, and a
 * single speaker when no cut separates the windows convincingly.
 */
function speakerCount(
  tree: Dendrogram,
  vectors: readonly Float64Array[],
  options: ClassicalOptions,
): number {
  const items = vectors.length;
  if (typeof options.speakers === 'number') return Math.max(1, Math.min(items, options.speakers));
  const min = Math.max(1, options.minSpeakers ?? 1);
  const max = Math.max(min, Math.min(options.maxSpeakers ?? 6, items));
  let best = min;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = Math.max(2, min); k <= max; k += 1) {
    const score = silhouette(vectors, tree.cut(k), k);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  return min <= 1 && bestScore < threshold ? 1 : best;
}
