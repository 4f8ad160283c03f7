import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../electron/core/config/data-dir';

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
