import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { writeOnce } from './write-once';
import path from 'node:path';
import { z } from 'zod';
import { PermanentError } from '../errors';

/**
 * `library.json`, the one file in a library that is not encrypted: an id to find the library's key
 * by (the folder may move) and how the library is encrypted. It holds nothing about anyone.
 */
const LibraryIdentity = z.object({
  libraryId: z.uuid(),
  /** SQLCipher 4 settings for the database; AES-256-GCM in chunks for recordings. */
  encryption: z.literal('sqlcipher4+aes256gcm'),
});
export type LibraryIdentity = z.infer<typeof LibraryIdentity>;

export function identityFile(dataDir: string): string {
  return path.join(dataDir, 'library.json');
}

/** Where the app keeps the library's key wrapped by Electron's safeStorage (see the shell). */
export function safeStorageKeyFile(dataDir: string): string {
  return path.join(dataDir, 'library-key.safe');
}

/** Where the library's key is kept wrapped by a passphrase (see passphrase-key-store.ts). */
export function passphraseKeyFile(dataDir: string): string {
  return path.join(dataDir, 'library-key.pass');
}

/**
 * The files a copy or a backup of the library must carry besides its data: the identity names the
 * key, and the wrapped copies of the key open it where no keyring has it.
 */
export function libraryKeyFiles(dataDir: string): string[] {
  return [identityFile(dataDir), safeStorageKeyFile(dataDir), passphraseKeyFile(dataDir)];
}

export function readLibraryIdentity(dataDir: string): LibraryIdentity | null {
  const file = identityFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = LibraryIdentity.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new PermanentError(
      'library_identity_damaged',
      `${file} is damaged, so Cairn cannot tell which key opens this library. Restore it from a backup of the library folder.`,
    );
  return parsed.data;
}

/**
 * Written once, atomically: a crash leaves no half identity, and when two processes (the app and
 * the CLI) create it at the same moment, the first link wins and both read that one.
 */
export async function createLibraryIdentity(dataDir: string): Promise<LibraryIdentity> {
  const identity: LibraryIdentity = {
    libraryId: randomUUID(),
    encryption: 'sqlcipher4+aes256gcm',
  };
  await mkdir(dataDir, { recursive: true });
  await writeOnce(identityFile(dataDir), `${JSON.stringify(identity, null, 2)}\n`);
  return readLibraryIdentity(dataDir) ?? identity;
}
