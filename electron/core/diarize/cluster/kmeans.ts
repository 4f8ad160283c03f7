import { dot } from './agglomerative';

/**
 * k-means with k-means++ seeding from a fixed-seed generator (the same recording always gives the
 * same speakers), best of a few restarts by within-cluster squared distance.
 */
export function kMeans(points: readonly Float64Array[], k: number, restarts = 8): Int32Array {
  const random = mulberry32(0x5eed);
  let best = new Int32Array(points.length);
  let bestCost = Number.POSITIVE_INFINITY;
  for (let r = 0; r < restarts; r += 1) {
    const { labels, cost } = lloyd(points, seed(points, k, random));
    if (cost < bestCost) {
      bestCost = cost;
      best = labels;
    }
  }
  return best;
}

function lloyd(points: readonly Float64Array[], initial: Float64Array[]) {
  const k = initial.length;
  const dims = points[0]?.length ?? 0;
  let centres = initial;
  const labels = new Int32Array(points.length).fill(-1);
  let cost = 0;
  for (let iteration = 0; iteration < 100; iteration += 1) {
    let changed = false;
    cost = 0;
    for (let i = 0; i < points.length; i += 1) {
      const p = points[i] as Float64Array;
      let nearest = 0;
      let nearestDistance = Number.POSITIVE_INFINITY;
      centres.forEach((c, j) => {
        const d = squaredDistance(p, c);
        if (d < nearestDistance) {
          nearestDistance = d;
          nearest = j;
        }
      });
      cost += nearestDistance;
      if (labels[i] !== nearest) changed = true;
      labels[i] = nearest;
    }
    if (!changed) break;
    const sums = Array.from({ length: k }, () => new Float64Array(dims));
    const counts = new Int32Array(k);
    points.forEach((p, i) => {
      const label = labels[i] as number;
      counts[label] = (counts[label] as number) + 1;
      const sum = sums[label] as Float64Array;
      for (let d = 0; d < dims; d += 1) sum[d] = (sum[d] as number) + (p[d] as number);
    });
    // An emptied cluster keeps its old centre rather than collapsing to the origin.
    centres = sums.map((sum, j) =>
      counts[j] ? sum.map((v) => v / (counts[j] as number)) : (centres[j] as Float64Array),
    );
  }
  return { labels, cost };
}

function seed(points: readonly Float64Array[], k: number, random: () => number): Float64Array[] {
  const centres = [points[Math.floor(random() * points.length)] as Float64Array];
  const nearest = points.map((p) => squaredDistance(p, centres[0] as Float64Array));
  while (centres.length < k) {
    const total = nearest.reduce((a, b) => a + b, 0);
    let target = random() * total;
    let pick = points.length - 1;
    for (let i = 0; i < points.length; i += 1) {
      target -= nearest[i] as number;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
    const centre = points[pick] as Float64Array;
    centres.push(centre);
    points.forEach((p, i) => {
      nearest[i] = Math.min(nearest[i] as number, squaredDistance(p, centre));
    });
  }
  return centres.map((c) => Float64Array.from(c));
}

function squaredDistance(a: Float64Array, b: Float64Array): number {
  return dot(a, a) + dot(b, b) - 2 * dot(a, b);
}

function mulberry32(seedValue: number): () => number {
  let state = seedValue;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
