import type { SearchFilters, SearchSort } from '../../../shared/api/search-schemas';
import type { SqliteConnection } from '../store/sqlite-driver';
import { HIT_COLUMNS, HIT_JOINS, type HitRow } from './hit-rows';
import type { Match, PassageFacets } from './passage-facets';
import { hasFilters } from './search-filters';
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

export interface KeywordOptions {
  filters?: SearchFilters;
  sort: SearchSort;
  limit: number;
  offset: number;
}

/**
 * Full-text search with FTS5 and bm25 ranking. `match` comes from parseQuery, so it is a
 * well-formed expression of quoted terms; it is still bound, never spliced into the SQL.
 * In two steps: which passages (rowids and ranks only, filtered and ordered in memory by
 * PassageFacets when there are filters or a date order), then the page's rows with their
 * snippets: snippet() and the joins cost per row, so they run for the page alone.
 */
export function keywordSearch(
  connection: SqliteConnection,
  facets: PassageFacets,
  match: string,
  options: KeywordOptions,
): KeywordPage {
  const { limit, offset } = options;
  let page: Match[];
  let total: number;
  if (!hasFilters(options.filters) && options.sort === 'relevance') {
    // FTS5 ranks and cuts by itself; counting its matches alone is cheap.
    page = connection
      .prepare(
        `SELECT rowid, bm25(search_fts) AS rank FROM search_fts WHERE search_fts MATCH ?
          ORDER BY rank LIMIT ? OFFSET ?`,
      )
      .raw()
      .all(match, limit, offset) as Match[];
    total =
      offset === 0 && page.length < limit
        ? page.length
        : (
            connection
              .prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?')
              .get(match) as { n: number }
          ).n;
  } else {
    const all = connection
      .prepare('SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ?')
      .raw()
      .all(match) as Match[];
    const kept = facets.filterAndSort(connection, all, options.filters, options.sort);
    total = kept.length;
    page = kept.slice(offset, offset + limit);
  }
  const row = connection.prepare(
    `SELECT ${HIT_COLUMNS},
            snippet(search_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_TOKENS}) AS marked
       FROM search_fts CROSS JOIN search_documents d ON d.id = search_fts.rowid ${HIT_JOINS}
      WHERE search_fts MATCH ? AND search_fts.rowid BETWEEN ? AND ?`,
  );
  const rows = page.flatMap(([rowid, rank]) => {
    // A range, not `rowid = ?`: with MATCH, SQLite 3.53's FTS5 ignores an equal rowid and
    // returns every match (a range of one is honoured, and still a direct lookup).
    const found = row.get(match, rowid, rowid) as Omit<KeywordRow, 'rank'> | undefined;
    return found ? [{ ...found, rank }] : [];
  });
  return { rows, total };
}
