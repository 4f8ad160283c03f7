import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/api/transport';
import type { ModelsListing } from '../../shared/api/settings-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { transcriptionChoice } from '../../electron/core/pipeline/stages/engine-stages';
import { envelopeError } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { servedModel } from '../helpers/served-models';

const small = servedModel('test-small', 3 * 1024 * 1024 + 5);
const other = servedModel('test-other', 1024 * 1024);

/** Models and settings through the API, as Settings uses them; downloads from a loopback server. */
describe('settings API: Whisper models and settings', () => {
  const temp = makeTempDir();
  let server: ModelServer;
  let core: Core;
  const events: EventMessage[] = [];
  const savedEnv = { host: process.env.CAIRN_MODEL_HOST, dir: process.env.CAIRN_MODELS_DIR };

  beforeAll(async () => {
    server = await startModelServer({ [small.file]: small.bytes, [other.file]: other.bytes });
    process.env.CAIRN_MODEL_HOST = server.url;
    delete process.env.CAIRN_MODELS_DIR;
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
      libraryPointer: path.join(temp.dir, 'pointer.json'),
      modelCatalogue: [small.entry, other.entry],
    });
    core.events.subscribe((message) => events.push(message));
  });
  afterAll(async () => {
    await core.shutdown();
    await server.close();
    process.env.CAIRN_MODEL_HOST = savedEnv.host;
    if (savedEnv.dir !== undefined) process.env.CAIRN_MODELS_DIR = savedEnv.dir;
    temp.remove();
  });

  const call = async (method: string, input: unknown) => core.invoke(method, input);
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = await call(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  const listing = () => value<ModelsListing>('models.list', {});
  const model = async (name: string) => (await listing()).models.find((m) => m.name === name);

  it('lists downloadable models with their size, none installed', async () => {
    const models = await listing();
    expect(models.inUse).toBe('base');
    // This catalogue has no base: the suggestion falls back to its first model, with a reason.
    expect(models.recommended.name).toBe('test-small');
    expect(models.recommended.reason).toMatch(/processor/);
    expect(models.models.map((m) => [m.name, m.sizeBytes, m.installed])).toEqual([
      ['test-small', small.bytes.length, false],
      ['test-other', other.bytes.length, false],
    ]);
  });

  it('downloads a model with progress events up to its full size', async () => {
    events.length = 0;
    await expect(value('models.download', { name: 'test-small' })).resolves.toEqual({
      name: 'test-small',
    });
    const progress = events
      .filter((e) => e.name === 'models.downloadProgress')
      .map((e) => e.payload as { receivedBytes: number; totalBytes: number | null });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({
      name: 'test-small',
      receivedBytes: small.bytes.length,
      totalBytes: small.bytes.length,
    });
    expect(events.some((e) => e.name === 'models.changed')).toBe(true);
    expect(await model('test-small')).toMatchObject({ installed: true, downloading: false });
  });

  it('cancels a running download, keeps the part, and resumes it later', async () => {
    const release = server.holdAfter(300_000);
    events.length = 0;
    const download = call('models.download', { name: 'test-other' });
    await expect
      .poll(() =>
        events.some(
          (e) =>
            e.name === 'models.downloadProgress' &&
            (e.payload as { receivedBytes: number }).receivedBytes > 0,
        ),
      )
      .toBe(true);
    expect(await model('test-other')).toMatchObject({ downloading: true });
    await expect(value('models.cancelDownload', { name: 'test-other' })).resolves.toEqual({
      cancelled: true,
    });
    const cancelled = await download;
    expect(envelopeError(cancelled).code).toBe('cancelled');
    release();
    const after = await model('test-other');
    expect(after).toMatchObject({ installed: false, downloading: false });
    expect(after?.partialBytes).toBeGreaterThan(0);
    server.requests.length = 0;
    await value('models.download', { name: 'test-other' });
    expect(server.requests[0]?.range).toMatch(/^bytes=\d+-$/);
    expect(await model('test-other')).toMatchObject({ installed: true, partialBytes: 0 });
  });

  it('refuses to delete the model in use, and deletes another', async () => {
    await value('settings.set', { name: 'transcriptionModel', value: 'test-small' });
    expect(await model('test-small')).toMatchObject({ inUse: true });
    const refused = await call('models.delete', { name: 'test-small' });
    expect(envelopeError(refused)).toMatchObject({
      code: 'model_in_use',
      message: expect.stringMatching(/Choose another model first/) as unknown,
    });
    await value('models.delete', { name: 'test-other' });
    expect(await model('test-other')).toMatchObject({ installed: false });
    expect(existsSync(path.join(core.layout.root, 'models', other.file))).toBe(false);
  });

  it('refuses unknown models with a readable message', async () => {
    const unknown = await call('models.download', { name: 'no-such-model' });
    expect(envelopeError(unknown).code).toBe('unknown_model');
    const badName = await call('models.delete', { name: '../cairn.db' });
    expect(envelopeError(badName).code).toBe('invalid_input');
  });

  it('validates settings and says what is wrong', async () => {
    const bad = await call('settings.set', { name: 'transcriptionLanguage', value: 'English!' });
    expect(envelopeError(bad)).toMatchObject({
      code: 'setting_invalid',
      message: expect.stringMatching(/language code such as en/) as unknown,
    });
    const tooMany = await call('settings.set', { name: 'pipelineConcurrency', value: 0 });
    expect(envelopeError(tooMany).code).toBe('setting_invalid');
    const all = await value<Record<string, unknown>>('settings.set', {
      name: 'transcriptionLanguage',
      value: 'de',
    });
    expect(all.transcriptionLanguage).toBe('de');
  });

  it('applies a new concurrency to the running queue at once', async () => {
    expect(core.pipeline.concurrency).toBe(1);
    await value('settings.set', { name: 'pipelineConcurrency', value: 3 });
    expect(core.pipeline.concurrency).toBe(3);
  });

  it('transcribes with the Settings model and language unless the run names its own', () => {
    const db = core.database.db;
    expect(transcriptionChoice({ db, options: {} })).toEqual({
      model: 'test-small',
      language: 'de',
    });
    expect(transcriptionChoice({ db, options: { model: 'tiny', language: 'en' } })).toEqual({
      model: 'tiny',
      language: 'en',
    });
  });
});
