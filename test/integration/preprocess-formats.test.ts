import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../electron/core/audio/intake/probe';
import { preprocessRecording } from '../../electron/core/audio/preprocess/preprocess-recording';
import { encodeSession, FIXTURE_FORMATS, type FixtureFormat } from '../fixtures/sessions/encode';
import { renderSession, type RenderedSession } from '../fixtures/sessions/render';
import { makeTempDir } from '../helpers/fixtures';
import { audioStreamInfo, snrDb, wavSamples, ffmpegSync } from '../helpers/media';

const FORMATS = Object.keys(FIXTURE_FORMATS) as FixtureFormat[];

describe('preprocessing every accepted format (generated espeak-ng sessions)', () => {
  const temp = makeTempDir();
  let short: RenderedSession;
  let long: RenderedSession;
  beforeAll(() => {
    short = renderSession({ seconds: 20, speakers: 2 });
    long = renderSession({ seconds: 190, speakers: 3, seed: 7 });
  }, 120_000);
  afterAll(() => temp.remove());

  it.each(FORMATS)('converts %s to 16 kHz mono s16 of the same length (±20 ms)', async (format) => {
    const input = encodeSession(short, format);
    const output = path.join(temp.dir, `short-${format}.wav`);
    const result = await preprocessRecording(input, output);

    expect(audioStreamInfo(output)).toMatchObject({
      codec: 'pcm_s16le',
      sampleRate: 16_000,
      channels: 1,
    });
    expect(Math.abs(audioStreamInfo(output).durationSec - short.durationSec)).toBeLessThan(0.02);
    expect(Math.abs(result.durationSec - short.durationSec)).toBeLessThan(0.02);
    expect(result).toMatchObject({ offsets: { startSec: 0 }, gainDb: 0, silent: false, chunks: 1 });
  });

  it.each(FORMATS)(
    'joins parallel chunks of %s at sample level, identical to one pass',
    async (format) => {
      const input = encodeSession(long, format);
      const single = await preprocessRecording(input, path.join(temp.dir, `long-${format}-1.wav`), {
        parallelism: 1,
      });
      const chunked = await preprocessRecording(
        input,
        path.join(temp.dir, `long-${format}-2.wav`),
        { parallelism: 2 },
      );
      expect(single.chunks).toBe(1);
      // Ogg seeks can land between input samples; then the join check falls back to one piece.
      if (format !== 'ogg') expect(chunked.chunks).toBe(2);
      const a = wavSamples(single.output);
      const b = wavSamples(chunked.output);
      expect(b.length).toBe(a.length);
      // No click, no drift: the chunked result matches the single pass (AAC differs inaudibly, ~58 dB).
      expect(snrDb(a, b)).toBeGreaterThan(45);
      expect(Math.abs(chunked.durationSec - long.durationSec)).toBeLessThan(0.02);
    },
  );

  it('decodes a VBR MP3 whose length ffprobe can only guess in one piece, at its true length', async () => {
    const input = path.join(temp.dir, 'vbr-without-xing.mp3');
    ffmpegSync(['-i', long.master, '-c:a', 'libmp3lame', '-q:a', '6', '-write_xing', '0', input]);
    const probed = await probeMedia(input);
    expect(probed).toMatchObject({ ok: true, probe: { durationEstimated: true } });
    const result = await preprocessRecording(input, path.join(temp.dir, 'vbr.wav'));
    expect(result.chunks).toBe(1); // no chunk edges placed by a guess
    // Without a LAME tag the encoder's delay and padding stay in (< 0.11 s); nothing is lost.
    expect(result.durationSec - long.durationSec).toBeGreaterThanOrEqual(0);
    expect(result.durationSec - long.durationSec).toBeLessThan(0.11);
  });

  it('trims silence and reports offsets that map back to the original', async () => {
    const input = encodeSession(short, 'flac');
    const result = await preprocessRecording(input, path.join(temp.dir, 'trimmed.wav'), {
      trimSilence: true,
    });
    const firstSpeech = short.segments[0]?.start ?? 0;
    const lastSpeech = short.segments.at(-1)?.end ?? 0;
    expect(result.offsets.startSec).toBeGreaterThan(0);
    expect(result.offsets.startSec).toBeLessThan(firstSpeech);
    expect(result.offsets.endSec).toBeGreaterThan(lastSpeech - 0.05);
    expect(result.offsets.endSec).toBeLessThanOrEqual(result.originalDurationSec);
    expect(result.durationSec).toBeCloseTo(result.offsets.endSec - result.offsets.startSec, 3);
    // Prepared sample n is original sample n + offset: the audio is the same, shifted.
    const original = wavSamples(
      (await preprocessRecording(input, path.join(temp.dir, 'untrimmed.wav'))).output,
    );
    const trimmed = wavSamples(result.output);
    const shift = Math.round(result.offsets.startSec * 16_000);
    expect(snrDb(original.subarray(shift, shift + trimmed.length), trimmed)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('normalises quiet speech with one gain', async () => {
    const input = encodeSession(short, 'wav');
    const plain = await preprocessRecording(input, path.join(temp.dir, 'plain.wav'));
    const normalised = await preprocessRecording(input, path.join(temp.dir, 'normalised.wav'), {
      normalize: true,
    });
    expect(normalised.gainDb).toBeGreaterThan(3);
    const ratio = 10 ** (normalised.gainDb / 20);
    const a = wavSamples(plain.output);
    const b = wavSamples(normalised.output);
    const loudest = a.reduce((best, v, i) => (Math.abs(v) > Math.abs(a[best] ?? 0) ? i : best), 0);
    expect((b[loudest] ?? 0) / (a[loudest] ?? 1)).toBeCloseTo(ratio, 1);
  });
});
