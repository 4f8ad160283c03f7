import type { SearchFilters, SearchSource } from '../../../shared/api/search-schemas';

/**
 * Filters as SQL over `search_documents d LEFT JOIN sessions s`. Everything about a session
 * (client, day, kind, template, risk) is joined at query time rather than copied into the index,
 * so a session moved to another client, a template switched or a risk flag raised a moment ago
 * filters correctly without re-indexing. Passages without a session (a plan) carry their own
 * client and day.
 */
export interface FilterSql {
  where: string;
  params: (string | number)[];
}

/** A filter given as undefined (the CLI's unset flags) is no filter. */
export const hasFilters = (filters: SearchFilters = {}) =>
  Object.values(filters as Record<string, unknown>).some((value) => value !== undefined);

/** Epoch ms to the YYYY-MM-DD a session's day is stored as (days are calendar days, UTC). */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const msOfDay = (day: string | null) => (day ? Date.parse(`${day}T00:00:00Z`) : null);

export function filterSql(filters: SearchFilters = {}): FilterSql {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filters.clientId) {
    where.push('coalesce(s.client_id, d.client_id) = ?');
    params.push(filters.clientId);
  }
  if (filters.from !== undefined) {
    where.push('coalesce(s.date, d.day) >= ?');
    params.push(dayOf(filters.from));
  }
  if (filters.to !== undefined) {
    where.push('coalesce(s.date, d.day) <= ?');
    params.push(dayOf(filters.to));
  }
  if (filters.sources?.length) {
    where.push(`d.source IN (${filters.sources.map(() => '?').join(', ')})`);
    params.push(...filters.sources);
  }
  if (filters.sessionKinds?.length) {
    where.push(`s.kind IN (${filters.sessionKinds.map(() => '?').join(', ')})`);
    params.push(...filters.sessionKinds);
  }
  if (filters.templateId) {
    where.push(
      'EXISTS (SELECT 1 FROM notes n WHERE n.session_id = d.session_id AND n.template = ?)',
    );
    params.push(filters.templateId);
  }
  if (filters.hasRisk !== undefined) {
    where.push(`${filters.hasRisk ? '' : 'NOT '}${HAS_RISK}`);
  }
  return { where: where.length ? where.join(' AND ') : '1', params };
}

/** Whether the passage's session has a risk flag (a plan, with no session, has none). */
export const HAS_RISK = 'EXISTS (SELECT 1 FROM risk_flags r WHERE r.session_id = d.session_id)';

/** The filters that a passage without a session can never meet. */
export function needsSession(filters: SearchFilters = {}): boolean {
  const kinds = (filters.sessionKinds?.length ?? 0) > 0;
  return kinds || filters.templateId !== undefined || filters.hasRisk === true;
}

export function sourceAllowed(filters: SearchFilters = {}, source: SearchSource): boolean {
  return !filters.sources?.length || filters.sources.includes(source);
}

/**
 * The sessions the filters allow, for meaning search's pre-filter (its vectors know only their
 * session); null when no session-level filter is set. The passages it finds are then checked
 * against filterSql again, so both searches answer to exactly the same filters.
 */
export function allowedSessions(
  connection: { prepare(sql: string): { all(...params: unknown[]): unknown[] } },
  filters: SearchFilters = {},
): Set<string> | null {
  const { clientId, from, to, sessionKinds, templateId, hasRisk } = filters;
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (clientId) add('s.client_id = ?', clientId);
  if (from !== undefined) add('s.date >= ?', dayOf(from));
  if (to !== undefined) add('s.date <= ?', dayOf(to));
  if (sessionKinds?.length)
    add(`s.kind IN (${sessionKinds.map(() => '?').join(', ')})`, ...sessionKinds);
  if (templateId)
    add('EXISTS (SELECT 1 FROM notes n WHERE n.session_id = s.id AND n.template = ?)', templateId);
  if (hasRisk !== undefined)
    add(`${hasRisk ? '' : 'NOT '}EXISTS (SELECT 1 FROM risk_flags r WHERE r.session_id = s.id)`);
  if (where.length === 0) return null;
  const rows = connection
    .prepare(`SELECT s.id AS id FROM sessions s WHERE ${where.join(' AND ')}`)
    .all(...params) as { id: string }[];
  return new Set(rows.map((row) => row.id));
}
