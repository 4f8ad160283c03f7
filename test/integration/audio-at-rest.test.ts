import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { dataLayout } from '../../electron/core/config/data-dir';
import { isEncryptedFile } from '../../electron/core/security/file-crypto';
import { plainRoot } from '../../electron/core/security/plain-workspace';
import { killCairnGroup, runCairn, spawnCairnGroup } from '../helpers/cli';
import { listFiles } from '../helpers/files';
import { makeTempDir } from '../helpers/fixtures';
import { pipelineEnv, processJson, twoVoiceRecording } from '../helpers/pipeline';
import { processesMentioning } from '../helpers/process-tree';
import { plainBytesOf } from '../helpers/stored-files';

const CLIENT = 'Marisol Quintanilla-Brightwater';

/** A stretch of the recording's audio samples (past the header): what a plain copy would hold. */
function audioSlice(file: string): Buffer {
  return readFileSync(file).subarray(4096, 4096 + 2048);
}

/** Recordings, prepared audio and everything a run leaves on disk, encrypted at rest. */
describe('audio and transcripts at rest', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('after a full pipeline run no file in the library holds the audio, the transcript or the names in plain', async () => {
    const dataDir = path.join(temp.dir, 'full');
    const recording = twoVoiceRecording(30, 21);
    const result = await runCairn(['process', recording, '--client', CLIENT, '--json'], {
      dataDir,
      env: pipelineEnv(),
    });
    expect(result.code, result.stderr).toBe(0);
    const processed = processJson(result);
    // Words long enough not to occur in binary by chance; the check is empty without them.
    const words = [
      ...new Set(processed.transcript.flatMap((line) => line.text.match(/[A-Za-z]{7,}/g) ?? [])),
    ];
    expect(words.length).toBeGreaterThan(3);
    const files = listFiles(dataDir).map((f) => path.join(dataDir, f));
    const slice = audioSlice(recording);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [CLIENT, 'Quintanilla', ...words])
        expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
      expect(bytes.includes(slice), `audio in ${file}`).toBe(false);
    }
    // The stored copy is the recording, for whoever has the key.
    const stored = files.filter((f) => f.includes(`${path.sep}recordings${path.sep}`));
    expect(stored).toHaveLength(1);
    expect((await plainBytesOf(stored[0] ?? '')).equals(readFileSync(recording))).toBe(true);
    // No decrypted copy outlives its stage.
    expect(listFiles(plainRoot(dataLayout(dataDir)))).toEqual([]);
  }, 300_000);

  it('keeps the prepared audio encrypted, and a decrypted copy a kill -9 left behind is wiped at the next start', async () => {
    const dataDir = path.join(temp.dir, 'killed');
    const recording = twoVoiceRecording(30, 22);
    const child = spawnCairnGroup(['process', recording], { dataDir, env: pipelineEnv() });
    const plain = plainRoot(dataLayout(dataDir));
    // Kill the whole process group while whisper reads the prepared audio's decrypted copy: once
    // the preprocess stage has sealed it into work/ (before that, preprocess's own ffmpeg is the
    // one writing a prepared.wav). Whisper, not any process: a short one (a probe) can end between
    // being seen and the kill, and then the kill lands after the stage tidied up.
    const preparedSealed = () =>
      listFiles(path.join(dataDir, 'work')).some((f) => f.endsWith('prepared.wav.cairnenc'));
    const whisperOnPrepared = () =>
      preparedSealed()
        ? processesMentioning(plain).filter((pid) => {
            try {
              const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
              return cmdline.includes('whisper') && cmdline.includes('prepared.wav');
            } catch {
              return false; // it ended while we looked
            }
          })
        : [];
    let engines: number[] = [];
    for (let i = 0; i < 1200 && engines.length === 0; i += 1) {
      engines = whisperOnPrepared();
      if (engines.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(engines.length).toBeGreaterThan(0);
    await killCairnGroup(child);

    const prepared = listFiles(path.join(dataDir, 'work')).map((f) =>
      path.join(dataDir, 'work', f),
    );
    expect(prepared.some((f) => f.endsWith('prepared.wav.cairnenc'))).toBe(true);
    for (const file of prepared) {
      expect(await isEncryptedFile(file)).toBe(true);
      expect(readFileSync(file).subarray(0, 4).toString('latin1')).not.toBe('RIFF');
    }
    // The crash left plaintext behind, in the dead process's workspace only.
    const left = readdirSync(plain);
    expect(left.some((name) => name.startsWith(`${child.pid}-`))).toBe(true);
    expect(listFiles(plain).some((f) => f.endsWith('prepared.wav'))).toBe(true);

    const core = await startCore({ dataDir, actor: 'app', transport: 'in-process' });
    try {
      expect(readdirSync(plain)).toEqual([]);
      const [session] = await call(core, 'sessions.list', {});
      expect(session).toBeDefined();
    } finally {
      await core.shutdown();
    }
  }, 300_000);
});
