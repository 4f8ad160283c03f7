import { existsSync } from 'node:fs';
import { CancelledError, ValidationError } from '../errors';
import type { KeyStore } from './library-key';
import {
  MIN_PASSPHRASE_LENGTH,
  passphraseKeyFile,
  passphraseKeyStore,
  passphraseWait,
  type PassphraseSource,
} from './passphrase-key-store';

/**
 * The passphrase-wrapped key for a program with a window (the desktop app), where the CLI's
 * "exit 2, run it again" would mean quitting and relaunching after every typo. A wrong passphrase,
 * a short one, two that differ or a try during the wait is shown in the same prompt, which asks
 * again until the key opens or the user cancels. The wrapping, the tries count and the wait stay
 * the passphrase store's (passphrase-key-store.ts); this module only drives it. No Electron here:
 * the shell supplies the asker (a small window), tests a script.
 */

/** Everything the prompt shows, so the window only renders and the wording is tested here. */
export interface PassphrasePrompt {
  readonly purpose: 'open' | 'create';
  readonly title: string;
  /** Paragraphs under the title. */
  readonly explanation: readonly string[];
  readonly passphraseLabel: string;
  /** Set when the passphrase is typed twice (a new library). */
  readonly confirmationLabel?: string;
  readonly submitLabel: string;
  readonly cancelLabel: string;
  /** Shown while the passphrase is checked: scrypt takes about half a second. */
  readonly busyText: string;
  /** Why the last try did not open the library, or how long to wait; absent on a first ask. */
  readonly error?: string;
}

export interface PassphraseAnswer {
  readonly passphrase: string;
  /** The second field, for a new library. */
  readonly confirmation?: string;
}

/** Shows the prompt and resolves with what was typed, or null when the user cancelled. */
export type PassphraseAsker = (prompt: PassphrasePrompt) => Promise<PassphraseAnswer | null>;

const NO_KEYRING =
  "This computer has no keyring Cairn can use to keep the library's key, so the library is locked with a passphrase instead.";

export function passphrasePrompt(purpose: 'open' | 'create', error?: string): PassphrasePrompt {
  const common = { purpose, passphraseLabel: 'Passphrase', cancelLabel: 'Quit Cairn', error };
  if (purpose === 'open')
    return {
      ...common,
      title: 'Enter the passphrase for this library',
      explanation: [NO_KEYRING],
      submitLabel: 'Unlock',
      busyText: 'Checking the passphrase…',
    };
  return {
    ...common,
    title: 'Choose a passphrase for this library',
    explanation: [
      `${NO_KEYRING} Cairn will ask for it each time it starts.`,
      `Choose one you will remember: it cannot be recovered if it is lost, and without it the library cannot be opened. At least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember than symbols.`,
    ],
    confirmationLabel: 'The same passphrase again',
    submitLabel: 'Set passphrase',
    busyText: 'Locking the key…',
  };
}

/**
 * The store's own message names its source for the CLI ("from --passphrase-file"); in the app the
 * user just typed it, so say it plainly, and say the wait a wrong try has just started, if any.
 */
function retryMessage(error: ValidationError, dataDir: string, now: number): string {
  if (error.code !== 'passphrase_wrong') return error.userMessage;
  const text = 'That passphrase does not open this library. Check it and try again.';
  const wait = passphraseWait(dataDir, now);
  return wait > 0 ? `${text} ${waitMessage(wait)}` : text;
}

function waitMessage(wait: number): string {
  return `Too many wrong passphrases. Try again in ${Math.ceil(wait / 1000)} s.`;
}

/** The inner store asks its source once per try; here the user has already answered. */
function answered(passphrase: string): PassphraseSource {
  return { name: 'the passphrase window', ask: () => Promise.resolve(passphrase) };
}

/**
 * A key store for the end of the app's list: it reads `library-key.pass` when there is one, and
 * keeps a new library's key there when no store before it would. A ValidationError (the user's to
 * fix by typing again) is shown and asked again; cancelling throws CancelledError.
 */
export function interactivePassphraseKeyStore(
  dataDir: string,
  ask: PassphraseAsker,
  now: () => number = Date.now,
): KeyStore {
  const askOrCancel = async (purpose: 'open' | 'create', error: string | undefined) => {
    const answer = await ask(passphrasePrompt(purpose, error));
    if (!answer) throw new CancelledError();
    return answer;
  };
  return {
    name: 'a passphrase',
    read: async (libraryId) => {
      // Only a library locked with a passphrase is asked about: no file, no prompt.
      if (!existsSync(passphraseKeyFile(dataDir))) return null;
      // A wait left by an earlier start is said up front, not after the user has typed.
      const wait = passphraseWait(dataDir, now());
      let error = wait > 0 ? waitMessage(wait) : undefined;
      for (;;) {
        const { passphrase } = await askOrCancel('open', error);
        try {
          return await passphraseKeyStore(dataDir, answered(passphrase), now).read(libraryId);
        } catch (caught) {
          if (!(caught instanceof ValidationError)) throw caught;
          error = retryMessage(caught, dataDir, now());
        }
      }
    },
    write: async (libraryId, key) => {
      let error: string | undefined;
      for (;;) {
        const { passphrase, confirmation } = await askOrCancel('create', error);
        // Compared before the store's length check and its scrypt: a typo costs nothing.
        if (confirmation !== passphrase) {
          error = 'The two passphrases differ. Type the same passphrase in both fields.';
          continue;
        }
        try {
          await passphraseKeyStore(dataDir, answered(passphrase), now).write(libraryId, key);
          return;
        } catch (caught) {
          if (!(caught instanceof ValidationError)) throw caught;
          error = caught.userMessage;
        }
      }
    },
  };
}
