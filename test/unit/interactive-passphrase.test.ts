import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../electron/core/errors';
import {
  interactivePassphraseKeyStore,
  type PassphraseAnswer,
  type PassphrasePrompt,
} from '../../electron/core/security/interactive-passphrase';
import { libraryKeyFor } from '../../electron/core/security/library-key-for';
import { readLibraryIdentity } from '../../electron/core/security/library-identity';
import {
  passphraseKeyFile,
  passphraseKeyStore,
} from '../../electron/core/security/passphrase-key-store';

/**
 * The app's passphrase prompt, driven by a script instead of a window, against a real library
 * folder and the real passphrase store. Every try is a real scrypt at N = 2^17 (about 0.4 s), so
 * these tests are few and each does several things.
 */
const RIGHT = 'river stones at dusk';
const WRONG = 'river stones at dawn';

/** Answers the prompts in order (a function may look at the prompt first), and keeps what it saw. */
function scripted(...answers: (PassphraseAnswer | null | ((p: PassphrasePrompt) => void))[]) {
  const prompts: PassphrasePrompt[] = [];
  const ask = (prompt: PassphrasePrompt) => {
    prompts.push(prompt);
    let next = answers.shift();
    while (typeof next === 'function') {
      next(prompt);
      next = answers.shift();
    }
    if (next === undefined) throw new Error(`asked once too often: ${JSON.stringify(prompt)}`);
    return Promise.resolve(next);
  };
  return { ask, prompts };
}

const library = () => mkdtempSync(path.join(tmpdir(), 'cairn-ask-'));
const typed = (passphrase: string) => ({ passphrase });
const twice = (passphrase: string, confirmation = passphrase) => ({ passphrase, confirmation });

/** A library whose key is already wrapped by RIGHT, as the CLI or an earlier start left it. */
async function lockedLibrary() {
  const dir = library();
  const asker = scripted(twice(RIGHT));
  const key = await libraryKeyFor(dir, [interactivePassphraseKeyStore(dir, asker.ask)]);
  const libraryId = readLibraryIdentity(dir)?.libraryId ?? '';
  return { dir, key, libraryId };
}

describe('the passphrase the app asks for at start', () => {
  it('asks a new library for a passphrase twice, says what is wrong, and makes library-key.pass', async () => {
    const dir = library();
    const asker = scripted(twice('short'), twice(RIGHT, 'river stones at dust'), twice(RIGHT));
    const key = await libraryKeyFor(dir, [interactivePassphraseKeyStore(dir, asker.ask)]);

    expect(asker.prompts.map((p) => p.error)).toEqual([
      undefined,
      expect.stringMatching(/at least 8 characters/),
      expect.stringMatching(/two passphrases differ/),
    ]);
    const first = asker.prompts[0];
    expect(first?.title).toBe('Choose a passphrase for this library');
    expect(first?.confirmationLabel).toBeTruthy();
    expect(first?.explanation.join(' ')).toMatch(/cannot be recovered if it is lost/);
    expect(existsSync(passphraseKeyFile(dir))).toBe(true);

    // The passphrase chosen is the one that opens it, through the store the CLI uses.
    const libraryId = readLibraryIdentity(dir)?.libraryId ?? '';
    const cli = { name: 'a test', ask: () => Promise.resolve(RIGHT) };
    expect(await passphraseKeyStore(dir, cli).read(libraryId)).toEqual(key);
  }, 30_000);

  it('shows a wrong passphrase once and asks again, then opens with the right one', async () => {
    const { dir, key } = await lockedLibrary();
    const asker = scripted(typed(WRONG), typed(RIGHT));
    expect(await libraryKeyFor(dir, [interactivePassphraseKeyStore(dir, asker.ask)])).toEqual(key);

    expect(asker.prompts).toHaveLength(2);
    expect(asker.prompts.map((p) => p.title)).toEqual([
      'Enter the passphrase for this library',
      'Enter the passphrase for this library',
    ]);
    expect(asker.prompts[0]?.confirmationLabel).toBeUndefined();
    expect(asker.prompts[0]?.error).toBeUndefined();
    expect(asker.prompts[1]?.error).toBe(
      'That passphrase does not open this library. Check it and try again.',
    );
  }, 30_000);

  it('gives a typed cancellation, for a new library and for a locked one, and writes nothing', async () => {
    const fresh = library();
    await expect(
      libraryKeyFor(fresh, [interactivePassphraseKeyStore(fresh, scripted(null).ask)]),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(existsSync(passphraseKeyFile(fresh))).toBe(false);

    const { dir } = await lockedLibrary();
    await expect(
      libraryKeyFor(dir, [interactivePassphraseKeyStore(dir, scripted(null).ask)]),
    ).rejects.toBeInstanceOf(CancelledError);
  }, 30_000);

  it('says the wait after five wrong tries, again at the next start, and opens after it', async () => {
    const { dir, key, libraryId } = await lockedLibrary();
    let clock = 1_000_000;
    const first = scripted(...Array.from({ length: 5 }, () => typed(WRONG)), null);
    await expect(
      interactivePassphraseKeyStore(dir, first.ask, () => clock).read(libraryId),
    ).rejects.toBeInstanceOf(CancelledError);
    const errors = first.prompts.map((p) => p.error);
    expect(errors.slice(1, 5)).toEqual(Array(4).fill(expect.stringMatching(/^That passphrase/)));
    expect(errors[5]).toMatch(/does not open this library.*Try again in 30 s\./);

    // The next start says the wait before anything is typed, refuses a try during it untried,
    // and opens once it is over.
    const next = scripted(
      () => (clock += 10_000),
      typed(RIGHT),
      () => (clock += 20_000),
      typed(RIGHT),
    );
    expect(await interactivePassphraseKeyStore(dir, next.ask, () => clock).read(libraryId)).toEqual(
      key,
    );
    expect(next.prompts.map((p) => p.error)).toEqual([
      'Too many wrong passphrases. Try again in 30 s.',
      'Too many wrong passphrases. Try again in 20 s.',
    ]);
  }, 60_000);
});
