/**
 * The indexing side of the bench, on the library opened directly (openDatabase, which installs
 * the search triggers, and a SearchService): the full build as `cairn search reindex` does it,
 * with its text and vector phases timed apart, and a new session's catch-up. Queries are measured
 * afterwards through the API (search-adapter.ts), on the same file.
 */
import { eq } from 'drizzle-orm';
import { dataLayout } from '../../../electron/core/config/data-dir';
import { libraryKeyFor } from '../../../electron/core/security/library-key-for';
import { envKeyStore } from '../../../electron/core/security/node-key-stores';
import { SearchService } from '../../../electron/core/search/search-service';
import {
  currentRebuild,
  finishRebuild,
  startRebuild,
} from '../../../electron/core/search/search-rebuild';
import { openDatabase, type Database } from '../../../electron/core/store/open-database';
import { sessions } from '../../../electron/core/store/schema';
import { SearchInput, type SearchMode } from '../../../shared/api/search-schemas';
import { extraSession, type LibraryPlan } from './library-plan';
import { writePipelineSession } from './write-library';

export interface OpenLibrary {
  database: Database;
  search: SearchService;
  close(): Promise<void>;
}

/** Opens (or makes) the library with its cached key, as startCore would but without the app. */
export async function openLibrary(dataDir: string, keyHex: string): Promise<OpenLibrary> {
  const key = await libraryKeyFor(dataDir, [envKeyStore({ CAIRN_DB_KEY: keyHex })]);
  const database = openDatabase({ file: dataLayout(dataDir).database, key });
  const search = new SearchService({ connection: database.connection });
  return {
    database,
    search,
    close: async () => {
      await search.close();
      database.close();
    },
  };
}

export interface IndexBuild {
  /** Reading every passage into FTS5, ms. */
  textMs: number;
  /** Embedding every passage group, ms. */
  vectorMs: number;
  /** A build an earlier run left unfinished was carried on: the times cover only the rest. */
  resumed: boolean;
}

/** A whole rebuild, as search.reindex runs it (queue everything, drain), in its two phases. */
export async function buildIndex(library: OpenLibrary): Promise<IndexBuild> {
  const { connection } = library.database;
  const resumed = currentRebuild(connection) !== null;
  const rebuild = startRebuild(connection);
  const started = performance.now();
  await library.search.drain({ textOnly: true });
  const text = performance.now();
  await library.search.drain({ embeddedBefore: rebuild.startedAt });
  const done = performance.now();
  if (!finishRebuild(connection, rebuild, library.search.semanticAvailable))
    throw new Error('the rebuild did not finish: something is still queued');
  return { textMs: text - started, vectorMs: done - text, resumed };
}

export interface Incremental {
  words: number;
  segments: number;
  /** Writing the session as the pipeline does (its stage commits). */
  writeMs: number;
  /** From the last commit until its text is indexed (found by words). */
  textMs: number;
  /** … and until its vectors are made too (nothing pending). */
  indexMs: number;
  foundByKeyword: boolean;
  foundBySemantic: boolean;
  /** After deleting it again (so the cached library stays as it was), no hit is left. */
  goneAfterDelete: boolean;
}

/**
 * A new 60-minute session added as the pipeline would, timed until the index has caught up, then
 * deleted again so the cached library is the same for the next run.
 */
export async function incrementalSession(
  library: OpenLibrary,
  plan: LibraryPlan,
): Promise<Incremental> {
  const { db } = library.database;
  const { search } = library;
  const extra = extraSession(plan);
  db.delete(sessions).where(eq(sessions.id, extra.id)).run(); // left by a run that died midway
  await search.drain();
  const started = performance.now();
  const written = writePipelineSession(db, plan, extra);
  const committed = performance.now();
  await search.drain({ textOnly: true });
  const text = performance.now();
  await search.drain();
  const indexed = performance.now();
  const day = Date.parse(`${extra.date}T00:00:00Z`);
  const filters = { clientId: extra.clientId, from: day, to: day };
  const finds = async (query: string, mode: SearchMode) =>
    (await search.query(SearchInput.parse({ query, mode, filters }))).hits.some(
      (h) => h.sessionId === extra.id,
    );
  const foundByKeyword = await finds('panic', 'keyword');
  const foundBySemantic = await finds('trouble sleeping', 'semantic');
  db.delete(sessions).where(eq(sessions.id, extra.id)).run();
  await search.drain();
  const goneAfterDelete = !(await finds('panic', 'keyword'));
  return {
    words: written.words,
    segments: written.segments,
    writeMs: committed - started,
    textMs: text - committed,
    indexMs: indexed - committed,
    foundByKeyword,
    foundBySemantic,
    goneAfterDelete,
  };
}
