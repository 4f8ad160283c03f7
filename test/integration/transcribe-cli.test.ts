import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCairn } from '../helpers/cli';
import { makeTempDir } from '../helpers/fixtures';
import { startModelServer, type ModelServer } from '../helpers/model-server';
import { wordErrorRate } from '../helpers/wer';
import { JFK_MP3, JFK_TEXT, testWhisperModel } from '../helpers/whisper';

describe('cairn transcribe and cairn models', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'library');
  const modelsDir = path.join(dataDir, 'models');
  let model: string;
  let server: ModelServer;
  beforeAll(async () => {
    model = testWhisperModel();
    // Serves our converted base model under the official name: its checksum is not the official one.
    server = await startModelServer({ 'ggml-base.bin': readFileSync(model) });
  });
  afterAll(async () => {
    await server.close();
    temp.remove();
  });

  it('says how to get a model when none is installed', async () => {
    const result = await runCairn(['transcribe', JFK_MP3], { dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /"base" is not installed\. Download it with: cairn models download base/,
    );
  });

  it('transcribes any recording with a model given by path (preparing it first)', async () => {
    const result = await runCairn(
      ['transcribe', JFK_MP3, '--model', model, '--language', 'en', '--json'],
      { dataDir },
    );
    expect(result.code).toBe(0);
    const transcript = JSON.parse(result.stdout) as { segments: { text: string; start: number }[] };
    expect(
      wordErrorRate(JFK_TEXT, transcript.segments.map((s) => s.text).join(' ')),
    ).toBeLessThanOrEqual(0.1);
  });

  it('imports, lists and removes a model file', async () => {
    const imported = await runCairn(['models', 'import', model], { dataDir });
    expect(imported.code).toBe(0);
    // Not the published file, so it does not pass for "base".
    expect(imported.stdout).toMatch(/Imported model "base-imported"/);
    const listed = JSON.parse(
      (await runCairn(['models', 'list', '--json'], { dataDir })).stdout,
    ) as {
      installed: { name: string; source: string }[];
      available: { name: string; installed: boolean }[];
    };
    expect(listed.installed).toEqual([
      expect.objectContaining({ name: 'base-imported', source: 'imported' }),
    ]);
    expect(listed.available.find((m) => m.name === 'base')?.installed).toBe(false);

    const used = await runCairn(
      ['transcribe', JFK_MP3, '--model', 'base-imported', '--language', 'en'],
      { dataDir },
    );
    expect(used.stdout).toMatch(/ask not what your country can do for you/i);

    expect((await runCairn(['models', 'remove', 'base-imported'], { dataDir })).code).toBe(0);
    expect(readdirSync(modelsDir)).toEqual([]);
  }, 60_000);

  it('refuses a downloaded model whose checksum does not match, and keeps nothing', async () => {
    const result = await runCairn(['models', 'download', 'base'], {
      dataDir,
      env: { CAIRN_MODEL_HOST: server.url },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/did not match its published checksum and was deleted/);
    expect(server.requests.map((r) => r.path)).toContain('/ggml-base.bin');
    expect(readdirSync(modelsDir)).toEqual([]);
  });

  it('refuses an unknown model name as bad input', async () => {
    const result = await runCairn(['models', 'download', 'enormous'], { dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no Whisper model called "enormous"/);
  });
});
