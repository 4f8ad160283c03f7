import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/store/open-database';
import { listClients } from '../../electron/core/store/repositories/clients';
import { makeTempDir } from '../helpers/fixtures';
import { testLibraryKey } from '../helpers/sqlite';

const CHILD = path.join(__dirname, '../helpers/commit-then-hang.ts');

describe('durability', () => {
  const temp = makeTempDir();
  afterEach(() => temp.remove());

  it('keeps a committed write when the process is killed right after the commit', async () => {
    const file = path.join(temp.dir, 'cairn.db');
    const child = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', CHILD, file, 'Killed Right After'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exit = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('committed')) {
          child.kill('SIGKILL'); // no close(), no checkpoint: only the WAL on disk remains
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('child exited before committing')));
    });
    expect(await exit).toBe('SIGKILL');

    const reopened = openDatabase({ file, key: testLibraryKey() });
    try {
      expect(listClients(reopened.db).map((c) => c.name)).toEqual(['Killed Right After']);
    } finally {
      reopened.close();
    }
  });
});
