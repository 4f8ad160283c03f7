import { randomBytes } from 'node:crypto';
import { CancelledError, ValidationError } from '../errors';

/** AES-256: the database (SQLCipher) and every stored recording are encrypted under this. */
export const LIBRARY_KEY_BYTES = 32;

/**
 * Somewhere a library's key can be kept: the OS keyring, Electron's safeStorage, an environment
 * variable. `read` answers null when it holds no key for this library; `write` may refuse.
 */
export interface KeyStore {
  /** For messages: "the OS keyring", "CAIRN_DB_KEY"… */
  readonly name: string;
  read(libraryId: string): Promise<Buffer | null>;
  write(libraryId: string, key: Buffer): Promise<void>;
}

/**
 * The library's key from the first store that has it. A new library (`create`) gets a random key,
 * saved in the first store that accepts it; a library whose key no store has cannot be opened.
 */
export async function resolveLibraryKey(
  libraryId: string,
  stores: readonly KeyStore[],
  options: { create: boolean },
): Promise<Buffer> {
  for (const store of stores) {
    const key = await store.read(libraryId);
    if (key) return key;
  }
  if (!options.create)
    throw new ValidationError(
      'library_key_missing',
      `Cairn cannot find the key of this library in ${describe(stores)}. On the computer that made it, open Cairn once (it keeps the key in the OS keyring), or set CAIRN_DB_KEY to the library's key.`,
    );
  const key = randomBytes(LIBRARY_KEY_BYTES);
  const refusals: string[] = [];
  for (const store of stores) {
    try {
      await store.write(libraryId, key);
      return key;
    } catch (error) {
      // The user's own mistake (a passphrase too short, two that differ) is theirs to fix, and a
      // cancelled prompt (Ctrl-C, the app's Quit) is their choice: neither is a store's refusal.
      if (error instanceof ValidationError || error instanceof CancelledError) throw error;
      refusals.push(`${store.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new ValidationError(
    'library_key_unstorable',
    `Cairn cannot keep a key for a new library (${refusals.join('; ')}). Run the command in a terminal to choose a passphrase, give one with --passphrase-file or CAIRN_PASSPHRASE_FILE, unlock or install an OS keyring (e.g. GNOME Keyring), or set CAIRN_DB_KEY to 64 hexadecimal characters and keep that value safe: without it the library cannot be opened.`,
  );
}

function describe(stores: readonly KeyStore[]): string {
  return stores.map((s) => s.name).join(' or ') || 'any key store';
}

/** 64 hexadecimal characters → the key; anything else is refused with what is expected. */
export function parseHexKey(value: string, source: string): Buffer {
  const trimmed = value.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed))
    throw new ValidationError(
      'library_key_malformed',
      `${source} must be 64 hexadecimal characters (a 256-bit key), for example the output of \`openssl rand -hex 32\`.`,
    );
  return Buffer.from(trimmed, 'hex');
}
