import { mkdirSync, openSync, closeSync, writeSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preprocessRecording } from '../../electron/core/audio/preprocess/preprocess-recording';
import { CancelledError } from '../../electron/core/errors';
import { requireWhisperCli } from '../../electron/core/transcribe/engine/binary';
import { runWhisper } from '../../electron/core/transcribe/engine/run-whisper';
import { transcribeWav } from '../../electron/core/transcribe/transcribe';
import { encodeSession } from '../fixtures/sessions/encode';
import { renderSession } from '../fixtures/sessions/render';
import { ffmpegSync } from '../helpers/media';
import { makeTempDir } from '../helpers/fixtures';
import { processesMentioning } from '../helpers/process-tree';
import { wordErrorRate } from '../helpers/wer';
import { JFK_MP3, JFK_TEXT, testWhisperModel } from '../helpers/whisper';

/** Real whisper-cli (built by npm install) with a real Whisper base model. */
describe('transcription with whisper.cpp', () => {
  const temp = makeTempDir();
  const modelsDir = path.join(temp.dir, 'models');
  let model: string;
  let jfkWav: string;
  let longWav: string;
  beforeAll(async () => {
    model = testWhisperModel();
    mkdirSync(modelsDir);
    jfkWav = (await preprocessRecording(JFK_MP3, path.join(temp.dir, 'jfk.wav'))).output;
    const session = renderSession({ seconds: 190, speakers: 3, seed: 7 });
    longWav = (
      await preprocessRecording(encodeSession(session, 'wav'), path.join(temp.dir, 'long.wav'))
    ).output;
  }, 120_000);
  afterAll(() => temp.remove());

  it('transcribes JFK within 10 % word error rate', async () => {
    const transcript = await transcribeWav(jfkWav, { model, language: 'en' }, { modelsDir });
    const text = transcript.segments.map((s) => s.text).join(' ');
    expect(wordErrorRate(JFK_TEXT, text)).toBeLessThanOrEqual(0.1);
    expect(transcript.language).toBe('en');
    const words = transcript.segments.flatMap((s) => s.words);
    expect(words.length).toBeGreaterThan(15);
    for (const word of words) expect(word.end).toBeGreaterThanOrEqual(word.start);
  });

  it('reports progress that only rises and reaches 100', async () => {
    const progress: number[] = [];
    await transcribeWav(
      longWav,
      { model, language: 'en', onProgress: (p) => progress.push(p) },
      { modelsDir },
    );
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(100);
    for (let i = 1; i < progress.length; i += 1)
      expect(progress[i]).toBeGreaterThan(progress[i - 1] ?? 0);
  }, 120_000);

  it('cancels: the engine is killed and no child is left', async () => {
    const controller = new AbortController();
    const running = transcribeWav(longWav, { model, signal: controller.signal }, { modelsDir });
    setTimeout(() => controller.abort(), 1500);
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(processesMentioning(longWav)).toEqual([]);
  });

  it('stops a run that exceeds its time limit with a transient error', async () => {
    const running = transcribeWav(longWav, { model, timeoutMs: 500 }, { modelsDir });
    await expect(running).rejects.toMatchObject({ category: 'transient', code: 'engine_timeout' });
    expect(processesMentioning(longWav)).toEqual([]);
  });

  it('puts timestamps in seconds of the original recording', async () => {
    // 4 s of silence, then JFK: trimmed before transcription, mapped back after.
    const padded = path.join(temp.dir, 'padded.wav');
    ffmpegSync([
      '-f',
      'lavfi',
      '-i',
      'anullsrc=r=16000:cl=mono',
      '-i',
      jfkWav,
      '-filter_complex',
      '[0]atrim=0:4[s];[s][1]concat=n=2:v=0:a=1',
      padded,
    ]);
    const prepared = await preprocessRecording(padded, path.join(temp.dir, 'padded-trimmed.wav'), {
      trimSilence: true,
    });
    expect(prepared.offsets.startSec).toBeGreaterThan(3.5);
    const plain = await transcribeWav(jfkWav, { model, language: 'en' }, { modelsDir });
    const mapped = await transcribeWav(
      prepared.output,
      { model, language: 'en', offsetSec: prepared.offsets.startSec },
      { modelsDir },
    );
    const first = (t: typeof plain) => t.segments[0]?.words[0]?.start ?? Number.NaN;
    // Whisper's word times are coarse (tens of ms); what matters is that they are shifted by the
    // trimmed 4 s, not left in the prepared file's time (where the first word is near 0.3 s).
    expect(first(mapped)).toBeGreaterThan(3.5);
    expect(Math.abs(first(mapped) - (4 + first(plain)))).toBeLessThan(0.5);
    const last = mapped.segments.at(-1)?.end ?? 0;
    expect(last).toBeLessThanOrEqual(prepared.offsets.endSec + 0.5);
  }, 60_000);

  it('reports an engine crash as a transient error (simulated: a fake engine that kills itself)', async () => {
    // A real whisper-cli cannot be made to crash on demand; this stand-in dies by SIGSEGV the way a
    // crashing engine would. The real engine's other endings are tested above with the real binary.
    const fake = path.join(temp.dir, 'fake-crashing-whisper-cli');
    writeFileSync(fake, '#!/bin/sh\nkill -SEGV $$\n', { mode: 0o755 });
    const run = runWhisper({ binary: fake, model, wav: jfkWav, durationSec: 11, language: 'en' });
    await expect(run).rejects.toMatchObject({ category: 'transient', code: 'engine_crashed' });
  });

  it('reports audio the engine cannot read as a permanent error, not a model problem', async () => {
    const garbage = path.join(temp.dir, 'garbage.wav');
    writeFileSync(garbage, 'not audio at all');
    const run = runWhisper({
      binary: requireWhisperCli(),
      model,
      wav: garbage,
      durationSec: 1,
      language: 'en',
    });
    await expect(run).rejects.toMatchObject({ category: 'permanent', code: 'audio_unreadable' });
  });

  it('refuses a missing model with the command that fixes it', async () => {
    await expect(transcribeWav(jfkWav, { model: 'small.en' }, { modelsDir })).rejects.toMatchObject(
      {
        category: 'permanent',
        code: 'model_missing',
        userMessage: expect.stringContaining('cairn models download small.en') as unknown,
      },
    );
  });

  it('refuses a file that is not a model, and a damaged model, with typed errors', async () => {
    const notAModel = path.join(modelsDir, 'ggml-notes.bin');
    writeFileSync(notAModel, 'these are not weights');
    await expect(transcribeWav(jfkWav, { model: 'notes' }, { modelsDir })).rejects.toMatchObject({
      code: 'model_invalid',
    });

    // A real header followed by too little data: only the engine can tell, and it must say so clearly.
    const damaged = path.join(modelsDir, 'ggml-damaged.bin');
    const fd = openSync(damaged, 'w');
    writeSync(fd, readFileSync(model).subarray(0, 8 * 1024 * 1024));
    closeSync(fd);
    await expect(transcribeWav(jfkWav, { model: damaged }, { modelsDir })).rejects.toMatchObject({
      category: 'permanent',
      code: 'model_invalid',
    });
  });
});
