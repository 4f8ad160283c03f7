import { closeSync, openSync, readSync } from 'node:fs';
import { ValidationError } from '../errors';
import type { SqliteConnection } from '../store/sqlite-driver';

const PLAINTEXT_HEADER = 'SQLite format 3\u0000';

/**
 * SQLCipher 4 settings, named explicitly: SQLite3 Multiple Ciphers defaults to ChaCha20, and
 * these make the file readable by any SQLCipher 4 tool given the key (AES-256-CBC pages with
 * HMAC-SHA512, so a changed byte is detected when the page is read). The raw 256-bit key form
 * (x'…') skips the passphrase KDF: the key is already random. Must run before anything else
 * touches the file.
 */
export function applyCipher(connection: SqliteConnection, key: Buffer): void {
  connection.pragma(`cipher = 'sqlcipher'`);
  connection.pragma('legacy = 4');
  connection.pragma(`key = "x'${key.toString('hex')}'"`);
  try {
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB')
      throw new ValidationError(
        'library_key_wrong',
        'This library cannot be opened with the key Cairn has for it (the key is wrong, or the file is not a Cairn library). Check CAIRN_DB_KEY, or the OS keyring of the computer that made the library.',
        { cause: error },
      );
    throw error;
  }
}

export function libraryNotEncrypted(): ValidationError {
  return new ValidationError(
    'library_not_encrypted',
    'This library was made before Cairn encrypted its data. Run `cairn encrypt-library` once (it checks the encrypted copy before removing the old file), then start Cairn again.',
  );
}

/** A database file written before encryption: it starts with SQLite's own header. */
export function isPlaintextDatabase(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(PLAINTEXT_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.toString('latin1') === PLAINTEXT_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Every page read back through the cipher: SQLite's integrity_check walks all pages, and the
 * codec verifies each page's HMAC as it decrypts it, so a torn or altered page fails here.
 * `cipher_integrity_check` is asked too; the SQLite3 Multiple Ciphers build in use answers it
 * with nothing (it is SQLCipher's own pragma), so the page walk is what actually checks.
 * Returns the problems found; empty means whole.
 */
export function databaseIntegrityProblems(connection: SqliteConnection): string[] {
  try {
    const cipher = connection.pragma('cipher_integrity_check') as Record<string, unknown>[];
    const pages = connection.pragma('integrity_check') as { integrity_check: string }[];
    return [
      ...cipher.map((row) => JSON.stringify(row)),
      ...pages.map((row) => row.integrity_check).filter((message) => message !== 'ok'),
    ];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
