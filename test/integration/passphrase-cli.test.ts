import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCairn } from '../helpers/cli';

/**
 * On a terminal (asked twice, not echoed; a wrong one exits 2) the README's quick start covers it:
 * readme-quick-start.test.ts. Here: scripts, with a file.
 *
 * A machine whose keyring refuses (as this one): the library's key is kept wrapped by a
 * passphrase. CAIRN_NO_KEYRING=1 makes every machine behave so, and keeps the test out of a
 * developer's real keyring; CAIRN_DB_KEY is cleared so nothing else supplies the key.
 */
const NO_KEYRING = { CAIRN_DB_KEY: '', CAIRN_NO_KEYRING: '1', CAIRN_PASSPHRASE_FILE: '' };
const PASSPHRASE = 'cedar smoke over the lake';

function library(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'cairn-passphrase-')), name);
}

describe('a library locked with a passphrase where no keyring keeps its key', () => {
  it('reads the passphrase from a file for scripts, and says what to do without one', async () => {
    const dataDir = library('file');
    const file = path.join(path.dirname(dataDir), 'passphrase.txt');
    writeFileSync(file, `${PASSPHRASE}\n`, { mode: 0o600 });
    const env = { ...NO_KEYRING, CAIRN_PASSPHRASE_FILE: file };
    expect((await runCairn(['clients', 'create', 'Ada Example'], { dataDir, env })).code).toBe(0);
    const listed = await runCairn(['--passphrase-file', file, 'clients'], {
      dataDir,
      env: NO_KEYRING,
    });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Ada Example');

    const none = await runCairn(['clients'], { dataDir, env: NO_KEYRING });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/locked with a passphrase.*--passphrase-file/s);
  }, 60_000);
});
