import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../electron/core/errors';
import {
  passphraseKeyFile,
  passphraseKeyStore,
  waitAfter,
  type PassphraseSource,
} from '../../electron/core/security/passphrase-key-store';

const LIBRARY = '6f1c1d52-8d5e-4c55-9a43-5b1f0c1e2a10';
const said = (passphrase: string): PassphraseSource => ({
  name: 'a test',
  ask: () => Promise.resolve(passphrase),
});
const key = Buffer.alloc(32, 7);

describe('the library key wrapped by a passphrase', () => {
  it('opens with the passphrase it was made with, and only for its own library', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-pass-'));
    await passphraseKeyStore(dir, said('river stones at dusk')).write(LIBRARY, key);
    expect((statSync(passphraseKeyFile(dir)).mode & 0o777).toString(8)).toBe('600');
    expect(readFileSync(passphraseKeyFile(dir), 'utf8')).not.toContain(key.toString('base64'));
    expect(await passphraseKeyStore(dir, said('river stones at dusk')).read(LIBRARY)).toEqual(key);
    await expect(
      passphraseKeyStore(dir, said('river stones at dusk')).read('another-library'),
    ).rejects.toThrow(/does not open this library/);
  }, 15_000);

  it('refuses a wrong passphrase with a clear error, and waits after five', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-pass-'));
    await passphraseKeyStore(dir, said('river stones at dusk')).write(LIBRARY, key);
    let clock = 1_000_000;
    const wrong = passphraseKeyStore(dir, said('river stones at dawn'), () => clock);
    for (let i = 0; i < 5; i++) await expect(wrong.read(LIBRARY)).rejects.toThrow(ValidationError);
    await expect(wrong.read(LIBRARY)).rejects.toThrow(/Try again in 30 s/);
    clock += 30_000;
    const right = passphraseKeyStore(dir, said('river stones at dusk'), () => clock);
    expect(await right.read(LIBRARY)).toEqual(key);
    expect(waitAfter(4)).toBe(0);
    expect(waitAfter(7)).toBe(120_000);
  }, 30_000); // seven scrypt derivations at N = 2^17

  it('has no key to give where no passphrase file exists, and asks nobody', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-pass-'));
    expect(await passphraseKeyStore(dir, undefined).read(LIBRARY)).toBeNull();
  });

  it('refuses a short passphrase for a new library', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cairn-pass-'));
    await expect(passphraseKeyStore(dir, said('short')).write(LIBRARY, key)).rejects.toThrow(
      /at least 8 characters/,
    );
  });
});
