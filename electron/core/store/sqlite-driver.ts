import Database from 'better-sqlite3';

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
