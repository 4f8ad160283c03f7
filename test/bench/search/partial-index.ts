/**
 * When the bench measures while an index is still being built (--queries-only beside a build),
 * relevance is only fair over the sessions already indexed whole: the drain works through the
 * queue in the order the library was written, which is calendar order, so those are the sessions
 * before the first one still queued.
 */
import type { SqliteConnection } from '../../../electron/core/store/sqlite-driver';
import type { LibraryPlan } from './library-plan';

const DAY_MS = 86_400_000;

/** The last day whose sessions are all indexed (text and vectors); null when nothing is queued. */
export function indexedThrough(connection: SqliteConnection): string | null {
  const row = connection
    .prepare(
      `SELECT min(s.date) AS day FROM search_dirty d
         JOIN sessions s ON s.id = substr(d.owner, 3)
        WHERE d.owner LIKE 't:%' OR d.owner LIKE 'n:%'`,
    )
    .get() as { day: string | null };
  if (!row.day) return null;
  return new Date(Date.parse(`${row.day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/** The library as far as it is indexed: the sessions on or before `day`. */
export function planThrough(plan: LibraryPlan, day: string): LibraryPlan {
  return { ...plan, sessions: plan.sessions.filter((s) => s.date <= day) };
}
