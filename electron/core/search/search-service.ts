import type { z } from 'zod';
import type {
  SearchHit,
  SearchInput,
  SearchResult,
  SearchStatus,
} from '../../../shared/api/search-schemas';
import { findEncoderFiles, type EncoderFiles } from '../notes/risk/semantic/encoder-files';
import { CancelledError } from '../errors';
import type { SqliteConnection } from '../store/sqlite-driver';
import { EncoderClient } from './encoder-client';
import { reciprocalRankFusion, RRF_K } from './fusion';
import { toHit } from './hit-rows';
import { drainText, drainVectors, pendingCounts, type VectorDrainOptions } from './indexer';
import { keywordSearch, type KeywordRow } from './keyword-search';
import { PassageFacets } from './passage-facets';
import { parseQuery } from './query-parser';
import { currentRebuild, finishRebuild, startRebuild, type Rebuild } from './search-rebuild';
import { groupPassages, nearestGroups, QUERY_INSTRUCTION } from './semantic-search';
import { plainSnippet, snippetParts } from './snippet';
import { VectorIndex, type VectorMatch } from './vector-index';

/** A query as the contract parsed it (defaults applied). */
export type SearchQuery = z.output<typeof SearchInput>;

/** Owners re-read between yields to the event loop (a 60-minute session is ~70 ms of work). */
const TEXT_BATCH = 1;

/** After a background drain fails, the next waits this long (the queue keeps the work). */
const FAILURE_PAUSE_MS = 60_000;

/** How many of each list fusion looks at (at least): RRF only needs the heads of both. */
const CANDIDATES = 100;

export const ENCODER_NAME = 'bge-small-en-v1.5 (int8)';

const NO_ENCODER =
  'Search by meaning needs the sentence encoder, which is not installed; these results match words only.';

export interface SearchServiceOptions {
  connection: SqliteConnection;
  /** Undefined: the bundled encoder (or CAIRN_SENTENCE_ENCODER_DIR); null: none (keyword only). */
  encoderFiles?: EncoderFiles | null;
  onError?: (error: unknown) => void;
}

/**
 * Search over the library: queries (keyword, semantic, hybrid), what the index holds, and the
 * drain that keeps it current. One per open library; `close` stops the drain and the encoder.
 */
export class SearchService {
  private readonly connection: SqliteConnection;
  private readonly encoder: EncoderClient | undefined;
  readonly vectors = new VectorIndex();
  private readonly facets = new PassageFacets();
  private draining: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Drains asked for and not yet settled. */
  private drains = 0;

  constructor(private readonly options: SearchServiceOptions) {
    this.connection = options.connection;
    const files = options.encoderFiles === undefined ? findEncoderFiles() : options.encoderFiles;
    this.encoder = files ? new EncoderClient(files) : undefined;
  }

  get semanticAvailable(): boolean {
    return this.encoder !== undefined;
  }

  async query(input: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const parsed = parseQuery(input.query);
    const wantsMeaning = input.mode !== 'keyword' && this.encoder !== undefined;
    // The query is embedded in the encoder's process while keyword search runs here.
    const embedding = wantsMeaning
      ? this.encoder
          .embed([QUERY_INSTRUCTION + (parsed.text || input.query)])
          .then(([vector]) => ({ vector }))
          .catch((error: unknown) => ({ error }))
      : undefined;
    // Keyword alone pages in SQL; for fusion each list gives its head, deep enough for the page.
    const alone = !wantsMeaning;
    const candidates = Math.max(CANDIDATES, input.offset + input.limit);
    const keywordPage = (page: boolean) =>
      parsed.match
        ? keywordSearch(this.connection, this.facets, parsed.match, {
            filters: input.filters,
            sort: page ? input.sort : 'relevance',
            limit: page ? input.limit : candidates,
            offset: page ? input.offset : 0,
          })
        : { rows: [], total: 0 };
    const keyword = input.mode !== 'semantic' || alone ? keywordPage(alone) : null;
    const meaning = await embedding;
    const semantic = meaningStatus(this.encoder !== undefined, meaning);
    const pending = this.pendingForStatus();
    const answer = (hits: SearchHit[], total: number, mode: SearchResult['mode']) => ({
      hits,
      total,
      mode,
      semantic,
      pending,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    });
    if (!meaning || !('vector' in meaning)) {
      // Keyword alone: asked for, or meaning is unavailable (said so in `semantic`): a page of
      // its own, also when the encoder failed after the keyword head was read for fusion.
      const page = alone ? keyword : keywordPage(true);
      return answer(keywordHits(page?.rows ?? [], input.offset), page?.total ?? 0, 'keyword');
    }
    const matches = await nearestGroups(
      this.connection,
      this.vectors,
      meaning.vector,
      input.filters,
      candidates,
    );
    const hits = this.fuse(keyword?.rows ?? [], matches, input);
    const semanticOnly = hits.filter((h) => !h.matchedBy.includes('keyword')).length;
    const page = sortHits(hits, input.sort).slice(input.offset, input.offset + input.limit);
    return answer(page, (keyword?.total ?? 0) + semanticOnly, input.mode);
  }

