import Database from 'better-sqlite3';
import path from 'node:path';

/**
 * The only file that names the SQLite driver: better-sqlite3-multiple-ciphers (better-sqlite3
 * with SQLite3 Multiple Ciphers compiled in), installed under better-sqlite3's name by an npm
 * alias so drizzle-orm's driver loads the same single native build, so the library is encrypted at rest (SQLCipher 4
 * settings, see security/database-cipher). Same constructor and API as better-sqlite3, so query
 * code never knows.
 */
export type SqliteConnection = Database.Database;

export interface DriverOptions {
  /** Path to a driver binary built for another runtime's ABI (Electron), when not the default. */
  nativeBinding?: string;
}

export function connect(file: string, options: DriverOptions = {}): SqliteConnection {
  return new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
}

/**
 * Where `npm start`/`npm run dev` keep a better-sqlite3 binary built for Electron's ABI, beside the
 * one in node_modules that plain Node (CLI, tests) uses; both runtimes then work from one install.
 */
export function electronSqliteBindingPath(projectRoot: string, electronVersion: string): string {
  return path.join(
    projectRoot,
    'node_modules/.cache/cairn',
    `electron-${electronVersion}-${process.arch}`,
    'better_sqlite3.node',
  );
}
