/**
 * Relevance measures over sessions. A search answers with documents (segments, note sections…);
 * a clinician looks for sessions, so hits are read as the sessions they belong to, each counted
 * once, in the order its first hit came.
 */

export function distinctSessions(hits: readonly { sessionId: string | null }[]): string[] {
  const seen = new Set<string>();
  for (const hit of hits) if (hit.sessionId) seen.add(hit.sessionId);
  return [...seen];
}

/**
 * Recall at k, capped: the relevant sessions among the first k, out of as many as could fit
 * (min(k, relevant)). A topic can be in a hundred sessions; uncapped recall@10 would then be at
 * most 0.1 however good the ranking, so the cap makes 1.0 mean "the first k were all relevant, or
 * all the relevant ones were there".
 */
export function recallAt(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  if (relevant.size === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / Math.min(k, relevant.size);
}

/** 1 / the rank of the first relevant session (0 when none was returned). */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const at = ranked.findIndex((id) => relevant.has(id));
  return at < 0 ? 0 : 1 / (at + 1);
}

/** Nearest-rank percentile (p in 0–100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
