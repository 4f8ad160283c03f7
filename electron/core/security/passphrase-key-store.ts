import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { PermanentError, ValidationError } from '../errors';
import { LIBRARY_KEY_BYTES, type KeyStore } from './library-key';
import { writeOnce } from './write-once';
import { passphraseKeyFile } from './library-identity';

export { passphraseKeyFile };

/**
 * The library's key wrapped by a passphrase, for machines where neither Electron's safeStorage nor
 * an OS keyring can keep it (a headless Linux box, a container, many Linux desktops). The key is
 * sealed with AES-256-GCM under a key derived from the passphrase with scrypt, in
 * `library-key.pass` beside `library.json`; the library's id is authenticated with it, so the file
 * cannot be swapped onto another library. Without the passphrase the file is useless.
 */

/**
 * scrypt with N = 2^17, r = 8: OWASP's minimum for a password whose hash may be copied off the
 * machine (this file travels with the library folder and its backups). About 0.3 s and 128 MB.
 */
const COST = { N: 2 ** 17, r: 8, p: 1 } as const;

const WrappedKey = z.object({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string(),
  nonce: z.string(),
  sealed: z.string(),
  tag: z.string(),
});
type WrappedKey = z.infer<typeof WrappedKey>;

/** Where a passphrase comes from: a file, a prompt. `confirm` asks twice for a new one. */
export interface PassphraseSource {
  /** For messages: "CAIRN_PASSPHRASE_FILE", "the terminal". */
  readonly name: string;
  ask(purpose: 'open' | 'create'): Promise<string>;
}

/** Shorter than this, a passphrase is refused when a library is made with it. */
export const MIN_PASSPHRASE_LENGTH = 8;

function derive(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { ...cost, maxmem: 256 * cost.N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function wrapKey(key: Buffer, passphrase: string, libraryId: string) {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(passphrase, salt, COST), nonce);
  cipher.setAAD(Buffer.from(libraryId));
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  const wrapped: WrappedKey = {
    version: 1,
    kdf: 'scrypt',
    ...COST,
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    sealed: sealed.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  return wrapped;
}

/** The key, or null when the passphrase is wrong (GCM's tag does not verify). */
export async function unwrapKey(
  wrapped: WrappedKey,
  passphrase: string,
  libraryId: string,
): Promise<Buffer | null> {
  const derived = await derive(passphrase, Buffer.from(wrapped.salt, 'base64'), wrapped);
  const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(wrapped.nonce, 'base64'));
  decipher.setAAD(Buffer.from(libraryId));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    const key = Buffer.concat([
      decipher.update(Buffer.from(wrapped.sealed, 'base64')),
      decipher.final(),
    ]);
    return key.length === LIBRARY_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

function readWrapped(file: string): WrappedKey | null {
  if (!existsSync(file)) return null;
  const parsed = WrappedKey.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new PermanentError(
      'passphrase_file_damaged',
      `${file} is damaged, so the passphrase cannot open this library. Restore it from a backup of the library folder.`,
    );
  return parsed.data;
}

/**
 * Wrong passphrases in a row and when the next try is allowed, beside the key file: the database is
 * not open yet, and a count in memory would let a restart reset the wait. As the app lock: five
 * free tries, then 30 s, doubling, at most 15 minutes.
 */
const FREE_TRIES = 5;
const Failures = z.object({ wrongTries: z.number().int().min(0), retryAt: z.number() });
type Failures = z.infer<typeof Failures>;

function failuresFile(dataDir: string) {
  return path.join(dataDir, 'library-key.pass.tries');
}

function readFailures(dataDir: string): Failures {
  try {
    return Failures.parse(JSON.parse(readFileSync(failuresFile(dataDir), 'utf8')));
  } catch {
    return { wrongTries: 0, retryAt: 0 };
  }
}

export function waitAfter(wrongTries: number): number {
  if (wrongTries < FREE_TRIES) return 0;
  return Math.min(30_000 * 2 ** (wrongTries - FREE_TRIES), 15 * 60_000);
}

/** How long until the next try is allowed, in milliseconds (0: now). The app shows it up front. */
export function passphraseWait(dataDir: string, now: number): number {
  return Math.max(0, readFailures(dataDir).retryAt - now);
}

export function passphraseKeyStore(
  dataDir: string,
  source: PassphraseSource | undefined,
  now: () => number = Date.now,
): KeyStore {
  const file = passphraseKeyFile(dataDir);
  return {
    name: 'a passphrase',
    read: async (libraryId) => {
      const wrapped = readWrapped(file);
      if (!wrapped) return null;
      if (!source)
        throw new ValidationError(
          'passphrase_needed',
          'This library is locked with a passphrase. Run the command in a terminal to be asked for it, or give it in a file: --passphrase-file <file> or CAIRN_PASSPHRASE_FILE.',
        );
      const wait = passphraseWait(dataDir, now());
      if (wait > 0)
        throw new ValidationError(
          'passphrase_wait',
          `Too many wrong passphrases. Try again in ${Math.ceil(wait / 1000)} s.`,
        );
      const key = await unwrapKey(wrapped, await source.ask('open'), libraryId);
      if (key) {
        await rm(failuresFile(dataDir), { force: true });
        return key;
      }
      const wrongTries = readFailures(dataDir).wrongTries + 1;
      const retryAt = now() + waitAfter(wrongTries);
      await writeFile(failuresFile(dataDir), JSON.stringify({ wrongTries, retryAt }), {
        mode: 0o600,
      });
      throw new ValidationError(
        'passphrase_wrong',
        `That passphrase does not open this library (from ${source.name}). Check it and try again; without the right passphrase the library cannot be opened.`,
      );
    },
    write: async (libraryId, key) => {
      if (!source)
        throw new Error(
          'no passphrase was given: run in a terminal, or use --passphrase-file or CAIRN_PASSPHRASE_FILE',
        );
      const passphrase = await source.ask('create');
      if (passphrase.length < MIN_PASSPHRASE_LENGTH)
        throw new ValidationError(
          'passphrase_too_short',
          `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember than symbols.`,
        );
      const wrapped = await wrapKey(key, passphrase, libraryId);
      // Another process made the library's key at the same moment: its key is the library's.
      if (!(await writeOnce(file, `${JSON.stringify(wrapped, null, 2)}\n`, 0o600)))
        throw new Error(
          "another Cairn process made this library's key first; run the command again",
        );
    },
  };
}
