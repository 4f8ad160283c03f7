import type { SearchFilters, SearchSort } from '../../../shared/api/search-schemas';
import type { SqliteConnection } from '../store/sqlite-driver';
import { HIT_COLUMNS, HIT_JOINS, type HitRow } from './hit-rows';
import { filterSql } from './search-filters';
import { MARK_CLOSE, MARK_OPEN, SNIPPET_TOKENS } from './snippet';

export interface KeywordRow extends HitRow {
  /** The passage around the matches, matches between MARK_OPEN and MARK_CLOSE. */
  marked: string;
  /** bm25: lower is better. */
  rank: number;
}

export interface KeywordPage {
  rows: KeywordRow[];
  total: number;
}

const ORDER: Record<SearchSort, string> = {
  relevance: 'rank, d.id',
  oldest: 'day ASC, d.start_ms ASC, d.position ASC, d.id',
  newest: 'day DESC, d.start_ms DESC, d.position DESC, d.id',
};

/**
 * Full-text search with FTS5 and bm25 ranking over the passages the filters allow. `match` comes
 * from parseQuery, so it is a well-formed expression of quoted terms; it is still bound, never
 * spliced into the SQL.
 */
export function keywordSearch(
  connection: SqliteConnection,
  match: string,
  options: { filters?: SearchFilters; sort: SearchSort; limit: number; offset: number },
): KeywordPage {
  const filter = filterSql(options.filters);
  const from = `search_fts JOIN search_documents d ON d.id = search_fts.rowid ${HIT_JOINS}`;
  const where = `search_fts MATCH ? AND ${filter.where}`;
  const rows = connection
    .prepare(
      `SELECT ${HIT_COLUMNS},
              snippet(search_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_TOKENS}) AS marked,
              bm25(search_fts) AS rank
         FROM ${from} WHERE ${where}
        ORDER BY ${ORDER[options.sort]} LIMIT ? OFFSET ?`,
    )
    .all(match, ...filter.params, options.limit, options.offset) as KeywordRow[];
  const total =
    options.offset === 0 && rows.length < options.limit
      ? rows.length
      : (
          connection
            .prepare(`SELECT count(*) AS n FROM ${from} WHERE ${where}`)
            .get(match, ...filter.params) as { n: number }
        ).n;
  return { rows, total };
}
