import type { SearchFilters, SearchSort } from '../../../shared/api/search-schemas';
import { SEARCH_SOURCES } from '../../../shared/api/search-schemas';
import type { SqliteConnection } from '../store/sqlite-driver';
import { allowedSessions, dayOf, needsSession } from './search-filters';

/**
 * What keyword search needs to filter and order every match, kept in memory by passage rowid:
 * its session (or, for a plan, its client and day), source and place. Joining search_documents
 * and sessions in SQL for every match of a common word cost ~28 µs a match under SQLCipher
 * (400 ms for "sleep" in 8 M words); here it is an array read. Rowids are never reused
 * (AUTOINCREMENT), so a remembered rowid never describes another passage. The session's own
 * facts (client, day, kind, template, risk) are still read fresh at each query.
 */

const UNKNOWN = 0;
const NONE = -1;

/** Sessions and clients as small integers. */
class Interner {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string | null): number {
    if (name === null) return NONE;
    let found = this.index.get(name);
    if (found === undefined) {
      found = this.names.length;
      this.names.push(name);
      this.index.set(name, found);
    }
    return found;
  }
  find(name: string): number | undefined {
    return this.index.get(name);
  }
}

interface FacetRow {
  id: number;
  source: string;
  sessionId: string | null;
  clientId: string | null;
  day: string | null;
  startMs: number | null;
  position: number;
}

/** A match of the FTS query: its rowid and bm25 (lower is better). */
export type Match = [rowid: number, rank: number];

export class PassageFacets {
  private source = new Uint8Array(0);
  private session = new Int32Array(0);
  private client = new Int32Array(0);
  private day = new Int32Array(0);
  private start = new Int32Array(0);
  private position = new Int32Array(0);
  private readonly names = new Interner();

  /** Reads the facts of the rowids never seen before, in one query. */
  load(connection: SqliteConnection, rowids: readonly number[]): void {
    const missing = rowids.filter((id) => (this.source[id] ?? UNKNOWN) === UNKNOWN);
    if (missing.length === 0) return;
    this.reserve(missing.reduce((max, id) => Math.max(max, id), 0) + 1);
    const rows = connection
      .prepare(
        `SELECT id, source, session_id AS sessionId, client_id AS clientId, day,
                start_ms AS startMs, position
           FROM search_documents WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(missing)) as FacetRow[];
    for (const row of rows) {
      this.source[row.id] = SEARCH_SOURCES.indexOf(row.source as never) + 1;
      this.session[row.id] = this.names.of(row.sessionId);
      this.client[row.id] = this.names.of(row.clientId);
      this.day[row.id] = row.day ? dayNumber(row.day) : NONE;
      this.start[row.id] = row.startMs ?? 0;
      this.position[row.id] = row.position;
    }
  }

  /** The matches the filters allow, in the order asked for. */
  filterAndSort(
    connection: SqliteConnection,
    matches: Match[],
    filters: SearchFilters | undefined,
    sort: SearchSort,
  ): Match[] {
    this.load(
      connection,
      matches.map(([rowid]) => rowid),
    );
    const accept = this.acceptor(connection, filters);
    const kept = matches.filter(([rowid]) => accept(rowid));
    if (sort === 'relevance') return kept.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const days = sessionDays(connection, this.names);
    const dayOfRow = (rowid: number) => {
      const session = this.session[rowid] ?? NONE;
      return session === NONE ? (this.day[rowid] ?? 0) : (days.get(session) ?? 0);
    };
    const sign = sort === 'oldest' ? 1 : -1;
    return kept.sort(
      ([a], [b]) =>
        sign * (dayOfRow(a) - dayOfRow(b)) ||
        sign * ((this.start[a] ?? 0) - (this.start[b] ?? 0)) ||
        sign * ((this.position[a] ?? 0) - (this.position[b] ?? 0)) ||
        a - b,
    );
  }

  /** The same rules as filterSql, in memory: sessions by the fresh session filter. */
  private acceptor(connection: SqliteConnection, filters: SearchFilters = {}) {
    const allowed = allowedSessions(connection, filters);
    const sessions = allowed
      ? new Set([...allowed].map((id) => this.names.find(id)).filter((i) => i !== undefined))
      : null;
    const sources = filters.sources?.length
      ? new Set(filters.sources.map((s) => SEARCH_SOURCES.indexOf(s) + 1))
      : null;
    const sessionless = !needsSession(filters);
    const client = filters.clientId ? (this.names.find(filters.clientId) ?? -2) : null;
    const from = filters.from === undefined ? null : dayNumber(dayOf(filters.from));
    const to = filters.to === undefined ? null : dayNumber(dayOf(filters.to));
    return (rowid: number): boolean => {
      if (sources && !sources.has(this.source[rowid] ?? UNKNOWN)) return false;
      const session = this.session[rowid] ?? NONE;
      if (session !== NONE) return !sessions || sessions.has(session);
      if (!sessionless) return false;
      const day = this.day[rowid] ?? NONE;
      if (client !== null && this.client[rowid] !== client) return false;
      return (from === null || day >= from) && (to === null || day <= to);
    };
  }

  private reserve(size: number): void {
    if (size <= this.source.length) return;
    const capacity = Math.max(size, Math.ceil(this.source.length * 1.5), 1024);
    const grow = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.source = grow(this.source, (n) => new Uint8Array(n));
    this.session = grow(this.session, (n) => new Int32Array(n));
    this.client = grow(this.client, (n) => new Int32Array(n));
    this.day = grow(this.day, (n) => new Int32Array(n));
    this.start = grow(this.start, (n) => new Int32Array(n));
    this.position = grow(this.position, (n) => new Int32Array(n));
  }
}

const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** Every known session's day, read now (a session's day can change). */
function sessionDays(connection: SqliteConnection, names: Interner): Map<number, number> {
  const rows = connection.prepare('SELECT id, date FROM sessions').all() as {
    id: string;
    date: string;
  }[];
  const days = new Map<number, number>();
  for (const row of rows) {
    const index = names.find(row.id);
    if (index !== undefined) days.set(index, dayNumber(row.date));
  }
  return days;
}
