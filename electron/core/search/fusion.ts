/**
 * Reciprocal rank fusion: each list gives an item 1 / (k + rank); the sums order the merged list.
 * It needs no calibration between bm25 (unbounded, lower is better) and cosine similarity (−1…1),
 * which cannot be added; only ranks are compared. k = 60 is the value of Cormack, Clarke and
 * Büttcher (2009), where it was robust across collections: a large k flattens the head so an item
 * found by both lists beats one ranked first by a single list.
 */
export const RRF_K = 60;

export interface Fused<T> {
  key: string;
  score: number;
  /** Which lists found it, in the order the lists were given. */
  foundBy: number[];
  /** Each list's item for this key (undefined where that list did not find it). */
  items: (T | undefined)[];
}

export function reciprocalRankFusion<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  k = RRF_K,
): Fused<T>[] {
  const fused = new Map<string, Fused<T>>();
  lists.forEach((list, which) => {
    list.forEach((item, rank) => {
      const key = keyOf(item);
      let entry = fused.get(key);
      if (!entry) {
        entry = { key, score: 0, foundBy: [], items: lists.map(() => undefined) };
        fused.set(key, entry);
      }
      // A list naming the same key twice counts its best rank only.
      if (entry.items[which] !== undefined) return;
      entry.items[which] = item;
      entry.foundBy.push(which);
      entry.score += 1 / (k + rank + 1);
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}
