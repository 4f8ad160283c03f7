/**
 * The query measurements, through the API on a built and indexed library: first-page latency
 * per mode, and relevance per mode.
 */
import {
  SEARCH_MODES,
  type SearchFilters,
  type SearchHit,
  type SearchMode,
} from '../../../shared/api/search-schemas';
import type { LibraryPlan } from './library-plan';
import { filtersOf, relevantSessions, type LabelledQuery, type QueryKind } from './queries';
import { distinctSessions, mean, percentile, recallAt, reciprocalRank } from './relevance';
import type { SearchAdapter } from './search-adapter';

/** A first page, as the desk and the CLI ask for it. */
export const FIRST_PAGE = 20;
/**
 * Relevance reads pages of 100 hits until it has seen ten distinct sessions (one session can
 * match in dozens of segments), at most this deep.
 */
const RELEVANCE_PAGE = 100;
const RELEVANCE_DEPTH = 500;
const PASSES = 3;

export interface Latency {
  mode: SearchMode;
  /** Wall time of the API call, ms, over every query and pass. */
  p50: number;
  p95: number;
  /** The engine's own figure (tookMs in the answer), p50. */
  engineP50: number;
  samples: number;
}

export interface Relevance {
  mode: SearchMode;
  /** all; first: the queries written before the first measurement (all but mixed); or one kind. */
  kind: QueryKind | 'all' | 'first';
  queries: number;
  recallAt10: number;
  mrr: number;
}

export interface SemanticState {
  available: boolean;
  reason: string | null;
}

/** Queries with at least one relevant session in this library (a small one lacks some topics). */
export function answerable(queries: readonly LabelledQuery[], plan: LibraryPlan) {
  return queries
    .map((query) => ({ query, relevant: relevantSessions(query, plan) }))
    .filter((q) => q.relevant.size > 0);
}

/** One query in each mode first: the encoder process and SQLite's caches are warm after it. */
export async function warmUp(search: SearchAdapter, text: string): Promise<SemanticState> {
  let semantic: SemanticState = { available: false, reason: null };
  for (const mode of SEARCH_MODES) {
    const result = await search.query(text, mode, undefined, FIRST_PAGE);
    semantic = result.semantic;
  }
  return semantic;
}

export async function firstPageLatency(
  search: SearchAdapter,
  plan: LibraryPlan,
  queries: readonly LabelledQuery[],
): Promise<Latency[]> {
  const wall = new Map<SearchMode, number[]>(SEARCH_MODES.map((m) => [m, []]));
  const engine = new Map<SearchMode, number[]>(SEARCH_MODES.map((m) => [m, []]));
  for (let pass = 0; pass < PASSES; pass++)
    for (const query of queries) {
      const filters = filtersOf(query, plan);
      for (const mode of SEARCH_MODES) {
        const started = performance.now();
        const result = await search.query(query.text, mode, filters, FIRST_PAGE);
        wall.get(mode)?.push(performance.now() - started);
        engine.get(mode)?.push(result.tookMs);
      }
    }
  return SEARCH_MODES.map((mode) => {
    const times = wall.get(mode) ?? [];
    return {
      mode,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      engineP50: percentile(engine.get(mode) ?? [], 50),
      samples: times.length,
    };
  });
}

function capped(query: LabelledQuery, plan: LibraryPlan, through: number | undefined) {
  const filters = filtersOf(query, plan);
  if (through === undefined) return filters;
  return { ...filters, to: Math.min(filters?.to ?? through, through) };
}

/** The sessions a query finds, in the order of their first hit, ten at least when there are. */
async function rankedSessions(
  search: SearchAdapter,
  text: string,
  mode: SearchMode,
  filters: SearchFilters | undefined,
): Promise<string[]> {
  const hits: SearchHit[] = [];
  for (let offset = 0; offset < RELEVANCE_DEPTH; offset += RELEVANCE_PAGE) {
    const page = await search.query(text, mode, filters, RELEVANCE_PAGE, offset);
    hits.push(...page.hits);
    if (page.hits.length < RELEVANCE_PAGE || distinctSessions(hits).length >= 10) break;
  }
  return distinctSessions(hits);
}

export async function relevance(
  search: SearchAdapter,
  plan: LibraryPlan,
  queries: ReturnType<typeof answerable>,
  /** Only sessions up to this day (epoch ms), when the index is partial (partial-index.ts). */
  through?: number,
): Promise<{ summary: Relevance[]; perQuery: Record<string, unknown>[] }> {
  const scores: { mode: SearchMode; kind: QueryKind; recall: number; rr: number }[] = [];
  const perQuery: Record<string, unknown>[] = [];
  for (const { query, relevant } of queries) {
    const row: Record<string, unknown> = {
      query: query.text,
      kind: query.kind,
      relevant: relevant.size,
    };
    for (const mode of SEARCH_MODES) {
      const ranked = await rankedSessions(search, query.text, mode, capped(query, plan, through));
      const recall = recallAt(ranked, relevant, 10);
      const rr = reciprocalRank(ranked, relevant);
      scores.push({ mode, kind: query.kind, recall, rr });
      row[`${mode} R@10`] = Math.round(recall * 100) / 100;
    }
    perQuery.push(row);
  }
  const kinds: Relevance['kind'][] = ['all', 'first', 'keyword', 'meaning', 'filtered', 'mixed'];
  const inKind = (kind: Relevance['kind'], of: QueryKind) =>
    kind === 'all' || (kind === 'first' ? of !== 'mixed' : of === kind);
  const summary = kinds.flatMap((kind) =>
    SEARCH_MODES.map((mode) => {
      const these = scores.filter((s) => s.mode === mode && inKind(kind, s.kind));
      return {
        mode,
        kind,
        queries: these.length,
        recallAt10: mean(these.map((s) => s.recall)),
        mrr: mean(these.map((s) => s.rr)),
      };
    }),
  );
  return { summary, perQuery };
}
