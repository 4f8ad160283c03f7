/**
 * `npm run bench -- search [--sessions N] [--fresh] [--reindex] [--queries-only]`: hybrid search on a generated library of
 * 1,000 fictional sessions (≈ 8 M words; `--sessions 50` while developing). Prints first-page
 * latency per mode (p50, p95), recall@10 and MRR of keyword, semantic and hybrid search on a
 * labelled query set, the time a new session takes to be indexed, the index's size and the
 * library's build times, each beside its target. The library and its index are cached in
 * ~/.cache/cairn/bench/ (see library-cache.ts); --fresh builds both again, --reindex the index.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startCore } from '../../../electron/core/app/core';
import { envKeyStore } from '../../../electron/core/security/node-key-stores';
import type { Database } from '../../../electron/core/store/open-database';
import { buildIndex, incrementalSession, openLibrary } from './index-library';
import { GENERATOR_VERSION, planLibrary, type LibraryPlan } from './library-plan';
import {
  databaseBytes,
  engineFingerprint,
  openCache,
  saveMeta,
  type CachedLibrary,
  type LibraryMeta,
} from './library-cache';
import { answerable, firstPageLatency, relevance, warmUp } from './measure-search';
import { indexedThrough, planThrough } from './partial-index';
import { QUERIES } from './queries';
import { printIncremental, printLatency, printLibrary, printRelevance, printSize } from './report';
import { contractAdapter } from './search-adapter';
import { writeClients, writeSession } from './write-library';

const DEFAULT_SESSIONS = 1000;

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

function generate(database: Database, plan: LibraryPlan): LibraryMeta {
  const started = performance.now();
  writeClients(database.db, plan);
  let segments = 0;
  let words = 0;
  for (const session of plan.sessions) {
    const written = writeSession(database.db, plan, session);
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
    index: null,
    indexFingerprint: null,
  };
}

/**
 * The library written and indexed (from the cache when it can be), then a new session's
 * incremental indexing timed on it.
 */
async function prepare(cache: CachedLibrary, plan: LibraryPlan) {
  const library = await openLibrary(cache.dataDir, cache.key);
  try {
    const reused = { library: cache.meta !== null, index: true, caughtUp: 0, caughtUpMs: 0 };
    if (!cache.meta) {
      console.log(`Writing a library of ${plan.sessions.length} sessions into ${cache.dir} …`);
      saveMeta(cache, generate(library.database, plan));
    }
    const meta = cache.meta as LibraryMeta;
    const fingerprint = engineFingerprint();
    if (!meta.index || process.argv.includes('--reindex')) {
      reused.index = false;
      console.log('Building the full index (as search.reindex does) …');
      saveMeta(cache, { ...meta, index: await buildIndex(library), indexFingerprint: fingerprint });
    } else {
      // An engine changed since the build re-queues what it needs: caught up (and timed) here.
      reused.caughtUp = library.search.status().pending;
      const started = performance.now();
      await library.search.drain();
      reused.caughtUpMs = performance.now() - started;
    }
    const incremental = await incrementalSession(library, plan);
    return { reused, incremental, sameEngine: cache.meta?.indexFingerprint === fingerprint };
  } finally {
    await library.close();
  }
}

export async function searchBenchmark() {
  const sessions = sessionCount();
  const fresh = process.argv.includes('--fresh');
  const plan = planLibrary(sessions);
  const cache = openCache(sessions, fresh);
  // --queries-only: measure queries on the library as it stands (another process may still be
  // building its index); nothing is drained or written.
  const queriesOnly = process.argv.includes('--queries-only');
  if (queriesOnly && !cache.meta) throw new Error('--queries-only needs the library written first');
  const prepared = queriesOnly ? undefined : await prepare(cache, plan);
  if (prepared) {
    printLibrary(cache.meta as LibraryMeta, prepared.reused, prepared.sameEngine);
    printIncremental(prepared.incremental);
  }
  const core = await startCore({
    dataDir: cache.dataDir,
    actor: 'bench',
    transport: 'in-process',
    keyStores: [envKeyStore({ CAIRN_DB_KEY: cache.key })],
    libraryPointer: null,
  });
  try {
    const search = contractAdapter(core);
    const before = await search.status();
    // A partial index (a build still running): relevance over the sessions indexed whole.
    const through = before.pending > 0 ? indexedThrough(core.database.connection) : null;
    if (through)
      console.log(
        `PARTIAL INDEX: ${before.pending} things still to index (${before.vectors} vectors so far). ` +
          `Latency below is on what is indexed; relevance only over the sessions indexed whole, ` +
          `those up to ${through}.`,
      );
    const queries = answerable(QUERIES, through ? planThrough(plan, through) : plan);
    const labels = queries.map(({ query, relevant: ids }) => ({ ...query, relevant: [...ids] }));
    writeFileSync(path.join(cache.dir, 'labels.json'), JSON.stringify(labels, null, 2));
    const semantic = await warmUp(search, 'how was your week');
    const latency = await firstPageLatency(
      search,
      plan,
      queries.map((q) => q.query),
    );
    printLatency(latency, semantic);
    const relevant = await relevance(
      search,
      through ? planThrough(plan, through) : plan,
      queries,
      through ? Date.parse(`${through}T00:00:00Z`) : undefined,
    );
    printRelevance(relevant.summary, queries.length);
    const status = await search.status();
    const dbBytes = databaseBytes(cache.dataDir);
    printSize(status, sessions, dbBytes);
    return {
      library: cache.meta,
      reused: prepared?.reused ?? null,
      pendingAtStart: before.pending,
      indexedThrough: through,
      semantic,
      latency,
      relevance: relevant.summary,
      perQuery: relevant.perQuery,
      labels,
      incremental: prepared?.incremental ?? null,
      index: { ...status, perSessionBytes: status.sizeBytes / sessions, databaseBytes: dbBytes },
    };
  } finally {
    await core.shutdown();
  }
}
