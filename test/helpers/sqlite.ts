import Database from 'better-sqlite3';
import path from 'node:path';
import { applyCipher } from '../../electron/core/security/database-cipher';
import { parseHexKey } from '../../electron/core/security/library-key';

/** The key every test library is encrypted with (vitest.config.mts sets it). */
export function testLibraryKey(): Buffer {
  return parseHexKey(process.env.CAIRN_DB_KEY ?? '', 'CAIRN_DB_KEY');
}

/**
 * Reads a number straight from a library's database file, bypassing Cairn's data layer, so tests
 * can check what is really on disk (and write what a newer Cairn would have written).
 */
export function countRows(dataDirOrFile: string, table: string): number {
  return withRawDatabase(
    dataDirOrFile,
    (db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  );
}

export function withRawDatabase<T>(dataDirOrFile: string, work: (db: Database.Database) => T): T {
  const file = dataDirOrFile.endsWith('.db') ? dataDirOrFile : path.join(dataDirOrFile, 'cairn.db');
  const db = new Database(file);
  try {
    applyCipher(db, testLibraryKey());
    return work(db);
  } finally {
    db.close();
  }
}

/** What a newer Cairn leaves behind: a migration this version does not know. */
export function addMigrationFromTheFuture(dataDirOrFile: string): void {
  withRawDatabase(dataDirOrFile, (db) =>
    db
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', Date.now() + 10 ** 10),
  );
}
