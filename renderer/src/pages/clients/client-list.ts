import type { ClientSummary } from '../../../../shared/api/schemas';

export type ClientSortKey = 'name' | 'sessions' | 'lastSession' | 'risk';
export interface ClientSort {
  key: ClientSortKey;
  descending: boolean;
}

/** Sorting a column the first time: names A→Z, numbers and dates biggest/newest first. */
export function firstDirection(key: ClientSortKey): boolean {
  return key !== 'name';
}

const byName = (a: ClientSummary, b: ClientSummary) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

const compare: Record<ClientSortKey, (a: ClientSummary, b: ClientSummary) => number> = {
  name: byName,
  sessions: (a, b) => a.sessionCount - b.sessionCount,
  // No session yet sorts as the oldest.
  lastSession: (a, b) => (a.lastSessionDate ?? '').localeCompare(b.lastSessionDate ?? ''),
  risk: (a, b) => a.openRiskFlags - b.openRiskFlags,
};

/** Clients whose name contains `query` (any case), sorted; ties stay alphabetical. */
export function visibleClients(
  clients: readonly ClientSummary[],
  query: string,
  sort: ClientSort,
): ClientSummary[] {
  const needle = query.trim().toLocaleLowerCase();
  const order = compare[sort.key];
  return clients
    .filter((c) => needle === '' || c.name.toLocaleLowerCase().includes(needle))
    .sort((a, b) => (sort.descending ? -order(a, b) : order(a, b)) || byName(a, b));
}
