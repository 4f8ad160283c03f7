import type { SearchFilters, SearchSource } from '../../../shared/api/search-schemas';
import type { SqliteConnection } from '../store/sqlite-driver';
import { HIT_COLUMNS, HIT_JOINS, type HitRow } from './hit-rows';
import {
  allowedSessions,
  filterSql,
  hasFilters,
  needsSession,
  sourceAllowed,
} from './search-filters';
import type { VectorIndex, VectorMatch } from './vector-index';

/**
 * bge-small's authors give short queries this instruction when they are matched against
 * passages (asymmetric retrieval); the passages themselves are embedded as they are.
 */
export const QUERY_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

/**
 * Cosine below which a passage is not counted as found by meaning. bge-small places unrelated
 * English text around 0.3–0.5 from a query; at 0.55 what is left shares the query's topic.
 */
export const SEMANTIC_FLOOR = 0.55;

const SOURCE_OF_OWNER: Record<string, SearchSource> = {
  t: 'transcript',
  n: 'note',
  p: 'plan',
  b: 'brief',
};

/** The nearest groups to the query among those the filters allow. */
export async function nearestGroups(
  connection: SqliteConnection,
  index: VectorIndex,
  query: Float32Array,
  filters: SearchFilters | undefined,
  top: number,
): Promise<VectorMatch[]> {
  index.ensureFresh(connection);
  const sessions = allowedSessions(connection, filters);
  const sessionless = !needsSession(filters);
  const allow = (slot: { owner: string; sessionId: string | null }) => {
    const source = SOURCE_OF_OWNER[slot.owner.slice(0, 1)];
    if (!source || !sourceAllowed(filters, source)) return false;
    if (slot.sessionId) return !sessions || sessions.has(slot.sessionId);
    return sessionless && (!filters?.clientId || slot.owner === `p:${filters.clientId}`);
  };
  return index.scan(query, hasFilters(filters) ? allow : null, top, SEMANTIC_FLOOR);
}

export interface GroupPassage {
  /** The group's first passage: where a hit found by meaning opens. */
  first: HitRow;
  /** The group's whole text, for its snippet. */
  text: string;
}

/** Each group's passages, read through the same joins and filters as keyword search. */
export function groupPassages(
  connection: SqliteConnection,
  groupKeys: readonly string[],
  filters: SearchFilters | undefined,
): Map<string, GroupPassage> {
  const found = new Map<string, GroupPassage>();
  if (groupKeys.length === 0) return found;
  const filter = filterSql(filters);
  const rows = connection
    .prepare(
      `SELECT ${HIT_COLUMNS} FROM search_documents d ${HIT_JOINS}
        WHERE d.group_key IN (SELECT value FROM json_each(?)) AND ${filter.where}
        ORDER BY d.position`,
    )
    .all(JSON.stringify(groupKeys), ...filter.params) as HitRow[];
  for (const row of rows) {
    const group = found.get(row.groupKey);
    if (group) group.text += ` ${row.text}`;
    else found.set(row.groupKey, { first: row, text: row.text });
  }
  return found;
}