  /** Both lists fused per vector group (a transcript window, or the passage itself). */
  private fuse(rows: KeywordRow[], matches: VectorMatch[], input: SearchQuery): SearchHit[] {
    type Item = { kind: 'keyword'; row: KeywordRow } | { kind: 'semantic'; match: VectorMatch };
    const lists: Item[][] = [
      rows.map((row) => ({ kind: 'keyword', row })),
      matches.map((match) => ({ kind: 'semantic', match })),
    ];
    const fused = reciprocalRankFusion(lists, (item) =>
      item.kind === 'keyword' ? item.row.groupKey : item.match.groupKey,
    );
    const needed = fused.filter((f) => !f.items[0]).map((f) => f.key);
    const passages = groupPassages(this.connection, needed, input.filters);
    const hits: SearchHit[] = [];
    for (const entry of fused) {
      const matchedBy = entry.foundBy.map((which) => (which === 0 ? 'keyword' : 'semantic'));
      const keywordItem = entry.items[0];
      if (keywordItem?.kind === 'keyword') {
        const snippet = snippetParts(keywordItem.row.marked);
        hits.push(toHit(keywordItem.row, { snippet, score: entry.score, matchedBy }));
        continue;
      }
      // Found by meaning alone: opens at the group's first passage (filters re-checked there).
      const passage = passages.get(entry.key);
      if (!passage) continue;
      const snippet = plainSnippet(passage.text);
      hits.push(toHit(passage.first, { snippet, score: entry.score, matchedBy }));
    }
    return hits;
  }

  status(): SearchStatus {
    const count = (sql: string) => (this.connection.prepare(sql).get() as { n: number }).n;
    const lastRebuilt = this.connection
      .prepare("SELECT value FROM search_state WHERE key = 'last_rebuilt_at'")
      .get() as { value: string } | undefined;
    return {
      documents: count('SELECT count(*) AS n FROM search_documents'),
      vectors: count('SELECT count(*) AS n FROM search_vectors'),
      pending: this.pendingForStatus(),
      sizeBytes: this.sizeBytes(),
      encoder: {
        available: this.encoder !== undefined,
        name: this.encoder ? ENCODER_NAME : null,
      },
      lastRebuiltAt: lastRebuilt ? Number(lastRebuilt.value) : null,
      rebuildRunId: currentRebuild(this.connection)?.id ?? null,
    };
  }

  /** Without the encoder, missing vectors are not "pending": they cannot be made. */
  private pendingForStatus(): number {
    const pending = pendingCounts(this.connection);
    return pending.text + (this.encoder ? pending.vectors : 0);
  }

  /**
   * Bytes the index takes in the library: its tables, indexes and FTS shadow tables, from
   * SQLite's own page accounting (dbstat) where it is compiled in, else the row sizes.
   */
  private sizeBytes(): number {
    try {
      const row = this.connection
        .prepare(
          `SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat
            WHERE name LIKE 'search\\_%' ESCAPE '\\'
               OR tbl_name LIKE 'search\\_%' ESCAPE '\\'`,
        )
        .get() as { n: number };
      return row.n;
    } catch {
      const row = this.connection
        .prepare(
          `SELECT (SELECT coalesce(sum(length(text)), 0) * 2 FROM search_documents)
                + (SELECT coalesce(sum(length(vector)), 0) FROM search_vectors) AS n`,
        )
        .get() as { n: number };
      return row.n;
    }
  }

