/**
 * The one-to-one pairing of rows and columns with the largest total weight (Hungarian algorithm,
 * O(n³)), for weights ≥ 0. Returns [row, column] pairs; rows or columns left over stay unpaired.
 */
export function maximumWeightMatching(weights: readonly (readonly number[])[]): [number, number][] {
  const rows = weights.length;
  const cols = Math.max(0, ...weights.map((row) => row.length));
  const n = Math.max(rows, cols);
  if (n === 0) return [];
  const max = Math.max(0, ...weights.flat());
  // Minimise cost = max − weight on a square matrix padded with zero-weight cells.
  const cost = (i: number, j: number) => max - (weights[i]?.[j] ?? 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const match = new Array<number>(n + 1).fill(0); // column j → row (1-based), 0 = free
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i += 1) {
    match[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = match[j0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= n; j += 1) {
        if (used[j]) continue;
        const reduced = cost(i0 - 1, j - 1) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (reduced < (minv[j] ?? Infinity)) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if ((minv[j] ?? Infinity) < delta) {
          delta = minv[j] ?? Infinity;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j += 1) {
        if (used[j]) {
          u[match[j] ?? 0] = (u[match[j] ?? 0] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else {
          minv[j] = (minv[j] ?? 0) - delta;
        }
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0] ?? 0;
      match[j0] = match[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= n; j += 1) {
    const i = (match[j] ?? 0) - 1;
    if (i >= 0 && i < rows && j - 1 < cols) pairs.push([i, j - 1]);
  }
  return pairs;
}
