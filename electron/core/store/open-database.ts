import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PermanentError } from '../errors';
import { resolveResourcesDir } from '../config/resources';
import * as schema from './schema';
import { connect, type DriverOptions, type SqliteConnection } from './sqlite-driver';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Database {
  db: Db;
  /** The raw connection, for pragmas and backups only; queries go through repositories. */
  connection: SqliteConnection;
  close: () => void;
}

export interface OpenDatabaseOptions extends DriverOptions {
  /** Database file, or ':memory:'. */
  file: string;
  resourcesDir?: string;
  /** How long a writer waits for another process's lock before failing (ms). */
  busyTimeoutMs?: number;
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * The one way to open Cairn's database. Durability first: WAL with synchronous=FULL means a
 * committed transaction survives a kill or power cut; foreign keys are on so no orphan rows.
 * Refuses a database written by a newer Cairn rather than risk corrupting it.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.file !== ':memory:') mkdirSync(path.dirname(options.file), { recursive: true });
  const connection = connect(options.file, options);
  try {
    connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    const db = drizzle(connection, { schema });
    const migrationsFolder = path.join(resolveResourcesDir(options.resourcesDir), 'migrations');
    refuseNewerSchema(connection, migrationsFolder);
    applyMigrations(db, connection, migrationsFolder);
    return { db, connection, close: () => connection.close() };
  } catch (error) {
    connection.close();
    throw error;
  }
}

function applyMigrations(db: Db, connection: SqliteConnection, migrationsFolder: string): void {
  try {
    migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
  } catch {
    // Another process (the app and the CLI share a database) may have migrated between drizzle's
    // read of the last migration and its write; drizzle rolled back, so look again once.
    if (connection.inTransaction) connection.exec('ROLLBACK');
    migrate(db, { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
  }
}

interface MigrationRow {
  hash: string;
  created_at: number | string;
}

function refuseNewerSchema(connection: SqliteConnection, migrationsFolder: string): void {
  const hasTable = connection
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  if (!hasTable) return;
  const known = readMigrationFiles({ migrationsFolder });
  const knownHashes = new Set(known.map((m) => m.hash));
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const applied = connection
    .prepare(`SELECT hash, created_at FROM ${MIGRATIONS_TABLE}`)
    .all() as MigrationRow[];
  const unknown = applied.filter(
    (row) => Number(row.created_at) > newestKnown || !knownHashes.has(row.hash),
  );
  if (unknown.length > 0) {
    throw new PermanentError(
      'database_too_new',
      'This Cairn library was saved by a newer version of Cairn. Update Cairn to open it; ' +
        'nothing has been changed.',
    );
  }
}