  /**
   * Indexes everything queued, text first then vectors; one drain at a time (a second call
   * waits for the first and then drains what is left).
   */
  drain(options: VectorDrainOptions & { textOnly?: boolean } = {}): Promise<void> {
    this.drains += 1;
    const next = this.draining.then(async () => {
      // A few owners at a time, yielding between: other calls are answered meanwhile.
      while (!this.closed && drainText(this.connection, this.vectors, TEXT_BATCH) > 0) {
        if (options.signal?.aborted) throw new CancelledError();
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (options.textOnly || !this.encoder) return;
      this.vectors.ensureFresh(this.connection);
      while (!this.closed) {
        const done = await drainVectors(this.connection, this.encoder, this.vectors, options);
        if (done === 0) return;
      }
    });
    this.draining = next.catch(() => undefined).finally(() => (this.drains -= 1));
    return next;
  }

  /**
   * Reads the text of what is queued now, before a query, so a change made a moment ago (an edit,
   * a new transcript) is found at once. Synchronous and outside the drain's queue, so it never
   * waits behind embedding; a backlog larger than `maxOwners` is left to the background drain.
   */
  catchUp(maxOwners = 20): void {
    if (this.closed || pendingCounts(this.connection).text > maxOwners) return;
    drainText(this.connection, this.vectors, maxOwners);
  }

  /**
   * Rebuilds the whole index (or joins the rebuild under way): resolves with it at once; `done`
   * settles when it is finished, or rejects if it was cancelled or failed (it then resumes at
   * the next start, or the next call).
   */
  rebuild(signal?: AbortSignal): { rebuild: Rebuild; done: Promise<boolean> } {
    const rebuild = startRebuild(this.connection);
    const done = this.drain({ signal, embeddedBefore: rebuild.startedAt }).then(() =>
      finishRebuild(this.connection, rebuild, this.encoder !== undefined),
    );
    return { rebuild, done };
  }

  get rebuildUnderWay(): Rebuild | null {
    return currentRebuild(this.connection);
  }

  /** Drains in the background every `intervalMs` (and at once, so a crash mid-index resumes). */
  start(intervalMs = 3000): void {
    if (this.timer) return;
    const resumed = currentRebuild(this.connection);
    if (resumed) {
      // A rebuild a crash or a quit interrupted carries on where it stopped.
      this.drain({ embeddedBefore: resumed.startedAt })
        .then(() => finishRebuild(this.connection, resumed, this.encoder !== undefined))
        .catch((error: unknown) => this.options.onError?.(error));
    }
    let pausedUntil = 0;
    const tick = () => {
      // One drain at a time, and a pause after a failure (a damaged model would fail each time).
      if (this.closed || this.drains > 0 || Date.now() < pausedUntil) return;
      const { text, vectors } = pendingCounts(this.connection);
      if (text + (this.encoder ? vectors : 0) === 0) return;
      this.drain().catch((error: unknown) => {
        pausedUntil = Date.now() + FAILURE_PAUSE_MS;
        this.options.onError?.(error);
      });
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the drain and the encoder; what was not indexed stays queued for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.encoder?.close();
    this.vectors.close();
    await this.draining;
  }
}

function meaningStatus(
  installed: boolean,
  meaning: { vector?: Float32Array } | { error: unknown } | undefined,
): SearchResult['semantic'] {
  if (!installed) return { available: false, reason: NO_ENCODER };
  if (meaning && 'error' in meaning) {
    const detail = meaning.error instanceof Error ? meaning.error.message : String(meaning.error);
    return { available: false, reason: detail };
  }
  return { available: true, reason: null };
}

function keywordHits(rows: KeywordRow[], offset: number): SearchHit[] {
  return rows.map((row, index) =>
    toHit(row, {
      snippet: snippetParts(row.marked),
      // bm25 is lower-is-better and unbounded: the hit's score is its rank's RRF share instead.
      score: 1 / (RRF_K + offset + index + 1),
      matchedBy: ['keyword'],
    }),
  );
}

/** Oldest / newest first ("when did she first mention sleep?"); ties keep relevance order. */
function sortHits(hits: SearchHit[], sort: SearchQuery['sort']): SearchHit[] {
  if (sort === 'relevance') return hits;
  const sign = sort === 'oldest' ? 1 : -1;
  return [...hits].sort(
    (a, b) =>
      sign * ((a.date ?? 0) - (b.date ?? 0)) || sign * ((a.startMs ?? 0) - (b.startMs ?? 0)),
  );
}
