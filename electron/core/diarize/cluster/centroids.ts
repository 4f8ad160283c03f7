import { dot } from './agglomerative';

/** At most `limit` indices out of `total`, spread evenly. */
export function evenlySpaced(total: number, limit: number): number[] {
  if (total <= limit) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.floor((i * total) / limit));
}

/** Unit-length mean vector of each cluster. */
export function centroidsOf(
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
  return centroids.map((c) => {
    const norm = Math.sqrt(dot(c, c)) || 1;
    return c.map((v) => v / norm);
  });
}

/** Index of the centroid most cosine-similar to `vector`. */
export function nearest(vector: Float64Array, centroids: readonly Float64Array[]): number {
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
