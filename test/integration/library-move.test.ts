import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryMoveResult } from '../../shared/api/settings-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { followLibraryPointer } from '../../electron/core/config/data-dir';
import { createRun } from '../../electron/core/store/repositories/runs';
import { envelopeError } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { makeSilence } from '../helpers/media';
import { JFK_MP3 } from '../helpers/whisper';

/** Moving the library from Settings: copied and verified, used from the next start, never lossy. */
describe('moving the library folder', () => {
  const temp = makeTempDir();
  const pointer = path.join(temp.dir, 'default', 'library-location.json');
  const oldDir = path.join(temp.dir, 'old');
  const newDir = path.join(temp.dir, 'elsewhere', 'new');
  const cores: Core[] = [];
  let core: Core;
  const open = async (dataDir: string) => {
    const started = await startCore({
      dataDir,
      actor: 'test',
      transport: 'in-process',
      libraryPointer: pointer,
    });
    cores.push(started);
    return started;
  };
  const call = (method: string, input: unknown) => core.invoke(method, input);
  const sessionIds = async (of: Core) => {
    const envelope = await of.invoke('sessions.list', {});
    return envelope.ok ? (envelope.value as { id: string }[]).map((s) => s.id).sort() : [];
  };

  beforeAll(async () => {
    core = await open(oldDir);
    const silence = path.join(temp.dir, 'silence.wav');
    makeSilence(silence, 3);
    for (const recording of [JFK_MP3, silence]) {
      const imported = await call('recordings.import', {
        path: recording,
        clientName: 'A. Client',
      });
      expect(imported.ok).toBe(true);
    }
  });
  afterAll(async () => {
    for (const started of cores) await started.shutdown();
    temp.remove();
  });

  it('refuses a folder that holds other files', async () => {
    const busy = path.join(temp.dir, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'taxes.pdf'), 'not a library');
    const refused = await call('library.move', { target: busy });
    expect(envelopeError(refused)).toMatchObject({
      code: 'folder_not_empty',
      message: expect.stringMatching(/Choose an empty folder/) as unknown,
    });
    const relative = await call('library.move', { target: 'somewhere' });
    expect(envelopeError(relative).code).toBe('path_not_absolute');
    const inside = await call('library.move', { target: path.join(oldDir, 'sub') });
    expect(envelopeError(inside).code).toBe('nested_folder');
  });

  it('goes on working here when a copy fails half-way', async () => {
    const file = path.join(temp.dir, 'a-file');
    writeFileSync(file, 'x');
    const failed = await call('library.move', { target: path.join(file, 'library') });
    expect(failed.ok).toBe(false);
    expect(await call('settings.set', { name: 'defaultTemplate', value: 'soap' })).toMatchObject({
      ok: true,
    });
    expect(await sessionIds(core)).toHaveLength(2);
  });

  it('refuses while a session is being processed, with what to do', async () => {
    const [sessionId] = await sessionIds(core);
    const runId = createRun(core.database.db, { sessionId: sessionId ?? '', optionsJson: '{}' });
    const refused = await call('library.move', { target: newDir });
    expect(envelopeError(refused)).toMatchObject({
      code: 'runs_active',
      message: expect.stringMatching(/Wait for it to finish, or cancel it/) as unknown,
    });
    expect(await call('runs.cancel', { id: runId })).toMatchObject({ ok: true });
  });

  it('copies the library, and the next start there finds the same sessions and recordings', async () => {
    const before = await sessionIds(core);
    // As the app leaves it: the key wrapped by safeStorage beside the library.
    writeFileSync(path.join(oldDir, 'library-key.safe'), 'wrapped key');
    const moving = call('library.move', { target: newDir });
    // A save sent while the move starts either lands before the copy (and is in it) or is refused.
    const saved = await call('settings.set', { name: 'defaultTemplate', value: 'dap' });
    const moved = await moving;
    expect(moved.ok).toBe(true);
    const result = (moved as { value: LibraryMoveResult }).value;
    expect(result).toMatchObject({
      outcome: 'copied',
      sessions: 2,
      dataDir: newDir,
      oldDataDir: oldDir,
      restartRequired: true,
    });
    expect(await call('library.location', {})).toMatchObject({
      value: { dataDir: oldDir, nextDataDir: newDir },
    });
    // The next start follows the pointer to the copy; the old folder is still whole.
    const next = followLibraryPointer(pointer);
    expect(next).toBe(newDir);
    // The library's identity and the app's wrapped key travel with it, or it could not be opened.
    for (const file of ['library.json', 'library-key.safe'])
      expect(readFileSync(path.join(newDir, file))).toEqual(readFileSync(path.join(oldDir, file)));
    const moved2 = await open(next ?? '');
    expect(await sessionIds(moved2)).toEqual(before);
    const template = await moved2.invoke('settings.get', {});
    if (saved.ok) expect(template).toMatchObject({ value: { defaultTemplate: 'dap' } });
    else expect(envelopeError(saved).code).toBe('library_frozen');
    // Until Cairn restarts, the old library takes no more changes: they would be lost there.
    const late = await call('speakers.update', {
      id: '00000000-0000-4000-8000-000000000000',
      displayName: 'Dr. Lee',
    });
    expect(envelopeError(late)).toMatchObject({
      code: 'library_frozen',
      message: expect.stringMatching(/Restart Cairn/) as unknown,
    });
    expect(await sessionIds(core)).toEqual([]);
    expect((await call('settings.get', {})).ok).toBe(true);
    for (const id of before) {
      const detail = await moved2.invoke('sessions.get', { id });
      const recording = (detail as { value: { recording: { storedPath: string } } }).value
        .recording;
      const copy = readFileSync(path.join(newDir, recording.storedPath));
      expect(copy.equals(readFileSync(path.join(oldDir, recording.storedPath)))).toBe(true);
    }
    // Moving back adopts the old folder, which is still a library: nothing is copied.
    const back = await moved2.invoke('library.move', { target: oldDir });
    expect(back).toMatchObject({ ok: true, value: { outcome: 'adopted', sessions: 2 } });
    expect(followLibraryPointer(pointer)).toBe(oldDir);
  });

  it('does not move a library opened with --data-dir or CAIRN_DATA_DIR', async () => {
    const explicit = await startCore({
      dataDir: path.join(temp.dir, 'explicit'),
      actor: 'test',
      transport: 'in-process',
      libraryPointer: null,
    });
    cores.push(explicit);
    expect(await explicit.invoke('library.location', {})).toMatchObject({
      value: { movable: false },
    });
    const refused = await explicit.invoke('library.move', { target: path.join(temp.dir, 'x') });
    expect(envelopeError(refused).code).toBe('library_chosen_explicitly');
  });

  it('refuses to start on a pointer to a folder that is not there (a disconnected drive)', () => {
    writeFileSync(pointer, JSON.stringify({ dataDir: path.join(temp.dir, 'unplugged') }));
    expect(() => followLibraryPointer(pointer)).toThrow(/not available now/);
  });
});
