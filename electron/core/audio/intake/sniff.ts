import type { Container } from './formats';

/** What the first bytes say a file is: a readable container, or a description of what it is instead. */
export type SniffResult =
  | { kind: 'audio'; container: Container }
  /** `description` names what the file is instead ("a PDF"), when Cairn can tell. */
  | { kind: 'other'; description: string | undefined };

/** Enough to see past an ID3v2 tag's header and into the first audio frame. */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));

/**
 * Recognises a container from its magic bytes. `head` is the start of the file; when an ID3v2 tag
 * precedes the audio (MP3, sometimes FLAC), `afterId3` holds the bytes at the tag's end.
 */
export function sniffContainer(head: Uint8Array, afterId3?: Uint8Array): SniffResult {
  if (head.length >= 3 && ascii(head, 0, 3) === 'ID3') {
    if (!afterId3) return { kind: 'audio', container: 'mp3' }; // a bare tag: ffprobe will judge
    const inner = sniffContainer(afterId3);
    return inner.kind === 'audio' ? inner : { kind: 'audio', container: 'mp3' };
  }
  const tag4 = head.length >= 4 ? ascii(head, 0, 4) : '';
  const at4 = head.length >= 8 ? ascii(head, 4, 8) : '';
  const at8 = head.length >= 12 ? ascii(head, 8, 12) : '';

  if ((tag4 === 'RIFF' || tag4 === 'RF64' || tag4 === 'BW64') && at8 === 'WAVE')
    return audio('wav');
  if (tag4 === 'RIFF' && at8 === 'AVI ')
    return other('an AVI video file, which Cairn does not read');
  if (tag4 === 'fLaC') return audio('flac');
  if (tag4 === 'OggS') return audio('ogg');
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return audio('webm');
  if (['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'].includes(at4)) return audio('mp4');
  if (isAsf(head))
    return other(
      'a Windows Media file (WMA/WMV), which Cairn does not support. Convert it to MP3 or WAV first',
    );
  if (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xf6) === 0xf0) return audio('aac'); // ADTS: sync + layer 00
  if (
    head.length >= 2 &&
    head[0] === 0xff &&
    ((head[1] ?? 0) & 0xe0) === 0xe0 &&
    ((head[1] ?? 0) & 0x06) !== 0
  ) {
    return audio('mp3'); // MPEG audio frame sync with a real layer
  }
  return other(describeNonAudio(head));
}

function audio(container: Container): SniffResult {
  return { kind: 'audio', container };
}

function other(description: string | undefined): SniffResult {
  return { kind: 'other', description };
}

function isAsf(head: Uint8Array): boolean {
  const asf = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11];
  return asf.every((byte, i) => head[i] === byte);
}

const SIGNATURES: [string | number[], string][] = [
  ['%PDF', 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
  ['MZ', 'a program'],
  ['{\\rtf', 'an RTF document'],
];

function describeNonAudio(head: Uint8Array): string | undefined {
  for (const [signature, description] of SIGNATURES) {
    const bytes =
      typeof signature === 'string' ? Array.from(Buffer.from(signature, 'latin1')) : signature;
    if (head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte))
      return description;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'a web page';
  if (looksLikeText(head)) return 'a text file';
  return undefined;
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let printable = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte !== 0x7f))
      printable += 1;
  }
  return printable / head.length > 0.95;
}

/** ID3v2 tag length (header + body), from its syncsafe size; 0 when the file does not start with one. */
export function id3v2Length(head: Uint8Array): number {
  if (head.length < 10 || ascii(head, 0, 3) !== 'ID3') return 0;
  const size =
    ((head[6] ?? 0) << 21) | ((head[7] ?? 0) << 14) | ((head[8] ?? 0) << 7) | (head[9] ?? 0);
  const footer = ((head[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}
