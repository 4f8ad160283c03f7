import Database from 'better-sqlite3';
import path from 'node:path';

/**
 * The only file that names the SQLite driver. better-sqlite3-multiple-ciphers has the same
 * constructor and API, so switching encryption at rest on (SQLCipher mode + `PRAGMA key`) is a
 * change here and in openDatabase's pragmas, never in query code.
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
