import { describe, expect, it } from 'vitest';
import { recommendWhisperModel } from '../../electron/core/transcribe/models/recommend';

const GB = 1024 ** 3;
const laptop = { totalMemBytes: 8 * GB, cores: 2, gpu: false };

describe('the Whisper model suggested for a computer', () => {
  it('is base on a 2-core laptop, the .en twin when sessions are in English', () => {
    expect(recommendWhisperModel(laptop, 'auto').model.name).toBe('base');
    expect(recommendWhisperModel(laptop, 'de').model.name).toBe('base');
    const english = recommendWhisperModel(laptop, 'en');
    expect(english.model.name).toBe('base.en');
    expect(english.reason).toContain('2 processor cores');
  });

  it('is small with 8 cores or a graphics processor and enough memory', () => {
    expect(recommendWhisperModel({ ...laptop, cores: 8 }, 'auto').model.name).toBe('small');
    expect(recommendWhisperModel({ ...laptop, gpu: true }, 'en').model.name).toBe('small.en');
    // Plenty of cores but little memory: base.
    expect(
      recommendWhisperModel({ totalMemBytes: 4 * GB, cores: 16, gpu: false }, 'auto').model.name,
    ).toBe('base');
  });

  it('falls back to the first model of a catalogue without base', () => {
    const tiny = {
      name: 'tiny',
      file: 'ggml-tiny.bin',
      sizeBytes: 1,
      checksum: { algorithm: 'sha256' as const, hex: '0' },
      englishOnly: false,
      quantised: false,
    };
    expect(recommendWhisperModel(laptop, 'auto', [tiny]).model.name).toBe('tiny');
  });
});
