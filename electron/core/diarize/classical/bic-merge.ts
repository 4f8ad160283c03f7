import { N_MFCC } from './mfcc';

const DIMS = N_MFCC - 1;

/**
 * The stopping rule for the speaker count: two clusters are one speaker when a single Gaussian
 * explains their frames better than two, by the Bayesian Information Criterion (diagonal
 * covariance; the penalty counts the extra model's parameters). Merges the most alike pair while
 * ΔBIC < 0 and returns labels renumbered 0…k-1.
 */
export function mergeByBic(
  mfcc: Float32Array,
  labels: Int32Array,
  speakers: number,
  minSpeakers = 1,
  lambda = 1,
): { labels: Int32Array; speakers: number } {
  const stats = Array.from({ length: speakers }, () => ({
    n: 0,
    sum: new Float64Array(DIMS),
    squares: new Float64Array(DIMS),
  }));
  for (let f = 0; f < labels.length; f += 1) {
    const s = labels[f] as number;
    if (s < 0) continue;
    const st = stats[s] as (typeof stats)[number];
    st.n += 1;
    for (let d = 0; d < DIMS; d += 1) {
      const x = mfcc[f * N_MFCC + d + 1] as number;
      st.sum[d] = (st.sum[d] as number) + x;
      st.squares[d] = (st.squares[d] as number) + x * x;
    }
  }
  const target = Array.from({ length: speakers }, (_, i) => i);
  const alive = new Set(stats.map((_, i) => i).filter((i) => (stats[i]?.n ?? 0) > 0));
  while (alive.size > minSpeakers) {
    let best: [number, number] | undefined;
    let bestDelta = 0;
    const ids = [...alive];
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const a = stats[ids[i] as number] as (typeof stats)[number];
        const b = stats[ids[j] as number] as (typeof stats)[number];
        const delta = deltaBic(a, b, lambda);
        if (delta < bestDelta) {
          bestDelta = delta;
          best = [ids[i] as number, ids[j] as number];
        }
      }
    }
    if (!best) break;
    const [a, b] = best;
    const sa = stats[a] as (typeof stats)[number];
    const sb = stats[b] as (typeof stats)[number];
    sa.n += sb.n;
    for (let d = 0; d < DIMS; d += 1) {
      sa.sum[d] = (sa.sum[d] as number) + (sb.sum[d] as number);
      sa.squares[d] = (sa.squares[d] as number) + (sb.squares[d] as number);
    }
    alive.delete(b);
    for (let s = 0; s < speakers; s += 1) if (target[s] === b) target[s] = a;
  }
  const renumber = new Map([...alive].map((s, i) => [s, i]));
  const out = labels.map((l) => (l < 0 ? -1 : (renumber.get(target[l] as number) ?? -1)));
  return { labels: out, speakers: alive.size };
}

interface Stats {
  n: number;
  sum: Float64Array;
  squares: Float64Array;
}

function logDetTimesN(s: Stats): number {
  let sum = 0;
  for (let d = 0; d < DIMS; d += 1) {
    const m = (s.sum[d] as number) / s.n;
    sum += Math.log(Math.max(1e-6, (s.squares[d] as number) / s.n - m * m));
  }
  return s.n * sum;
}

function deltaBic(a: Stats, b: Stats, lambda: number): number {
  const merged: Stats = {
    n: a.n + b.n,
    sum: a.sum.map((v, d) => v + (b.sum[d] as number)),
    squares: a.squares.map((v, d) => v + (b.squares[d] as number)),
  };
  const gain = 0.5 * (logDetTimesN(merged) - logDetTimesN(a) - logDetTimesN(b));
  const penalty = lambda * 0.5 * (2 * DIMS) * Math.log(merged.n);
  return gain - penalty; // < 0: one Gaussian explains both clusters well enough: one speaker
}
