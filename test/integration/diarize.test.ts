import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preprocessRecording } from '../../electron/core/audio/preprocess/preprocess-recording';
import { diarizeWav } from '../../electron/core/diarize/diarize';
import { diarizationErrorRate } from '../../electron/core/diarize/evaluation/der';
import { parseRttm } from '../../electron/core/diarize/evaluation/rttm';
import { CancelledError } from '../../electron/core/errors';
import { renderSession } from '../fixtures/sessions/render';
import { runCairn } from '../helpers/cli';
import { makeTempDir, SAMPLE_WAV } from '../helpers/fixtures';
import { makeSilence } from '../helpers/media';
import { testDiarizationModels } from '../helpers/diarization-models';

describe('diarization (voice encoder engine, in a child process)', () => {
  beforeAll(() => {
    testDiarizationModels();
  });
  const temp = makeTempDir();
  const prepare = async (input: string, name: string) =>
    (await preprocessRecording(input, path.join(temp.dir, `${name}.wav`))).output;
  let twoVoices: { wav: string; reference: { speaker: string; start: number; end: number }[] };
  beforeAll(async () => {
    const session = renderSession({ seconds: 120, speakers: 2, seed: 3 });
    twoVoices = { wav: await prepare(session.master, 'two'), reference: session.segments };
  }, 120_000);
  afterAll(() => temp.remove());

  it('finds no speaker in silence', async () => {
    const silence = path.join(temp.dir, 'silence-src.wav');
    makeSilence(silence, 30);
    expect(await diarizeWav(await prepare(silence, 'silence'))).toEqual({
      turns: [],
      engine: 'voice-encoder',
      segmentation: true,
    });
  });

  it('finds one speaker when one person talks', async () => {
    const session = renderSession({ seconds: 120, speakers: 1, seed: 2 });
    const { turns } = await diarizeWav(await prepare(session.master, 'one'));
    expect(new Set(turns.map((t) => t.speaker)).size).toBe(1);
    expect(diarizationErrorRate(session.segments, turns).der).toBeLessThan(0.05);
  });

  it('separates two voices', async () => {
    const auto = await diarizeWav(twoVoices.wav);
    expect(auto.engine).toBe('voice-encoder');
    expect(new Set(auto.turns.map((t) => t.speaker)).size).toBe(2);
    expect(diarizationErrorRate(twoVoices.reference, auto.turns).der).toBeLessThan(0.08);
  });

  it('finds the two people in a real recording (sample.wav), overlap included', async () => {
    const reference = parseRttm(readFileSync(SAMPLE_WAV.replace(/\.wav$/, '.rttm'), 'utf8'));
    const { turns } = await diarizeWav(await prepare(SAMPLE_WAV, 'sample'));
    expect(new Set(turns.map((t) => t.speaker)).size).toBe(2);
    const result = diarizationErrorRate(reference.get('sample') ?? [], turns);
    expect(result.der).toBeLessThan(0.15);
    // The reference has about 2 s of two people at once; the segmentation model hears it.
    expect(result.missedSec / result.totalSec).toBeLessThan(0.05);
    const overlapSec = turns.reduce(
      (sum, a) =>
        sum +
        turns
          .filter((b) => b.speaker > a.speaker)
          .reduce(
            (s, b) => s + Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)),
            0,
          ),
      0,
    );
    expect(overlapSec).toBeGreaterThan(0.5);
  });

  it('falls back to Silero VAD and clustered labels without the segmentation model', async () => {
    const saved = process.env.CAIRN_SEGMENTATION_MODEL;
    process.env.CAIRN_SEGMENTATION_MODEL = path.join(temp.dir, 'no-such-model.onnx');
    try {
      const { turns, engine, segmentation } = await diarizeWav(twoVoices.wav);
      expect(engine).toBe('voice-encoder');
      expect(segmentation).toBe(false);
      expect(diarizationErrorRate(twoVoices.reference, turns).der).toBeLessThan(0.08);
    } finally {
      if (saved === undefined) delete process.env.CAIRN_SEGMENTATION_MODEL;
      else process.env.CAIRN_SEGMENTATION_MODEL = saved;
    }
  });

  it('still separates two voices with the classical engine (used when the model is missing)', async () => {
    const classical = await diarizeWav(twoVoices.wav, { speakers: 2, engine: 'classical' });
    expect(classical.engine).toBe('classical');
    expect(diarizationErrorRate(twoVoices.reference, classical.turns).der).toBeLessThan(0.1);
  });

  it('reports progress and stops the worker when cancelled', async () => {
    const long = renderSession({ seconds: 600, speakers: 2, seed: 3 });
    const wav = await prepare(long.master, 'long');
    const controller = new AbortController();
    const progress: number[] = [];
    const running = diarizeWav(
      wav,
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          controller.abort();
        },
      },
    );
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(progress.length).toBeGreaterThan(0);
  }, 60_000);

  it('writes RTTM named after the recording from the CLI', async () => {
    const rttm = path.join(temp.dir, 'out.rttm');
    const result = await runCairn(
      ['diarize', SAMPLE_WAV, '--speakers', '2', '--rttm', rttm, '--json'],
      {
        dataDir: path.join(temp.dir, 'library'),
      },
    );
    expect(result.code).toBe(0);
    const parsed = parseRttm(readFileSync(rttm, 'utf8'));
    expect([...parsed.keys()]).toEqual(['sample']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      engine: 'voice-encoder',
      segmentation: true,
      speakers: ['SPEAKER_00', 'SPEAKER_01'],
    });
    expect(
      (await runCairn(['diarize', SAMPLE_WAV, '--speakers', 'many'], { dataDir: temp.dir })).code,
    ).toBe(2);
  });
});
