import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAIRN_VERSION } from '../../electron/core/app/version';
import { REPO_ROOT } from '../helpers/fixtures';

describe('version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(CAIRN_VERSION).toBe(pkg.version);
  });
});
