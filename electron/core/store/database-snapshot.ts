import type { SqliteConnection } from './sqlite-driver';

/**
 * Writes a consistent snapshot of the open database to `file`, encrypted with the same key, while
 * other connections (the app, the pipeline, the CLI) go on reading and writing: VACUUM INTO reads
 * inside one read transaction, which WAL lets run beside writers.
 *
 * VACUUM INTO, not SQLite's online backup API: better-sqlite3-multiple-ciphers opens the backup's
 * target without a key, and SQLite3 Multiple Ciphers refuses to copy encrypted pages into it
 * ("backup is not supported with incompatible source and target databases", also for a target
 * keyed beforehand), while VACUUM INTO encrypts what it writes with the source's cipher and key,
 * so no plaintext page ever reaches the disk.
 */
export function snapshotDatabase(connection: SqliteConnection, file: string): void {
  connection.prepare('VACUUM INTO ?').run(file);
}

/** Reads another encrypted database file through this connection's key (ATTACH inherits it). */
export function withAttachedDatabase<T>(
  connection: SqliteConnection,
  file: string,
  work: (schema: string) => T,
): T {
  const schema = 'attached_copy';
  connection.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
  try {
    return work(schema);
  } finally {
    connection.prepare(`DETACH DATABASE ${schema}`).run();
  }
}

/** Rows per table (no content), to compare a copy with its source or its manifest. */
export function rowCounts(connection: SqliteConnection, schema = 'main'): Record<string, number> {
  const tables = connection
    .prepare(`SELECT name FROM "${schema}".sqlite_master WHERE type = 'table' ORDER BY name`)
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (connection.prepare(`SELECT count(*) AS n FROM "${schema}"."${name}"`).get() as { n: number })
        .n,
    ]),
  );
}

export interface SnapshotContents {
  /** What the page check found; empty when every page decrypted and checked out. */
  problems: string[];
  rows: Record<string, number>;
  /** Stored paths of the recordings whose audio is kept. */
  recordings: string[];
  schema: { migrations: number; latestMigrationAt: number | null };
}

/** A snapshot read back through this connection's key: every page checked, rows counted. */
export function inspectSnapshot(connection: SqliteConnection, file: string): SnapshotContents {
  return withAttachedDatabase(connection, file, (copy) => {
    // Every page decrypted and its HMAC checked on the way: a page written wrong shows here.
    const problems = (connection.pragma(`${copy}.integrity_check`) as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .filter((message) => message !== 'ok');
    const recordings = connection
      .prepare(`SELECT stored_path AS p FROM ${copy}.recordings WHERE audio_deleted_at IS NULL`)
      .all() as { p: string }[];
    const migrations = connection
      .prepare(`SELECT count(*) AS n, max(created_at) AS latest FROM ${copy}.__drizzle_migrations`)
      .get() as { n: number; latest: number | string | null };
    return {
      problems,
      rows: rowCounts(connection, copy),
      recordings: recordings.map((r) => r.p),
      schema: {
        migrations: migrations.n,
        latestMigrationAt: migrations.latest === null ? null : Number(migrations.latest),
      },
    };
  });
}
