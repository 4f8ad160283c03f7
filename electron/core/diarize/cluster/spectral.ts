import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { dot } from './agglomerative';
import type { SpeakerCountOptions } from '../types';
import { kMeans } from './kmeans';

/** Share of each window's most similar windows kept as neighbours in the affinity graph. */
const NEIGHBOUR_SHARE = 0.3;
/**
 * One voice unless the graph's Fiedler value (second-smallest Laplacian eigenvalue) is below this:
 * a low value means the windows fall into groups joined by few edges. Measured with this encoder:
 * one voice 0.40, two voices 0.21–0.30 (generated sessions and sample.wav).
 */
const SINGLE_VOICE_FIEDLER = 0.35;
/** Weight left on the other edges: enough to keep the graph connected, too little to matter. */
const FAR_EDGE_WEIGHT = 0.01;

/**
 * Spectral clustering of unit-length speaker embeddings (Wang et al., "Speaker diarization with
 * LSTM", 2018): a cosine affinity graph pruned to each window's nearest neighbours, the normalised
 * Laplacian's eigenvectors, and k-means on them. The number of speakers is where the Laplacian's
 * eigenvalues jump (the eigengap), unless fixed. Returns a label per vector.
 */
export function spectralClusters(
  vectors: readonly Float64Array[],
  options: SpeakerCountOptions = {},
): { labels: Int32Array; speakers: number } {
  const n = vectors.length;
  if (n < 3) return { labels: new Int32Array(n), speakers: n === 0 ? 0 : 1 };
  const { values, vectors: eigenvectors } = laplacianSpectrum(affinity(vectors));
  const speakers = countSpeakers(values, n, options);
  if (speakers <= 1) return { labels: new Int32Array(n), speakers: 1 };
  const rows = Array.from({ length: n }, (_, i) => {
    const row = Float64Array.from({ length: speakers }, (_, k) => eigenvectors.get(i, k));
    const norm = Math.sqrt(dot(row, row)) || 1;
    return row.map((v) => v / norm);
  });
  return { labels: kMeans(rows, speakers), speakers };
}

function affinity(vectors: readonly Float64Array[]): Matrix {
  const n = vectors.length;
  const a = new Matrix(n, n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const similarity = Math.max(0, dot(vectors[i] as Float64Array, vectors[j] as Float64Array));
      a.set(i, j, similarity);
      a.set(j, i, similarity);
    }
  }
  const keep = Math.max(1, Math.floor(n * NEIGHBOUR_SHARE));
  const pruned = new Matrix(n, n);
  for (let i = 0; i < n; i += 1) {
    const row = a.getRow(i);
    const cutoff = [...row].sort((x, y) => y - x)[keep - 1] ?? 0;
    for (let j = 0; j < n; j += 1) {
      const v = row[j] as number;
      pruned.set(i, j, v >= cutoff ? v : v * FAR_EDGE_WEIGHT);
    }
  }
  // Symmetric again: an edge either end keeps is kept.
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const v = Math.max(pruned.get(i, j), pruned.get(j, i));
      pruned.set(i, j, v);
      pruned.set(j, i, v);
    }
  }
  return pruned;
}

/** Eigenvalues (ascending) and eigenvectors (as columns) of I − D^-½ A D^-½. */
function laplacianSpectrum(a: Matrix): { values: number[]; vectors: Matrix } {
  const n = a.rows;
  const scale = Array.from(
    { length: n },
    (_, i) => 1 / Math.sqrt(a.getRow(i).reduce((s, v) => s + v, 0) || 1),
  );
  const laplacian = new Matrix(n, n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      const normalised = a.get(i, j) * (scale[i] as number) * (scale[j] as number);
      laplacian.set(i, j, (i === j ? 1 : 0) - normalised);
    }
  }
  const decomposition = new EigenvalueDecomposition(laplacian, { assumeSymmetric: true });
  const order = decomposition.realEigenvalues
    .map((value, index) => ({ value, index }))
    .sort((x, y) => x.value - y.value);
  const vectors = new Matrix(n, order.length);
  order.forEach(({ index }, column) =>
    vectors.setColumn(column, decomposition.eigenvectorMatrix.getColumn(index)),
  );
  return { values: order.map((o) => o.value), vectors };
}

function countSpeakers(eigenvalues: number[], n: number, options: SpeakerCountOptions): number {
  if (typeof options.speakers === 'number') return Math.max(1, Math.min(n, options.speakers));
  const min = Math.max(1, options.minSpeakers ?? 1);
  const max = Math.max(min, Math.min(options.maxSpeakers ?? 6, n - 1));
  if (min === 1 && (eigenvalues[1] as number) >= SINGLE_VOICE_FIEDLER) return 1;
  let best = Math.max(2, min);
  let bestGap = Number.NEGATIVE_INFINITY;
  for (let k = Math.max(2, min); k <= max; k += 1) {
    const gap = (eigenvalues[k] as number) - (eigenvalues[k - 1] as number);
    if (gap > bestGap) {
      bestGap = gap;
      best = k;
    }
  }
  return best;
}
