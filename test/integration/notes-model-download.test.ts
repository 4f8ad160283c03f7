import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotesCatalogueModel } from '../../electron/core/notes/models/catalogue';
import {
  downloadNotesModel,
  listNotesModels,
  removeNotesModel,
} from '../../electron/core/notes/models/notes-model-store';
import { runCairn } from '../helpers/cli';
import { makeTempDir } from '../helpers/fixtures';
import { startModelServer, type ModelServer } from '../helpers/model-server';

// A fake GGUF payload: the magic, then random bytes; the store never parses it.
const GGUF = Buffer.concat([Buffer.from('GGUF'), randomBytes(2 * 1024 * 1024)]);
const sha256 = createHash('sha256').update(GGUF).digest('hex');

function entry(name: string, hash: string | null): NotesCatalogueModel {
  return {
    name,
    label: name,
    file: `${name}.gguf`,
    sizeBytes: GGUF.length,
    ramBytes: 1024 ** 3,
    contextLength: 4096,
    licence: 'test',
    sha256: hash,
    url: 'http://never.invalid/',
  };
}

const catalogue = [entry('good', sha256), entry('sizeonly', null), entry('bad', '0'.repeat(64))];

describe('notes models download into <models>/llm (local HTTP server)', () => {
  const temp = makeTempDir();
  const modelsDir = path.join(temp.dir, 'models');
  const llm = path.join(modelsDir, 'llm');
  let server: ModelServer;
  const opts = () => ({ catalogue, host: server.url, retryDelayMs: 10 });
  beforeAll(async () => {
    server = await startModelServer({ 'good.gguf': GGUF, 'sizeonly.gguf': GGUF, 'bad.gguf': GGUF });
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('downloads and verifies, then lists it as installed', async () => {
    const progress: number[] = [];
    const target = await downloadNotesModel(modelsDir, 'good', {
      ...opts(),
      onProgress: (r) => progress.push(r),
    });
    expect(target).toBe(path.join(llm, 'good.gguf'));
    expect(readFileSync(target).equals(GGUF)).toBe(true);
    expect(progress.at(-1)).toBe(GGUF.length);
    const listing = await listNotesModels(modelsDir, { catalogue });
    expect(listing.available.find((m) => m.name === 'good')?.installed).toBe(true);
  });

  it('resumes after an interrupted download (size-only entry)', async () => {
    server.requests.length = 0;
    server.cutAfter(500_000);
    const target = await downloadNotesModel(modelsDir, 'sizeonly', opts());
    expect(readFileSync(target).equals(GGUF)).toBe(true);
    expect(server.requests[1]?.range).toMatch(/^bytes=\d+-$/);
  });

  it('refuses a checksum mismatch and installs nothing', async () => {
    await expect(downloadNotesModel(modelsDir, 'bad', opts())).rejects.toMatchObject({
      code: 'checksum_mismatch',
    });
    expect(existsSync(path.join(llm, 'bad.gguf'))).toBe(false);
    expect(existsSync(path.join(llm, 'bad.gguf.part'))).toBe(false);
  });

  it('cancel leaves a resumable partial, and the next download resumes', async () => {
    await removeNotesModel(modelsDir, 'good', catalogue);
    const release = server.holdAfter(700_000);
    const controller = new AbortController();
    const running = downloadNotesModel(modelsDir, 'good', {
      ...opts(),
      signal: controller.signal,
      onProgress: (r) => {
        if (r >= 700_000) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    release();
    const part = path.join(llm, 'good.gguf.part');
    expect(statSync(part).size).toBeGreaterThan(0);
    expect((await listNotesModels(modelsDir, { catalogue })).available[0]?.partialBytes).toBe(
      statSync(part).size,
    );
    server.requests.length = 0;
    await downloadNotesModel(modelsDir, 'good', opts());
    expect(server.requests[0]?.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(readFileSync(path.join(llm, 'good.gguf')).equals(GGUF)).toBe(true);
  });

  it('deletes an installed model and refuses one that is not there', async () => {
    await removeNotesModel(modelsDir, 'good', catalogue);
    expect(existsSync(path.join(llm, 'good.gguf'))).toBe(false);
    await expect(removeNotesModel(modelsDir, 'good', catalogue)).rejects.toMatchObject({
      code: 'model_missing',
    });
  });

  it('cairn models: unknown notes model exits 2; --kind notes lists GGUF files', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const env = { CAIRN_MODELS_DIR: modelsDir };
    const unknown = await runCairn(['models', 'download', 'enormous', '--kind', 'notes'], {
      dataDir,
      env,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no notes model called "enormous"/);
    mkdirSync(llm, { recursive: true });
    writeFileSync(path.join(llm, 'mine.gguf'), GGUF.subarray(0, 10));
    const list = await runCairn(['models', 'list', '--kind', 'notes', '--json'], { dataDir, env });
    expect(list.code).toBe(0);
    const json = JSON.parse(list.stdout) as {
      installed: { file: string }[];
      recommended: { name: string; reason: string };
    };
    expect(json.installed.map((f) => f.file)).toContain('mine.gguf');
    expect(json.recommended.reason.length).toBeGreaterThan(10);
    expect(
      (await runCairn(['models', 'remove', 'mine.gguf', '--kind', 'notes'], { dataDir, env })).code,
    ).toBe(0);
  });
});
