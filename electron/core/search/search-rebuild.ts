import { randomUUID } from 'node:crypto';
import type { SqliteConnection } from '../store/sqlite-driver';
import { QUEUE_EVERYTHING } from './search-sql';

/**
 * A whole-index rebuild, kept in search_state so it survives a crash: every owner is queued again
 * (and every owner the index still holds, so leftovers are dropped), and every vector made before
 * the rebuild started is re-embedded even if its text is unchanged. The drain does the work; the
 * rebuild is finished when the queue is empty.
 */
export interface Rebuild {
  id: string;
  startedAt: number;
}

const KEY = 'rebuild';

export function currentRebuild(connection: SqliteConnection): Rebuild | null {
  const row = connection.prepare('SELECT value FROM search_state WHERE key = ?').get(KEY) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Rebuild) : null;
}

/** Starts a rebuild, or returns the one under way (asking twice does not start over). */
export function startRebuild(connection: SqliteConnection, now = Date.now()): Rebuild {
  return connection
    .transaction(() => {
      const running = currentRebuild(connection);
      if (running) return running;
      const rebuild = { id: randomUUID(), startedAt: now };
      connection.exec(QUEUE_EVERYTHING);
      connection.exec(`
        INSERT INTO search_dirty (owner, stage)
          SELECT DISTINCT owner, 'text' FROM search_documents WHERE true
        ON CONFLICT (owner) DO UPDATE SET stage = 'text', version = version + 1`);
      setState(connection, KEY, JSON.stringify(rebuild));
      return rebuild;
    })
    .immediate();
}

/**
 * Marks the rebuild done once nothing is left to index (vectors aside when there is no encoder
 * to make them); returns whether it was.
 */
export function finishRebuild(
  connection: SqliteConnection,
  rebuild: Rebuild,
  withVectors: boolean,
): boolean {
  const stages = withVectors ? "('text', 'vectors')" : "('text')";
  return connection
    .transaction(() => {
      const left = connection
        .prepare(`SELECT 1 FROM search_dirty WHERE stage IN ${stages} LIMIT 1`)
        .get();
      if (left || currentRebuild(connection)?.id !== rebuild.id) return false;
      connection.prepare('DELETE FROM search_state WHERE key = ?').run(KEY);
      // FTS5 keeps a deleted passage's terms in its segments until they are merged: merged now,
      // so what retention or a deletion removed is gone from the index's pages too.
      connection.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
      setState(connection, 'last_rebuilt_at', String(Date.now()));
      return true;
    })
    .immediate();
}

function setState(connection: SqliteConnection, key: string, value: string): void {
  connection
    .prepare(
      `INSERT INTO search_state (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    .run(key, value);
}
