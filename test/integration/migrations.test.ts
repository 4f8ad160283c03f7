import { execFile } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';

const DRIZZLE_KIT = path.join(REPO_ROOT, 'node_modules/drizzle-kit/bin.cjs');
const MIGRATIONS = path.join(REPO_ROOT, 'resources/migrations');

/**
 * The schema and the committed migrations must agree: a schema edit without `npm run db:generate`
 * would otherwise reach users as tables the code expects but the database lacks.
 */
describe('migrations', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('are up to date with electron/core/store/schema*.ts', async () => {
    const out = path.join(temp.dir, 'migrations');
    cpSync(MIGRATIONS, out, { recursive: true });
    const before = readdirSync(out).sort();
    // drizzle-kit reads --out relative to the working directory even when it is absolute.
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        DRIZZLE_KIT,
        'generate',
        '--dialect',
        'sqlite',
        '--schema',
        'electron/core/store/schema*.ts',
        '--out',
        path.relative(REPO_ROOT, out),
      ],
      { cwd: REPO_ROOT },
    );
    expect(stdout + stderr).toContain('No schema changes');
    expect(readdirSync(out).sort()).toEqual(before);
  });
});
