import { AsyncEntry } from '@napi-rs/keyring';
import type { KeyStore } from './library-key';
import { passphraseKeyStore, type PassphraseSource } from './passphrase-key-store';
import { parseHexKey } from './library-key';

export const DB_KEY_ENV = 'CAIRN_DB_KEY';
export const NO_KEYRING_ENV = 'CAIRN_NO_KEYRING';
const KEYRING_SERVICE = 'Cairn';

/** CAIRN_DB_KEY: for scripts, servers without a keyring, and tests. Read-only. */
export function envKeyStore(env: NodeJS.ProcessEnv = process.env): KeyStore {
  return {
    name: DB_KEY_ENV,
    read: (): Promise<Buffer | null> => {
      const value = env[DB_KEY_ENV];
      return Promise.resolve(value ? parseHexKey(value, DB_KEY_ENV) : null);
    },
    write: (): Promise<void> => Promise.reject(new Error(`${DB_KEY_ENV} is not set`)),
  };
}

/**
 * The OS keyring (macOS Keychain, Windows Credential Manager, the Secret Service on Linux), one
 * entry per library. Where no keyring answers (a server, a locked session), reading finds nothing
 * and writing fails with the keyring's own reason.
 */
export function keyringKeyStore(): KeyStore {
  const entry = (libraryId: string) => new AsyncEntry(KEYRING_SERVICE, `library-${libraryId}`);
  return {
    name: 'the OS keyring',
    read: async (libraryId) => {
      try {
        const secret = await entry(libraryId).getPassword();
        return secret ? parseHexKey(secret, 'The key in the OS keyring') : null;
      } catch {
        return null;
      }
    },
    write: async (libraryId, key) => {
      await entry(libraryId).setPassword(key.toString('hex'));
    },
  };
}

/**
 * Where the CLI, the bridge and tests look: CAIRN_DB_KEY first, then the OS keyring, then (given a
 * library folder) a passphrase-wrapped key, which is also where a new library's key goes when no
 * keyring takes it.
 */
export function nodeKeyStores(
  env: NodeJS.ProcessEnv = process.env,
  passphrase?: { dataDir: string; source: PassphraseSource | undefined },
): KeyStore[] {
  // CAIRN_NO_KEYRING=1: a passphrase instead of the OS keyring, by choice (or in tests, which must
  // not write to a developer's keyring).
  const stores =
    env[NO_KEYRING_ENV] === '1' ? [envKeyStore(env)] : [envKeyStore(env), keyringKeyStore()];
  return passphrase
    ? [...stores, passphraseKeyStore(passphrase.dataDir, passphrase.source)]
    : stores;
}
