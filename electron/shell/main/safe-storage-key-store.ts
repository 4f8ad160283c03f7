import { safeStorage } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ValidationError } from '../../core/errors';
import { parseHexKey, type KeyStore } from '../../core/security/library-key';
import { safeStorageKeyFile } from '../../core/security/library-identity';

/** Command-line switch that accepts Linux's basic_text backend (a fixed, public password). */
export const ALLOW_WEAK_KEY_STORAGE = 'allow-weak-key-storage';

/**
 * The library's key, wrapped by Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * the Secret Service or KWallet on Linux) in `library-key.safe` beside the library. A copy goes
 * to `mirror` (the OS keyring) when it can, so the `cairn` CLI opens the same library.
 */
export function safeStorageKeyStore(
  dataDir: string,
  options: { allowBasicText: boolean; mirror?: KeyStore },
): KeyStore {
  const file = safeStorageKeyFile(dataDir);
  return {
    name: "Electron's safeStorage",
    read: async () => {
      if (!existsSync(file)) return null;
      await refuseWeakStorage(options.allowBasicText);
      const { result } = await safeStorage.decryptStringAsync(await readFile(file));
      return parseHexKey(result, 'library-key.safe');
    },
    write: async (libraryId, key) => {
      // For a new library, no secure safeStorage is a refusal, not the user's mistake: the next
      // store (the keyring, then a passphrase) is tried, and this reason is listed if all refuse.
      await refuseWeakStorage(options.allowBasicText).catch((error: unknown) => {
        throw new Error(error instanceof Error ? error.message : String(error));
      });
      const part = `${file}.part`;
      const wrapped = await safeStorage.encryptStringAsync(key.toString('hex'));
      await writeFile(part, wrapped, { mode: 0o600 });
      await rename(part, file);
      await options.mirror?.write(libraryId, key).catch(() => undefined);
    },
  };
}

async function refuseWeakStorage(allowBasicText: boolean): Promise<void> {
  if (!(await safeStorage.isAsyncEncryptionAvailable()))
    throw new ValidationError(
      'key_storage_unavailable',
      'This computer offers Cairn no secure place for its key. Sign in to a desktop session with a keyring (GNOME Keyring, KWallet, macOS Keychain, Windows), then start Cairn again.',
    );
  if (
    process.platform === 'linux' &&
    safeStorage.getSelectedStorageBackend() === 'basic_text' &&
    !allowBasicText
  )
    throw new ValidationError(
      'key_storage_weak',
      `No keyring is running, so Electron would protect Cairn's key with a fixed, publicly known password. Install and unlock GNOME Keyring or KWallet, then start Cairn again. If this computer's disk is encrypted and you accept the risk, start Cairn with --${ALLOW_WEAK_KEY_STORAGE}.`,
    );
}
