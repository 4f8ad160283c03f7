import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataLayout } from '../../electron/core/config/data-dir';
import { CancelledError } from '../../electron/core/errors';
import { importRecording } from '../../electron/core/audio/intake/import-recording';
import { preprocessRecording } from '../../electron/core/audio/preprocess/preprocess-recording';
import { openDatabase, type Database } from '../../electron/core/store/open-database';
import { listSessionSummaries } from '../../electron/core/store/repositories/sessions';
import { threeHourSilence } from '../fixtures/bad-inputs';
import { listFiles } from '../helpers/files';
import { ffmpegSync } from '../helpers/media';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { processesMentioning, watchPeakRss } from '../helpers/process-tree';
import { testLibraryKey } from '../helpers/sqlite';
import { plainBytesOf } from '../helpers/stored-files';

const MB = 1024 * 1024;

describe('preprocessing a long recording', () => {
  const temp = makeTempDir();
  let silence: string;
  beforeAll(() => {
    silence = threeHourSilence();
  }, 120_000);
  afterAll(() => temp.remove());

  it('cancels: every ffmpeg is killed and no partial output remains', async () => {
    const outDir = path.join(temp.dir, 'cancel');
    const controller = new AbortController();
    const running = preprocessRecording(
      silence,
      path.join(outDir, 'out.wav'),
      {},
      {
        signal: controller.signal,
        onProgress: (report) => {
          if (report.percent > 5) controller.abort();
        },
      },
    );
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(processesMentioning(outDir)).toEqual([]);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('keeps the calling thread responsive while it works (the work runs in a worker)', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await preprocessRecording(silence, path.join(temp.dir, 'responsive.wav'));
    delay.disable();
    expect(delay.max / 1e6).toBeLessThan(200);
    expect(delay.percentile(99) / 1e6).toBeLessThan(50);
  }, 60_000);

  it('stays under 300 MB for a 3-hour file, ffmpeg processes included', async () => {
    const output = path.join(temp.dir, 'memory.wav');
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'electron/core/cli/bin.mjs'), 'preprocess', silence, output, '--json'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const watch = watchPeakRss(child.pid ?? -1);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const peak = watch.stop();
    expect(code).toBe(0);
    console.log(`peak memory, 3-hour preprocess (process tree): ${(peak / MB).toFixed(0)} MB`);
    expect(peak).toBeGreaterThan(20 * MB); // the sampler saw the process
    expect(peak).toBeLessThan(300 * MB);
  }, 60_000);
});

describe('a file deleted during import', () => {
  const temp = makeTempDir();
  let database: Database;
  const layout = dataLayout(path.join(temp.dir, 'library'));
  beforeAll(() => {
    database = openDatabase({ file: layout.database });
  });
  afterAll(() => {
    database.close();
    temp.remove();
  });

  it('between its checks and the copy: a clear error, nothing stored', async () => {
    const input = path.join(temp.dir, 'vanishing.flac');
    copyFileSync(threeHourSilence(), input);
    const attempt = importRecording(
      {
        db: database.db,
        layout,
        libraryKey: testLibraryKey(),
        actor: 'test',
        afterValidation: () => Promise.resolve(rmSync(input)),
      },
      { path: input },
    );
    await expect(attempt).rejects.toMatchObject({ category: 'validation', code: 'file_vanished' });
    expect(listSessionSummaries(database.db)).toEqual([]);
    expect(listFiles(layout.recordings)).toEqual([]);
    expect(listFiles(layout.tmp)).toEqual([]);
  });

  it('while it is being copied: the copy already open completes, whole', async () => {
    // 10 minutes of 48 kHz stereo noise: ~110 MB, long enough to delete mid-copy.
    const input = path.join(temp.dir, 'big.wav');
    ffmpegSync(['-f', 'lavfi', '-i', 'anoisesrc=r=48000:a=0.1', '-ac', '2', '-t', '600', input]);
    const expectedHash = createHash('sha256').update(readFileSync(input)).digest('hex');
    let deleted = false;
    const watcher = setInterval(() => {
      if (!deleted && listFiles(layout.tmp).length > 0) {
        rmSync(input);
        deleted = true;
      }
    }, 1);
    const result = await importRecording(
      { db: database.db, layout, libraryKey: testLibraryKey(), actor: 'test' },
      { path: input },
    ).finally(() => clearInterval(watcher));
    expect(deleted).toBe(true);
    const stored = listFiles(layout.recordings);
    expect(stored).toHaveLength(1);
    const storedBytes = await plainBytesOf(path.join(layout.recordings, stored[0] ?? ''));
    expect(createHash('sha256').update(storedBytes).digest('hex')).toBe(expectedHash);
    expect(result.alreadyImported).toBe(false);
  });
});
