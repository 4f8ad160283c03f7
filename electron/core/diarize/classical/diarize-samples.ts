import type { SpeakerTurn } from '../types';
import { agglomerate, dot, silhouette, type Dendrogram } from './cluster';
import { resegment } from './resegment';
import { computeFeatures, N_MFCC } from './mfcc';
import { FRAME_SEC, speechFrames } from './speech-activity';

export interface ClassicalOptions {
  /** A fixed number of speakers, or 'auto' (between minSpeakers and maxSpeakers). */
  speakers?: number | 'auto';
  minSpeakers?: number;
  maxSpeakers?: number;
  /** Silhouette a split must reach to count as more than one speaker (auto count). */
  threshold?: number;
  onProgress?: (percent: number) => void;
}

const WINDOW = 150; // frames: 1.5 s of speech statistics per window
const STEP = 50;
const MAX_CLUSTERED = 500; // windows clustered directly; the rest join the nearest cluster
const SMOOTH_RADIUS = 25;
/** Silhouette below which no split is believed: one speaker. */
export const DEFAULT_THRESHOLD = 0.2;

/**
 * Classical diarization: energy speech activity → 1.5 s windows of MFCC mean and spread
 * (normalised over the recording) → average-linkage clustering on cosine distance, cut at a fixed
 * count or where the silhouette is best → every speech frame takes the vote of the windows covering
 * it, smoothed over half a second → Viterbi resegmentation with a Gaussian per speaker → turns.
 */
export function diarizeSamples(
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
  const frameLabels = labelFrames(windows, labels, speech, centroids.length);
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

function evenlySpaced(total: number, limit: number): number[] {
  if (total <= limit) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.floor((i * total) / limit));
}

function centroidsOf(
  vectors: readonly Float64Array[],
  labels: Int32Array,
  count: number,
): Float64Array[] {
  const dims = vectors[0]?.length ?? 0;
  const centroids = Array.from({ length: count }, () => new Float64Array(dims));
  vectors.forEach((v, i) => {
    const c = centroids[labels[i] as number] as Float64Array;
    for (let d = 0; d < dims; d += 1) c[d] = (c[d] as number) + (v[d] as number);
  });
  for (const c of centroids) {
    const norm = Math.sqrt(dot(c, c)) || 1;
    for (let d = 0; d < dims; d += 1) c[d] = (c[d] as number) / norm;
  }
  return centroids;
}

function nearest(vector: Float64Array, centroids: readonly Float64Array[]): number {
  let best = 0;
  let bestSimilarity = Number.NEGATIVE_INFINITY;
  centroids.forEach((c, i) => {
    const similarity = dot(vector, c);
    if (similarity > bestSimilarity) {
      bestSimilarity = similarity;
      best = i;
    }
  });
  return best;
}

/** Each speech frame: the label most windows covering it vote for, smoothed over ±0.25 s. */
function labelFrames(
  windows: readonly SpeechWindow[],
  labels: readonly number[],
  speech: Uint8Array,
  k: number,
): Int32Array {
  const frames = speech.length;
  const votes = new Float32Array(frames * k);
  windows.forEach((w, i) => {
    const label = labels[i] as number;
    for (let f = w.start; f < Math.min(frames, w.start + WINDOW); f += 1)
      votes[f * k + label] = (votes[f * k + label] as number) + 1;
  });
  const raw = new Int32Array(frames).fill(-1);
  for (let f = 0; f < frames; f += 1) {
    if (!speech[f]) continue;
    let best = -1;
    let bestVotes = 0;
    for (let c = 0; c < k; c += 1) {
      if ((votes[f * k + c] as number) > bestVotes) {
        bestVotes = votes[f * k + c] as number;
        best = c;
      }
    }
    raw[f] = best;
  }
  fillUnlabelled(raw, speech);
  const smoothed = new Int32Array(frames).fill(-1);
  const counts = new Int32Array(k);
  for (let f = 0; f < frames; f += 1) {
    if (!speech[f]) continue;
    counts.fill(0);
    for (
      let g = Math.max(0, f - SMOOTH_RADIUS);
      g <= Math.min(frames - 1, f + SMOOTH_RADIUS);
      g += 1
    ) {
      const label = raw[g] as number;
      if (label >= 0) counts[label] = (counts[label] as number) + 1;
    }
    let best = raw[f] as number;
    for (let c = 0; c < k; c += 1) if ((counts[c] as number) > (counts[best] ?? -1)) best = c;
    smoothed[f] = best;
  }
  return smoothed;
}

/** Speech frames no window covered (edges) take the nearest labelled frame's label. */
function fillUnlabelled(labels: Int32Array, speech: Uint8Array): void {
  let last = -1;
  for (let f = 0; f < labels.length; f += 1) {
    if ((labels[f] as number) >= 0) last = labels[f] as number;
    else if (speech[f] && last >= 0) labels[f] = last;
  }
  let next = -1;
  for (let f = labels.length - 1; f >= 0; f -= 1) {
    if ((labels[f] as number) >= 0) next = labels[f] as number;
    else if (speech[f] && next >= 0) labels[f] = next;
  }
}

function toTurns(labels: Int32Array): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let f = 0;
  while (f < labels.length) {
    const label = labels[f] as number;
    if (label < 0) {
      f += 1;
      continue;
    }
    let g = f;
    while (g < labels.length && labels[g] === label) g += 1;
    turns.push({
      speaker: `SPEAKER_${String(label).padStart(2, '0')}`,
      start: round(f * FRAME_SEC),
      end: round(g * FRAME_SEC),
    });
    f = g;
  }
  return turns;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
