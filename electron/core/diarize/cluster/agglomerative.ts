/**
 * Average-linkage agglomerative clustering on cosine distance. Returns the merge history so the
 * caller can cut at a distance (auto speaker count) or at a fixed number of clusters.
 */
export interface Dendrogram {
  /** Cluster label per item after cutting. */
  cut(clusters: number): Int32Array;
  /** Merge distances, in merge order (non-decreasing for average linkage). */
  distances: number[];
}

export function agglomerate(vectors: readonly Float64Array[]): Dendrogram {
  const n = vectors.length;
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const d = 1 - dot(vectors[i] as Float64Array, vectors[j] as Float64Array);
      distance[i * n + j] = d;
      distance[j * n + i] = d;
    }
  }
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const merges: [number, number][] = [];
  const distances: number[] = [];
  for (let step = 0; step < n - 1; step += 1) {
    let best = Number.POSITIVE_INFINITY;
    let a = -1;
    let b = -1;
    for (let i = 0; i < n; i += 1) {
      if (!active[i]) continue;
      for (let j = i + 1; j < n; j += 1) {
        if (active[j] && (distance[i * n + j] as number) < best) {
          best = distance[i * n + j] as number;
          a = i;
          b = j;
        }
      }
    }
    merges.push([a, b]);
    distances.push(best);
    const sa = size[a] as number;
    const sb = size[b] as number;
    for (let k = 0; k < n; k += 1) {
      if (!active[k] || k === a || k === b) continue;
      const d =
        ((distance[a * n + k] as number) * sa + (distance[b * n + k] as number) * sb) / (sa + sb);
      distance[a * n + k] = d;
      distance[k * n + a] = d;
    }
    size[a] = sa + sb;
    active[b] = 0;
  }
  return {
    distances,
    cut(clusters: number) {
      const target = Math.max(1, Math.min(n, clusters));
      for (let i = 0; i < n; i += 1) parent[i] = i;
      const find = (x: number): number => {
        while (parent[x] !== x) x = parent[x] as number;
        return x;
      };
      for (let m = 0; m < n - target; m += 1) {
        const [x, y] = merges[m] as [number, number];
        parent[find(y)] = find(x);
      }
      const labels = new Int32Array(n);
      const ids = new Map<number, number>();
      for (let i = 0; i < n; i += 1) {
        const root = find(i);
        if (!ids.has(root)) ids.set(root, ids.size);
        labels[i] = ids.get(root) as number;
      }
      return labels;
    },
  };
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/**
 * Mean silhouette of a clustering on cosine distance (−1…1): how much closer each item is to its
 * own cluster than to the nearest other one. Picks the speaker count; low for every cut means one voice.
 */
export function silhouette(
  vectors: readonly Float64Array[],
  labels: Int32Array,
  clusters: number,
): number {
  const n = vectors.length;
  if (clusters < 2 || n < 3) return 0;
  let total = 0;
  const sums = new Float64Array(clusters);
  const counts = new Int32Array(clusters);
  for (let c = 0; c < n; c += 1)
    counts[labels[c] as number] = (counts[labels[c] as number] as number) + 1;
  for (let i = 0; i < n; i += 1) {
    sums.fill(0);
    for (let j = 0; j < n; j += 1) {
      if (i !== j)
        sums[labels[j] as number] =
          (sums[labels[j] as number] as number) +
          1 -
          dot(vectors[i] as Float64Array, vectors[j] as Float64Array);
    }
    const own = labels[i] as number;
    const ownCount = (counts[own] as number) - 1;
    if (ownCount <= 0) continue;
    const a = (sums[own] as number) / ownCount;
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < clusters; c += 1)
      if (c !== own && (counts[c] as number) > 0)
        b = Math.min(b, (sums[c] as number) / (counts[c] as number));
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
