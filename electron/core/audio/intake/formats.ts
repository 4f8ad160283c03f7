/**
 * What Cairn accepts. The extension is a first, cheap filter; the content (magic bytes, then
 * ffprobe) decides. A file whose extension lies is judged by what it really is.
 */
export const ALLOWED_EXTENSIONS = [
  'wav',
  'mp3',
  'm4a',
  'aac',
  'mp4',
  'mov',
  'ogg',
  'opus',
  'flac',
  'webm',
] as const;
export type AllowedExtension = (typeof ALLOWED_EXTENSIONS)[number];

/** Containers Cairn can read, as recognised from their first bytes. */
export const CONTAINERS = ['wav', 'mp3', 'aac', 'mp4', 'ogg', 'flac', 'webm'] as const;
export type Container = (typeof CONTAINERS)[number];

export const DEFAULT_MAX_RECORDING_BYTES = 2 * 1024 ** 3;

export function isAllowedExtension(extension: string): extension is AllowedExtension {
  return (ALLOWED_EXTENSIONS as readonly string[]).includes(extension);
}

/** Extensions users know, for messages: "Cairn accepts WAV, MP3, …". */
export const ACCEPTED_FORMATS_TEXT = 'WAV, MP3, M4A, AAC, MP4, MOV, OGG, OPUS, FLAC or WEBM';
