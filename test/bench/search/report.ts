/**
 * What `npm run bench -- search` prints: each figure beside its acceptance target, the three
 * modes side by side, and the ratios between them.
 */
import type { SearchMode } from '../../../shared/api/search-schemas';
import type { LibraryMeta } from './library-cache';
import type { Incremental } from './index-library';
import type { Latency, Relevance, SemanticState } from './measure-search';

export const TARGETS = { keywordMs: 50, hybridMs: 300, incrementalMs: 5000 };

const ms = (value: number) => Math.round(value * 10) / 10;
const two = (value: number) => Math.round(value * 1000) / 1000;
const mb = (bytes: number) => `${Math.round(bytes / 1e5) / 10} MB`;

function verdict(value: number, target: number): string {
  return value < target ? 'met' : `MISSED by ${ms(value - target)} ms`;
}

export function printLibrary(
  meta: LibraryMeta,
  reused: { library: boolean; index: boolean; caughtUp: number; caughtUpMs: number },
  sameEngine: boolean,
): void {
  console.log(
    `Library: ${meta.sessions} sessions, ${meta.clients} clients, ${meta.words.toLocaleString('en')} words, ` +
      `${meta.segments.toLocaleString('en')} segments (generated, fictional).`,
  );
  console.table([
    {
      step: 'generate and write the library',
      seconds: ms(meta.generateMs / 1000),
      'this run': reused.library ? 'cached' : 'built',
    },
    {
      step: 'full index: text (FTS5)',
      seconds: meta.index ? ms(meta.index.textMs / 1000) : 'n/a',
      'this run': reused.index ? 'cached' : 'built',
    },
    {
      step: 'full index: vectors (embedding)',
      seconds: meta.index ? ms(meta.index.vectorMs / 1000) : 'n/a',
      'this run': reused.index ? 'cached' : 'built',
    },
  ]);
  if (meta.index?.resumed)
    console.log(
      'The index build was resumed from an earlier, interrupted run: its times cover only the rest.',
    );
  if (reused.index && reused.caughtUp > 0)
    console.log(
      `The cached index had ${reused.caughtUp} things queued (a newer engine re-queued them): caught up in ${ms(reused.caughtUpMs / 1000)} s.`,
    );
  if (!sameEngine)
    console.log(
      'The index was built by an earlier version of the search engine (see meta.json); `--reindex` builds it again with this one.',
    );
}

export function printLatency(latency: Latency[], semantic: SemanticState): void {
  const of = (mode: SearchMode) => latency.find((l) => l.mode === mode);
  const target = (mode: SearchMode) =>
    mode === 'keyword' ? TARGETS.keywordMs : mode === 'hybrid' ? TARGETS.hybridMs : null;
  console.log(
    `First page (${latency[0]?.samples ?? 0} queries per mode: the query set × 3 passes, warm, after one warm-up), API wall time:`,
  );
  console.table(
    latency.map((l) => {
      const goal = target(l.mode);
      return {
        mode: l.mode,
        'p50 ms': ms(l.p50),
        'p95 ms': ms(l.p95),
        'engine p50 ms': ms(l.engineP50),
        target: goal === null ? '—' : `p95 < ${goal} ms`,
        verdict: goal === null ? '—' : verdict(l.p95, goal),
      };
    }),
  );
  const keyword = of('keyword');
  const hybrid = of('hybrid');
  if (keyword && hybrid)
    console.log(
      `hybrid / keyword latency: p50 ${ms(hybrid.p50 / keyword.p50)}×, p95 ${ms(hybrid.p95 / keyword.p95)}×`,
    );
  if (!semantic.available)
    console.log(`Semantic search was NOT available: ${semantic.reason ?? 'no reason given'}.`);
}

export function printRelevance(summary: Relevance[], queries: number): void {
  console.log(
    `Relevance on OUR generated library with OUR ${queries} labelled queries (sessions de-duplicated; ` +
      'recall@10 capped: relevant among the first 10 sessions / min(10, relevant)). It compares ' +
      'the modes on this set; it is not accuracy on real clinical records.',
  );
  console.table(
    summary.map((r) => ({
      queries: `${r.kind} (${r.queries})`,
      mode: r.mode,
      'recall@10': two(r.recallAt10),
      MRR: two(r.mrr),
    })),
  );
  for (const kind of ['all', 'first'] as const) {
    const of = (mode: SearchMode) => summary.find((r) => r.kind === kind && r.mode === mode);
    const hybrid = of('hybrid');
    const keyword = of('keyword');
    const semantic = of('semantic');
    if (!hybrid || !keyword || !semantic || hybrid.queries === 0) continue;
    const beats = hybrid.recallAt10 > keyword.recallAt10 && hybrid.recallAt10 > semantic.recallAt10;
    console.log(
      `${kind === 'all' ? 'All queries' : 'Queries written first (all but mixed)'}: hybrid recall@10 / keyword ` +
        `${two(hybrid.recallAt10 / keyword.recallAt10)}×, / semantic ${two(hybrid.recallAt10 / semantic.recallAt10)}× ` +
        `— target: hybrid > both: ${beats ? 'met' : 'MISSED'}`,
    );
  }
}

export function printIncremental(incremental: Incremental): void {
  const yes = (value: boolean) => (value ? 'yes' : 'NO');
  console.log(
    `Incremental: one new session (${incremental.words.toLocaleString('en')} words, ${incremental.segments} segments) ` +
      `written as the pipeline does in ${ms(incremental.writeMs)} ms; after its last commit, found by words in ` +
      `${ms(incremental.textMs)} ms and fully indexed (vectors too) in ${ms(incremental.indexMs)} ms ` +
      `(target < ${TARGETS.incrementalMs} ms: ${verdict(incremental.indexMs, TARGETS.incrementalMs)}). ` +
      `Found by keyword: ${yes(incremental.foundByKeyword)}, by meaning: ${yes(incremental.foundBySemantic)}; ` +
      `no hit left once deleted: ${yes(incremental.goneAfterDelete)}.`,
  );
}

export function printSize(
  status: { documents: number; vectors: number; sizeBytes: number },
  sessions: number,
  databaseBytes: number,
): void {
  console.log(
    `Index: ${status.documents.toLocaleString('en')} documents, ${status.vectors.toLocaleString('en')} vectors, ` +
      `${mb(status.sizeBytes)} (${Math.round(status.sizeBytes / sessions / 1000)} kB a session); ` +
      `whole library database ${mb(databaseBytes)}.`,
  );
}
