/**
 * `npm run bench -- search [--sessions N] [--fresh]`: hybrid search on a generated library of
 * 1,000 fictional sessions (≈ 8 M words; `--sessions 50` while developing). Prints first-page
 * latency per mode (p50, p95), recall@10 and MRR of keyword, semantic and hybrid search on a
 * labelled query set, the time a new session takes to be indexed, the index's size and the
 * library's build times, each beside its target. The library and its index are cached in
 * ~/.cache/cairn/bench/ (see library-cache.ts); --fresh builds them again.
 */
import { startCore, type Core } from '../../../electron/core/app/core';
import { envKeyStore } from '../../../electron/core/security/node-key-stores';
import { GENERATOR_VERSION, planLibrary, type LibraryPlan } from './library-plan';
import {
  databaseBytes,
  engineFingerprint,
  openCache,
  saveMeta,
  type CachedLibrary,
  type LibraryMeta,
} from './library-cache';
import {
  answerable,
  firstPageLatency,
  incrementalSession,
  relevance,
  warmUp,
} from './measure-search';
import { QUERIES } from './queries';
import { printIncremental, printLatency, printLibrary, printRelevance, printSize } from './report';
import { contractAdapter, type SearchAdapter } from './search-adapter';
import { writeClients, writeSession } from './write-library';

const DEFAULT_SESSIONS = 1000;
/** A full index of 8 M words embeds for a quarter of an hour on two cores; allow well over. */
const INDEX_TIMEOUT_MS = 3 * 60 * 60 * 1000;

function option(name: string): string | undefined {
  const args = process.argv;
  const at = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return undefined;
  const arg = args[at] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (args[at + 1] ?? '');
}

function sessionCount(): number {
  const value = option('--sessions') ?? process.env.CAIRN_BENCH_SEARCH_SESSIONS;
  const count = value === undefined ? DEFAULT_SESSIONS : Number(value);
  if (!Number.isInteger(count) || count < 3)
    throw new Error(`--sessions wants a whole number ≥ 3, not "${value}"`);
  return count;
}

function generate(core: Core, plan: LibraryPlan): LibraryMeta {
  const started = performance.now();
  writeClients(core.database.db, plan);
  let segments = 0;
  let words = 0;
  for (const session of plan.sessions) {
    const written = writeSession(core.database.db, plan, session);
    segments += written.segments;
    words += written.words;
    if ((session.index + 1) % 100 === 0)
      console.log(`  wrote ${session.index + 1} / ${plan.sessions.length} sessions`);
  }
  return {
    generatorVersion: GENERATOR_VERSION,
    sessions: plan.sessions.length,
    clients: plan.clients.length,
    segments,
    words,
    generateMs: performance.now() - started,
    indexMs: null,
    indexFingerprint: null,
  };
}

/** The library written and indexed, from the cache when it can be. */
async function ensureLibrary(
  core: Core,
  search: SearchAdapter,
  library: CachedLibrary,
  plan: LibraryPlan,
) {
  const reused = { library: library.meta !== null, index: true };
  if (!library.meta) {
    console.log(`Writing a library of ${plan.sessions.length} sessions into ${library.dir} …`);
    saveMeta(library, generate(core, plan));
  }
  const meta = library.meta as LibraryMeta;
  const fingerprint = engineFingerprint();
  if (meta.indexFingerprint !== fingerprint) {
    reused.index = false;
    console.log('Building the full index (search.reindex) …');
    const started = performance.now();
    await search.reindex();
    await search.drained(INDEX_TIMEOUT_MS);
    saveMeta(library, {
      ...meta,
      indexMs: performance.now() - started,
      indexFingerprint: fingerprint,
    });
  } else await search.drained(INDEX_TIMEOUT_MS);
  return reused;
}

export async function searchBenchmark() {
  const sessions = sessionCount();
  const fresh = process.argv.includes('--fresh');
  const plan = planLibrary(sessions);
  const library = openCache(sessions, fresh);
  const core = await startCore({
    dataDir: library.dataDir,
    actor: 'bench',
    transport: 'in-process',
    keyStores: [envKeyStore({ CAIRN_DB_KEY: library.key.toString('hex') })],
    libraryPointer: null,
  });
  try {
    const search = contractAdapter(core);
    const reused = await ensureLibrary(core, search, library, plan);
    printLibrary(library.meta as LibraryMeta, reused);
    const queries = answerable(QUERIES, plan);
    const semantic = await warmUp(search, 'how was your week');
    const latency = await firstPageLatency(
      search,
      plan,
      queries.map((q) => q.query),
    );
    printLatency(latency, semantic);
    const relevant = await relevance(search, plan, queries);
    printRelevance(relevant.summary, queries.length);
    const incremental = await incrementalSession(core, search, plan);
    printIncremental(incremental);
    const status = await search.status();
    const dbBytes = databaseBytes(library.dataDir);
    printSize(status, sessions, dbBytes);
    return {
      library: library.meta,
      reused,
      semantic,
      latency,
      relevance: relevant.summary,
      perQuery: relevant.perQuery,
      labels: queries.map(({ query, relevant: ids }) => ({ ...query, relevant: [...ids] })),
      incremental,
      index: { ...status, perSessionBytes: status.sizeBytes / sessions, databaseBytes: dbBytes },
    };
  } finally {
    await core.shutdown();
  }
}
