import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataLayout } from '../../electron/core/config/data-dir';
import { sessionWorkDir } from '../../electron/core/pipeline/run-pipeline';
import { plainRoot } from '../../electron/core/security/plain-workspace';
import { runCairn } from '../helpers/cli';
import { listFiles } from '../helpers/files';
import { makeTempDir } from '../helpers/fixtures';
import { pipelineEnv, processJson, readLibrary } from '../helpers/pipeline';
import { JFK_MP3 } from '../helpers/whisper';

/**
 * `cairn process` with no Whisper model installed (the models folder pointed at an empty one):
 * the run fails before its first stage, with what to install and where, exit 2, and nothing
 * prepared. A run that no longer has to transcribe needs no model at all.
 */
describe('a run whose Whisper model is missing', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'library');
  const noModels = path.join(temp.dir, 'no-models');
  mkdirSync(noModels);
  const layout = dataLayout(dataDir);
  let failedRunId = '';
  afterAll(() => temp.remove());

  it('fails before any stage runs, says which model and how to install it, exit 2', async () => {
    const result = await runCairn(['process', JFK_MP3, '--skip-notes', '--json'], {
      dataDir,
      env: { CAIRN_MODELS_DIR: noModels },
    });
    expect(result.code, result.stderr).toBe(2);
    const out = processJson(result);
    failedRunId = out.runId;
    expect(out.status).toBe('failed');
    expect(out.error).toMatch(/The Whisper model "base" is not installed/);
    expect(out.error).toMatch(/cairn models download base/);
    expect(out.error).toMatch(/Settings → Transcription/);
    expect(result.stderr).toContain(out.error);
    // Not one stage started: validation and preprocessing are not worked through for nothing.
    expect(out.stages.map((s) => [s.stage, s.status, s.attempts])).toEqual(
      out.stages.map((s) => [s.stage, 'pending', 0]),
    );
    expect(existsSync(sessionWorkDir(layout, out.sessionId))).toBe(false);
    expect(listFiles(plainRoot(layout))).toEqual([]); // no decrypted copy either

    const db = readLibrary(dataDir);
    try {
      expect(db.stages(out.runId).every((s) => s.status === 'pending' && s.attempts === 0)).toBe(
        true,
      );
      const actions = db.audit(out.runId).map((e) => e.action);
      expect(actions.filter((a) => a.startsWith('pipeline.stage.'))).toEqual([]);
      expect(actions).toContain('pipeline.run.failed');
      const run = db.raw
        .prepare('select error_category as category from pipeline_runs where id = ?')
        .get(out.runId) as { category: string };
      expect(run.category).toBe('validation');
    } finally {
      db.close();
    }
  }, 60_000);

  it('runs once the model is there, and a run that starts after transcription needs none', async () => {
    // The model installed (the test model's folder): the same run is retried and completes.
    const retried = await runCairn(['retry', failedRunId, '--json'], {
      dataDir,
      env: pipelineEnv(),
    });
    expect(retried.code, retried.stderr).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ id: failedRunId, status: 'completed' });

    // The model gone again: starting at the notes reuses the transcript, so it is not asked for.
    const notesOnly = await runCairn(['process', JFK_MP3, '--start-from', 'notes', '--json'], {
      dataDir,
      env: { CAIRN_MODELS_DIR: noModels },
    });
    expect(notesOnly.code, notesOnly.stderr).toBe(0);
    const out = processJson(notesOnly);
    expect(out.status).toBe('completed');
    expect(out.stages.filter((s) => s.attempts > 0).map((s) => s.stage)).toEqual([
      'notes',
      'finalize',
    ]);
    expect(out.transcript.map((l) => l.text).join(' ')).toMatch(/ask not what your country/i);
  }, 180_000);
});
