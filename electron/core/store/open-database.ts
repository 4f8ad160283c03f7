import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PermanentError } from '../errors';
import { applyCipher, isPlaintextDatabase, libraryNotEncrypted } from '../security/database-cipher';
import { resolveResourcesDir } from '../config/resources';
import * as coreSchema from './schema';
import * as syncSchema from './schema-sync';
import { ensureSearchSchema } from '../search/search-sql';
import { connect, type DriverOptions, type SqliteConnection } from './sqlite-driver';

const schema = { ...coreSchema, ...syncSchema };
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
  /**
   * The library's 256-bit key: the file is encrypted with it (SQLCipher 4 settings). Without a
   * key the database is plain SQLite, which only tests of the schema itself and ':memory:' use.
   */
  key?: Buffer;
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * The one way to open Cairn's database. Durability first: WAL with synchronous=FULL means a
 * committed transaction survives a kill or power cut; foreign keys are on so no orphan rows.
 * Refuses a database written by a newer Cairn rather than risk corrupting it.
 */
export function openDatabase(options: OpenDatabaseOptions): Database {
  if (options.file !== ':memory:') mkdirSync(path.dirname(options.file), { recursive: true });
  if (options.key && isPlaintextDatabase(options.file)) throw libraryNotEncrypted();
  if (options.key && !existsSync(options.file)) createEncryptedFile(options.file, options.key);
  const connection = connectWithKey(options);
  try {
    useWal(connection);
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    const db = drizzle(connection, { schema });
    const migrationsFolder = path.join(resolveResourcesDir(options.resourcesDir), 'migrations');
    refuseNewerSchema(connection, migrationsFolder);
    applyMigrations(db, connection, migrationsFolder);
    // Search's FTS table and change triggers: drizzle cannot express them (see search-sql.ts).
    ensureSearchSchema(connection);
    return { db, connection, close: () => connection.close() };
  } catch (error) {
    connection.close();
    throw error;
  }
}

/**
 * A new encrypted database is made under a private name and linked into place whole. Keying an
 * empty file picks a random salt in memory; two processes creating the library at once (the app
 * and the CLI) would each pick one, and the loser could not read the winner's pages. Linking
 * fails when the file exists, so exactly one complete database ever takes the name.
 */
function createEncryptedFile(file: string, key: Buffer): void {
  const part = `${file}.${randomUUID()}.new`;
  try {
    const connection = connect(part);
    try {
      applyCipher(connection, key);
      connection.pragma('synchronous = FULL');
      connection.pragma('journal_mode = WAL'); // writes the first page, salt included
    } finally {
      connection.close();
    }
    linkSync(part, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(part, { force: true });
  }
}

const WAL_ATTEMPTS = 20;

/** Opens the file and applies the key; a wrong key is reported in words (library_key_wrong). */
function connectWithKey(options: OpenDatabaseOptions): SqliteConnection {
  const connection = connect(options.file, options);
  try {
    // First, so that checking the key waits for another process's write lock.
    connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (options.key) applyCipher(connection, options.key);
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

/**
 * Switching to WAL needs the file to itself for a moment, and SQLite answers "locked" at once,
 * without its busy handler, while another process is creating the same database: retried briefly.
 */
function useWal(connection: SqliteConnection): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      connection.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
      if (!busy || attempt === WAL_ATTEMPTS) throw error;
      sleepSync(50 * attempt);
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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
