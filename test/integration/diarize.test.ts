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
import { testVoiceEncoder } from '../helpers/voice-encoder';

describe('diarization (voice encoder engine, in a child process)', () => {
  beforeAll(() => {
    testVoiceEncoder();
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

  it('finds the two people in a real recording (sample.wav)', async () => {
    const reference = parseRttm(readFileSync(SAMPLE_WAV.replace(/\.wav$/, '.rttm'), 'utf8'));
    const { turns } = await diarizeWav(await prepare(SAMPLE_WAV, 'sample'));
    expect(new Set(turns.map((t) => t.speaker)).size).toBe(2);
    expect(diarizationErrorRate(reference.get('sample') ?? [], turns).der).toBeLessThan(0.25);
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
      speakers: ['SPEAKER_00', 'SPEAKER_01'],
    });
    expect(
      (await runCairn(['diarize', SAMPLE_WAV, '--speakers', 'many'], { dataDir: temp.dir })).code,
    ).toBe(2);
  });
});
