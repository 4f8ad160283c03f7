import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { SETTINGS } from '../../electron/core/config/settings';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { setSetting } from '../../electron/core/store/repositories/settings';
import { listFiles } from '../helpers/files';
import { makeTempDir, SAMPLE_WAV } from '../helpers/fixtures';
import { plainBytesOf } from '../helpers/stored-files';

describe('importing a recording (through the API gate)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(async () => {
    temp = makeTempDir();
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
    });
  });
  afterEach(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('copies the recording by content hash, so the original can vanish', async () => {
    const original = path.join(temp.dir, 'Session with Ada.wav');
    copyFileSync(SAMPLE_WAV, original);
    const envelope = await core.invoke('recordings.import', {
      path: original,
      clientName: 'Ada',
      date: '2026-11-02',
    });
    if (!envelope.ok) throw new Error(envelope.error.message);
    rmSync(original);

    const result = envelope.value as { sessionId: string };
    const detail = await core.handlers['sessions.get']({ id: result.sessionId });
    const hash = createHash('sha256').update(readFileSync(SAMPLE_WAV)).digest('hex');
    expect(detail).toMatchObject({
      clientName: 'Ada',
      date: '2026-11-02',
      kind: 'individual',
      status: 'imported',
    });
    expect(detail.recording).toMatchObject({
      contentHash: hash,
      originalName: 'Session with Ada.wav',
      format: 'wav',
    });
    // Stored encrypted, under a name that does not give the content hash away.
    const storedPath = path.join(core.layout.root, detail.recording?.storedPath ?? '');
    expect(storedPath).not.toContain(hash);
    expect(readFileSync(storedPath).includes(readFileSync(SAMPLE_WAV).subarray(44, 4096))).toBe(
      false,
    );
    const stored = await plainBytesOf(storedPath);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(hash);
  });

  it('stores the same recording once when it is imported twice', async () => {
    const first = await core.handlers['recordings.import']({ path: SAMPLE_WAV, clientName: 'Ada' });
    const copy = path.join(temp.dir, 'renamed copy.wav');
    copyFileSync(SAMPLE_WAV, copy);
    const second = await core.handlers['recordings.import']({
      path: copy,
      clientName: 'Someone Else',
    });

    expect(first.alreadyImported).toBe(false);
    expect(second).toEqual({
      sessionId: first.sessionId,
      recordingId: first.recordingId,
      alreadyImported: true,
    });
    expect(listFiles(core.layout.recordings)).toHaveLength(1);
    expect(await core.handlers['sessions.list']({})).toHaveLength(1);
    expect(await core.handlers['clients.list']({})).toHaveLength(1);
    expect(listFiles(core.layout.tmp)).toEqual([]);
  });

  it('audits the import without writing PHI (no names, no file names)', async () => {
    await core.handlers['recordings.import']({ path: SAMPLE_WAV, clientName: 'Ada Lovelace' });
    const audit = listAudit(core.database.db);
    expect(audit.map((a) => [a.actor, a.action, a.entityType])).toEqual([
      ['test', 'create', 'client'],
      ['test', 'import', 'recording'],
    ]);
    const serialised = JSON.stringify(audit);
    expect(serialised).not.toContain('Ada');
    expect(serialised).not.toContain('sample.wav');
  });

  it('announces a new session to listeners', async () => {
    const seen: unknown[] = [];
    core.events.subscribe((message) => seen.push(message));
    const { sessionId } = await core.handlers['recordings.import']({ path: SAMPLE_WAV });
    expect(seen).toEqual([{ name: 'sessions.changed', payload: { sessionId } }]);
  });

  it.each([
    [
      'a missing file',
      (dir: string) => path.join(dir, 'nope.wav'),
      'file_not_found',
      /There is no file at/,
    ],
    ['a directory', (dir: string) => dir, 'not_a_file', /is a folder, not a recording/],
  ])(
    'refuses %s with a validation error and leaves nothing behind',
    async (_label, target, code, message) => {
      const envelope = await core.invoke('recordings.import', {
        path: target(temp.dir),
        clientName: 'Ada',
      });
      expect(envelope).toMatchObject({ ok: false, error: { category: 'validation', code } });
      expect(envelope.ok ? '' : envelope.error.message).toMatch(message);
      expect(await core.handlers['sessions.list']({})).toEqual([]);
      expect(await core.handlers['clients.list']({})).toEqual([]);
      expect(listFiles(core.layout.recordings)).toEqual([]);
      expect(listFiles(core.layout.tmp)).toEqual([]);
    },
  );

  it('refuses a recording over the size limit set in Settings', async () => {
    setSetting(core.database.db, SETTINGS.maxRecordingBytes.key, 100_000);
    const envelope = await core.invoke('recordings.import', { path: SAMPLE_WAV });
    expect(envelope).toMatchObject({
      ok: false,
      error: { category: 'validation', code: 'file_too_large' },
    });
    expect(envelope.ok ? '' : envelope.error.message).toMatch(
      /sample\.wav is 938 KB, more than the 98 KB Cairn accepts/,
    );
    expect(listFiles(core.layout.recordings)).toEqual([]);
  });

  it('records the format it found and the duration ffprobe measured', async () => {
    const { sessionId } = await core.handlers['recordings.import']({ path: SAMPLE_WAV });
    const detail = await core.handlers['sessions.get']({ id: sessionId });
    expect(detail.recording).toMatchObject({ format: 'wav' });
    expect(detail.recording?.durationSec).toBeCloseTo(30, 1);
    expect(detail.durationSec).toBeCloseTo(30, 1);
  });

  it('refuses an empty file', async () => {
    const empty = path.join(temp.dir, 'empty.wav');
    copyFileSync('/dev/null', empty);
    const envelope = await core.invoke('recordings.import', { path: empty });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'empty_file' } });
  });
});

describe('shutting the core down', () => {
  it('lets an import in progress finish and commit, and refuses new calls', async () => {
    const temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'data');
    try {
      const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
      const running = core.invoke('recordings.import', { path: SAMPLE_WAV, clientName: 'Ada' });
      const closing = core.shutdown();
      expect(await core.invoke('sessions.list', {})).toMatchObject({
        ok: false,
        error: { code: 'shutting_down' },
      });
      expect(await running).toMatchObject({ ok: true });
      await closing;

      const reopened = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
      expect(await reopened.handlers['sessions.list']({})).toHaveLength(1);
      await reopened.shutdown();
    } finally {
      temp.remove();
    }
  });
});
