import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/api/transport';
import type { NotesModelsListing } from '../../shared/api/notes-model-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { closedLoopbackPort } from '../helpers/closed-port';
import { envelopeError } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { startOllamaProtocolServer } from '../helpers/ollama-protocol-server';
import { servedNotesModel } from '../helpers/served-notes-models';

const MB = 1024 * 1024;
// Both fit in any test machine's memory, so the recommendation is the larger of the two.
const small = servedNotesModel('test-notes-small', 2 * MB + 3, { ramBytes: 32 * MB });
const large = servedNotesModel('test-notes-large', 3 * MB, { ramBytes: 64 * MB, verified: false });

/** Notes models through the API, as Settings uses them; downloads come from a loopback server. */
describe('notes models API (loopback model server)', () => {
  const temp = makeTempDir();
  let server: ModelServer;
  let core: Core;
  let downHost: string;
  const events: EventMessage[] = [];
  const savedEnv = {
    host: process.env.CAIRN_NOTES_MODEL_HOST,
    dir: process.env.CAIRN_MODELS_DIR,
  };

  beforeAll(async () => {
    server = await startModelServer({ [small.file]: small.bytes, [large.file]: large.bytes });
    process.env.CAIRN_NOTES_MODEL_HOST = server.url;
    delete process.env.CAIRN_MODELS_DIR;
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
      libraryPointer: path.join(temp.dir, 'pointer.json'),
      notesModelCatalogue: [small.entry, large.entry],
    });
    core.events.subscribe((message) => events.push(message));
    downHost = `http://127.0.0.1:${await closedLoopbackPort()}`;
    await value('settings.set', { name: 'ollamaHost', value: downHost });
  });
  afterAll(async () => {
    await core.shutdown();
    await server.close();
    if (savedEnv.host === undefined) delete process.env.CAIRN_NOTES_MODEL_HOST;
    else process.env.CAIRN_NOTES_MODEL_HOST = savedEnv.host;
    if (savedEnv.dir !== undefined) process.env.CAIRN_MODELS_DIR = savedEnv.dir;
    temp.remove();
  });

  const call = (method: string, input: unknown) => core.invoke(method, input);
  async function value<T>(method: string, input: unknown): Promise<T> {
    const envelope = await call(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
    return envelope.value as T;
  }
  const listing = () => value<NotesModelsListing>('notesModels.list', {});
  const model = async (name: string) => (await listing()).models.find((m) => m.name === name);
  const llm = () => path.join(core.layout.root, 'models', 'llm');
  const progressOf = (name: string) =>
    events
      .filter((e) => e.name === 'notesModels.downloadProgress')
      .map((e) => e.payload as { name: string; receivedBytes: number; totalBytes: number | null })
      .filter((p) => p.name === name);

  it('lists the catalogue with size, memory and licence, and the recommendation; Ollama down does not fail it', async () => {
    const notes = await listing();
    expect(notes.dir).toBe(llm());
    expect(notes.inUse).toBe('');
    expect(
      notes.models.map((m) => [m.name, m.sizeBytes, m.ramBytes, m.licence, m.installed]),
    ).toEqual([
      ['test-notes-small', small.bytes.length, 32 * MB, 'Apache-2.0', false],
      ['test-notes-large', large.bytes.length, 64 * MB, 'Apache-2.0', false],
    ]);
    expect(notes.models[0]).toMatchObject({
      label: 'test-notes-small (test model)',
      partialBytes: 0,
    });
    expect(notes.recommended.name).toBe('test-notes-large');
    expect(notes.recommended.reason).toMatch(/\d+ GB of memory/);
    expect(notes.ollama).toEqual({
      host: downHost,
      running: false,
      models: [],
      message: expect.stringMatching(/Ollama is not running at/) as unknown,
    });
  });

  it("lists a running Ollama's models beside the embedded ones (Ollama protocol double)", async () => {
    const ollama = await startOllamaProtocolServer([
      { name: 'llama3.2:3b', sizeBytes: 2_000_000_000, contextLength: 8192 },
    ]);
    try {
      await value('settings.set', { name: 'ollamaHost', value: ollama.url });
      expect((await listing()).ollama).toEqual({
        host: ollama.url,
        running: true,
        models: [{ name: 'llama3.2:3b', sizeBytes: 2_000_000_000 }],
        message: '',
      });
    } finally {
      await value('settings.set', { name: 'ollamaHost', value: downHost });
      await ollama.close();
    }
  });

  it('answers within seconds when something at the Ollama address accepts but never replies', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      await value('settings.set', { name: 'ollamaHost', value: `http://127.0.0.1:${port}` });
      const started = performance.now();
      const answer = await listing();
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(answer.ollama).toMatchObject({ running: false, models: [] });
      expect(answer.models.length).toBeGreaterThan(0);
    } finally {
      await value('settings.set', { name: 'ollamaHost', value: downHost });
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('downloads a model with progress events up to its full size, into models/llm', async () => {
    events.length = 0;
    await expect(value('notesModels.download', { name: 'test-notes-small' })).resolves.toEqual({
      name: 'test-notes-small',
    });
    const progress = progressOf('test-notes-small');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[0]?.receivedBytes).toBe(0);
    expect(progress.at(-1)).toEqual({
      name: 'test-notes-small',
      receivedBytes: small.bytes.length,
      totalBytes: small.bytes.length,
    });
    expect(events.some((e) => e.name === 'notesModels.changed')).toBe(true);
    expect(statSync(path.join(llm(), small.file)).size).toBe(small.bytes.length);
    // The setting is empty: the first installed model is the one notes are written with.
    expect(await model('test-notes-small')).toMatchObject({
      installed: true,
      inUse: true,
      downloading: false,
    });
  });

  it('cancels a running download, keeps the part, and the next download resumes it', async () => {
    const release = server.holdAfter(700_000);
    events.length = 0;
    server.requests.length = 0;
    const download = call('notesModels.download', { name: 'test-notes-large' });
    await expect
      .poll(() => progressOf('test-notes-large').some((p) => p.receivedBytes > 0))
      .toBe(true);
    // Asking again while it runs joins the same download (the server saw one request).
    const joined = call('notesModels.download', { name: 'test-notes-large' });
    expect(await model('test-notes-large')).toMatchObject({ downloading: true });
    expect(server.requests).toHaveLength(1);
    await expect(
      value('notesModels.cancelDownload', { name: 'test-notes-large' }),
    ).resolves.toEqual({ cancelled: true });
    expect(envelopeError(await download).code).toBe('cancelled');
    expect(envelopeError(await joined).code).toBe('cancelled');
    release();
    const after = await model('test-notes-large');
    expect(after).toMatchObject({ installed: false, downloading: false });
    expect(after?.partialBytes).toBeGreaterThan(0);
    expect(existsSync(path.join(llm(), `${large.file}.part`))).toBe(true);
    server.requests.length = 0;
    await value('notesModels.download', { name: 'test-notes-large' });
    expect(server.requests.map((r) => r.range)).toEqual([`bytes=${after?.partialBytes}-`]);
    expect(await model('test-notes-large')).toMatchObject({ installed: true, partialBytes: 0 });
    expect(await value('notesModels.cancelDownload', { name: 'test-notes-large' })).toEqual({
      cancelled: false,
    });
  });

  it('refuses to delete the model in use with what to do, and deletes another', async () => {
    await value('settings.set', { name: 'embeddedModel', value: large.file });
    expect(await model('test-notes-large')).toMatchObject({ inUse: true });
    expect(await model('test-notes-small')).toMatchObject({ inUse: false });
    const refused = await call('notesModels.delete', { name: 'test-notes-large' });
    expect(envelopeError(refused)).toMatchObject({
      code: 'model_in_use',
      message: expect.stringMatching(/Choose another notes model first/) as unknown,
    });
    expect(existsSync(path.join(llm(), large.file))).toBe(true);
    await value('notesModels.delete', { name: 'test-notes-small' });
    expect(await model('test-notes-small')).toMatchObject({ installed: false });
    expect(existsSync(path.join(llm(), small.file))).toBe(false);
  });

  it('lists a GGUF file that is not in the catalogue, and deletes it by its file name', async () => {
    mkdirSync(llm(), { recursive: true });
    writeFileSync(path.join(llm(), 'my-own.gguf'), Buffer.from('GGUF-not-a-real-model'));
    expect(await model('my-own.gguf')).toMatchObject({
      source: 'other',
      installed: true,
      inUse: false,
      ramBytes: null,
      licence: null,
    });
    await value('notesModels.delete', { name: 'my-own.gguf' });
    expect(await model('my-own.gguf')).toBeUndefined();
  });

  it('refuses unknown models and names that are not model names, saying why', async () => {
    const unknown = envelopeError(await call('notesModels.download', { name: 'no-such-model' }));
    expect(unknown).toMatchObject({
      category: 'validation',
      code: 'unknown_model',
      message: expect.stringMatching(/no notes model called "no-such-model"/) as unknown,
    });
    expect(envelopeError(await call('notesModels.delete', { name: 'no-such' })).code).toBe(
      'invalid_model_name',
    );
    expect(envelopeError(await call('notesModels.delete', { name: 'gone.gguf' })).code).toBe(
      'model_missing',
    );
    const badName = await call('notesModels.delete', { name: '../cairn.db' });
    expect(envelopeError(badName).code).toBe('invalid_input');
  });
});
