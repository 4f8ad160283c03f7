import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataLayout } from '../../electron/core/config/data-dir';
import { removeStaleTempFiles } from '../../electron/core/store/recording-files';
import { makeTempDir } from '../helpers/fixtures';

describe('leftovers of interrupted copies and uploads', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('are removed at start-up once an hour old, files and upload folders alike; fresh ones stay', async () => {
    const layout = dataLayout(temp.dir);
    mkdirSync(path.join(layout.tmp, 'upload-old'), { recursive: true });
    writeFileSync(path.join(layout.tmp, 'upload-old', 'session.wav'), 'audio');
    writeFileSync(path.join(layout.tmp, 'old.part'), 'audio');
    writeFileSync(path.join(layout.tmp, 'fresh.part'), 'audio');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const name of ['upload-old', 'old.part'])
      utimesSync(path.join(layout.tmp, name), twoHoursAgo, twoHoursAgo);
    await removeStaleTempFiles(layout);
    expect(existsSync(path.join(layout.tmp, 'upload-old'))).toBe(false);
    expect(existsSync(path.join(layout.tmp, 'old.part'))).toBe(false);
    expect(existsSync(path.join(layout.tmp, 'fresh.part'))).toBe(true);
  });
});
