import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCairn } from '../helpers/cli';
import { listFiles } from '../helpers/files';
import { makeTempDir, SAMPLE_WAV } from '../helpers/fixtures';
import { addMigrationFromTheFuture, countRows } from '../helpers/sqlite';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the cairn CLI', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  beforeEach(() => {
    temp = makeTempDir();
    dataDir = path.join(temp.dir, 'data');
  });
  afterEach(() => temp.remove());

  it('imports a recording, lists it and shows it', async () => {
    const imported = await runCairn(['import', SAMPLE_WAV, '--client', 'Test Client', '--json'], {
      dataDir,
    });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const { sessionId } = JSON.parse(imported.stdout) as { sessionId: string };
    expect(sessionId).toMatch(UUID);

    const listed = await runCairn(['sessions', '--json'], { dataDir });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id: sessionId, clientName: 'Test Client', status: 'imported' }),
    ]);

    const shown = await runCairn(['show', sessionId, '--json'], { dataDir });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: sessionId,
      recording: { originalName: 'sample.wav' },
    });

    const human = await runCairn(['sessions'], { dataDir });
    expect(human.stdout).toContain('Test Client');
    expect(human.stdout).toContain(sessionId);
  });

  it('says when a recording was already imported and stores it once', async () => {
    const first = await runCairn(['import', SAMPLE_WAV], { dataDir });
    const second = await runCairn(['import', SAMPLE_WAV], { dataDir });
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Already imported/);
    expect(listFiles(path.join(dataDir, 'recordings'))).toHaveLength(1);
    expect(countRows(dataDir, 'sessions')).toBe(1);
  });

  it.each([
    [
      'a missing file',
      (dir: string) => path.join(dir, 'missing.wav'),
      /There is no file at .*missing\.wav/,
    ],
    ['a directory', (dir: string) => dir, /is a folder, not a recording/],
  ])('exits 2 on %s with a clear message and writes nothing', async (_label, target, message) => {
    const fresh = await runCairn(['import', target(temp.dir), '--client', 'Nobody', '--json'], {
      dataDir,
    });
    expect(fresh.code).toBe(2);
    expect(fresh.stdout).toBe('');
    expect(fresh.stderr).toMatch(message);
    expect(existsSync(dataDir)).toBe(false);

    // Into an existing library: still nothing added.
    expect((await runCairn(['sessions'], { dataDir })).code).toBe(0);
    const result = await runCairn(['import', target(temp.dir), '--client', 'Nobody'], { dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(countRows(dataDir, 'sessions')).toBe(0);
    expect(countRows(dataDir, 'clients')).toBe(0);
    expect(countRows(dataDir, 'recordings')).toBe(0);
    expect(listFiles(path.join(dataDir, 'recordings'))).toEqual([]);
    expect(listFiles(path.join(dataDir, 'tmp'))).toEqual([]);
  });

  it('exits 2 for an unknown session, a malformed id, an unknown command or a bad option', async () => {
    const unknown = await runCairn(['show', '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f'], { dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/There is no session with id/);
    expect((await runCairn(['show', 'not-an-id'], { dataDir })).code).toBe(2);
    expect((await runCairn(['frobnicate'], { dataDir })).code).toBe(2);
    const badKind = await runCairn(['import', SAMPLE_WAV, '--kind', 'solo'], { dataDir });
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/individual, couple, family, group/);
  });

  it('exits 1 when the library belongs to a newer Cairn', async () => {
    await runCairn(['sessions'], { dataDir });
    addMigrationFromTheFuture(dataDir);
    const result = await runCairn(['sessions'], { dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/newer version of Cairn/);
  });

  it('prints help with exit 0', async () => {
    const result = await runCairn(['--help'], { dataDir });
    expect(result.code).toBe(0);
    for (const command of ['import', 'sessions', 'show', '--data-dir'])
      expect(result.stdout).toContain(command);
  });
});
