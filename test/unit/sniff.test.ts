import { describe, expect, it } from 'vitest';
import { id3v2Length, sniffContainer } from '../../electron/core/audio/intake/sniff';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? Array.from(Buffer.from(part, 'latin1')) : part,
    ),
  );

describe('sniffContainer', () => {
  it.each([
    ['wav', bytes('RIFF', [0, 0, 0, 0], 'WAVE', 'fmt ')],
    ['wav', bytes('RF64', [0xff, 0xff, 0xff, 0xff], 'WAVE')],
    ['flac', bytes('fLaC', [0, 0, 0, 34])],
    ['ogg', bytes('OggS', [0, 2])],
    ['webm', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f])],
    ['mp4', bytes([0, 0, 0, 0x20], 'ftypM4A ')],
    ['mp4', bytes([0, 0, 0, 0x14], 'ftypqt  ')],
    ['mp3', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['aac', bytes([0xff, 0xf1, 0x50, 0x80])],
  ])('recognises %s', (container, head) => {
    expect(sniffContainer(head)).toEqual({ kind: 'audio', container });
  });

  it('looks past an ID3v2 tag', () => {
    const tagged = bytes('ID3', [4, 0, 0, 0, 0, 0, 10]);
    expect(id3v2Length(tagged)).toBe(20);
    expect(sniffContainer(tagged, bytes('fLaC'))).toEqual({ kind: 'audio', container: 'flac' });
    expect(sniffContainer(tagged, bytes([0xff, 0xfb, 0x90]))).toEqual({
      kind: 'audio',
      container: 'mp3',
    });
  });

  it.each([
    [bytes('%PDF-1.7\n'), 'a PDF'],
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'a PNG image'],
    [bytes([0x50, 0x4b, 0x03, 0x04, 0x14]), 'a ZIP archive (or an Office document)'],
    [bytes('Session notes: slept better.\n'), 'a text file'],
    [bytes('<!DOCTYPE html><html>'), 'a web page'],
    [bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'), 'an AVI video file, which Cairn does not read'],
  ])('names what a non-audio file is (%#)', (head, description) => {
    expect(sniffContainer(head)).toEqual({ kind: 'other', description });
  });

  it('recognises Windows Media and says it is unsupported', () => {
    const asf = bytes([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6]);
    const result = sniffContainer(asf);
    expect(result.kind === 'other' ? result.description : '').toMatch(/Windows Media.*not support/);
  });

  it('does not mistake random binary for audio', () => {
    expect(sniffContainer(bytes([0x00, 0x13, 0x37, 0x00, 0x42]))).toEqual({
      kind: 'other',
      description: undefined,
    });
  });
});
