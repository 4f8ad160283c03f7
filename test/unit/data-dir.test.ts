import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  followLibraryPointer,
  libraryPointerFile,
  readLibraryPointer,
  resolveDataDir,
} from '../../electron/core/config/data-dir';
import { makeTempDir } from '../helpers/fixtures';

describe('resolveDataDir', () => {
  it('prefers --data-dir over CAIRN_DATA_DIR', () => {
    expect(resolveDataDir({ flag: 'from-flag', env: { CAIRN_DATA_DIR: '/from/env' } })).toBe(
      path.resolve('from-flag'),
    );
  });

  it('uses CAIRN_DATA_DIR when no flag is given', () => {
    expect(resolveDataDir({ env: { CAIRN_DATA_DIR: '/from/env' } })).toBe('/from/env');
  });

  it("falls back to the per-user folder Electron's userData uses", () => {
    const dir = resolveDataDir({ env: { XDG_CONFIG_HOME: '/home/x/.config' } });
    if (process.platform === 'linux') expect(dir).toBe('/home/x/.config/Cairn');
    expect(path.basename(dir)).toBe('Cairn');
  });
});

describe('the library pointer (a library moved in Settings)', () => {
  it('is followed after the flag and the environment, before the default folder', () => {
    const temp = makeTempDir();
    try {
      const config = path.join(temp.dir, 'config');
      const moved = path.join(temp.dir, 'moved');
      mkdirSync(moved);
      writeFileSync(path.join(moved, 'cairn.db'), '');
      const env = { XDG_CONFIG_HOME: config };
      const pointer = libraryPointerFile(resolveDataDir({ env }));
      mkdirSync(path.dirname(pointer), { recursive: true });
      writeFileSync(pointer, JSON.stringify({ dataDir: moved }));
      if (process.platform === 'linux') expect(resolveDataDir({ env })).toBe(moved);
      expect(followLibraryPointer(pointer)).toBe(moved);
      expect(resolveDataDir({ env: { ...env, CAIRN_DATA_DIR: '/from/env' } })).toBe('/from/env');
      expect(readLibraryPointer(path.join(temp.dir, 'none.json'))).toBeUndefined();
    } finally {
      temp.remove();
    }
  });
});
