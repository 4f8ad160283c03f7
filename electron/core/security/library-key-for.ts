import { existsSync } from 'node:fs';
import { dataLayout } from '../config/data-dir';
import { ValidationError } from '../errors';
import { isPlaintextDatabase, libraryNotEncrypted } from './database-cipher';
import { resolveLibraryKey, type KeyStore } from './library-key';
import { createLibraryIdentity, readLibraryIdentity } from './library-identity';

/**
 * The key that opens the library in `dataDir`: found by the library's id in the key stores, or
 * made for a new library. A library made before encryption is refused with the command that
 * encrypts it.
 */
export async function libraryKeyFor(dataDir: string, stores: readonly KeyStore[]): Promise<Buffer> {
  const database = dataLayout(dataDir).database;
  const hasDatabase = existsSync(database);
  let identity = readLibraryIdentity(dataDir);
  if (!identity) {
    if (hasDatabase && isPlaintextDatabase(database)) throw libraryNotEncrypted();
    if (hasDatabase)
      throw new ValidationError(
        'library_identity_missing',
        `${dataDir} has an encrypted database but no library.json, so Cairn cannot tell which key opens it. Restore library.json from a backup of the library folder.`,
      );
    identity = await createLibraryIdentity(dataDir);
  }
  return resolveLibraryKey(identity.libraryId, stores, { create: !hasDatabase });
}
