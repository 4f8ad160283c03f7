import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../errors';
import {
  ACCEPTED_FORMATS_TEXT,
  DEFAULT_MAX_RECORDING_BYTES,
  isAllowedExtension,
  type Container,
} from './formats';
import { probeMedia, type ProbeResult } from './probe';
import { id3v2Length, SNIFF_BYTES, sniffContainer } from './sniff';
import { endsWhereItClaims } from './tail-check';

export interface ValidationOptions {
  maxBytes?: number;
  /** Accept a recording that stops before its header says it should (processed as far as it goes). */
  allowTruncated?: boolean;
  /**
   * Decode the last seconds to catch a file cut off while copying (default on). A caller that
   * decodes the whole file anyway checks its length instead, which is cheaper and more thorough.
   */
  tailCheck?: boolean;
  signal?: AbortSignal;
}

export interface ValidatedRecording {
  path: string;
  sizeBytes: number;
  container: Container;
  durationSec: number;
  audio: NonNullable<ProbeResult['audio']>;
  hasVideo: boolean;
  /** The duration is ffprobe's guess from the bitrate (see ProbeResult). */
  durationEstimated: boolean;
}

/**
 * Everything Cairn checks before it touches a recording, cheapest first: the file itself, its
 * size, its extension, its real content (magic bytes), then ffprobe and a decode of its last
 * seconds. Every refusal is a ValidationError whose message a clinician can act on.
 */
export async function validateRecording(
  file: string,
  options: ValidationOptions = {},
): Promise<ValidatedRecording> {
  const source = path.resolve(file);
  const name = path.basename(source);
  const sizeBytes = await checkFile(source, options.maxBytes ?? DEFAULT_MAX_RECORDING_BYTES);

  const extension = path.extname(source).slice(1).toLowerCase();
  if (extension === 'wma') {
    throw new ValidationError(
      'unsupported_format',
      `${name} is a Windows Media (WMA) file, which Cairn does not support. Convert it to MP3 or WAV first.`,
    );
  }
  if (!isAllowedExtension(extension)) {
    const what = extension ? `a .${extension} file` : 'a file without an extension';
    throw new ValidationError(
      'unsupported_format',
      `${name} is ${what}. Cairn accepts ${ACCEPTED_FORMATS_TEXT} recordings.`,
    );
  }

  const sniffed = sniffContainer(...(await readHead(source)));
  if (sniffed.kind === 'other') {
    const message = sniffed.description
      ? `${name} is ${sniffed.description}, not an audio recording.`
      : `${name} is not an audio recording Cairn recognises. Cairn accepts ${ACCEPTED_FORMATS_TEXT} recordings.`;
    throw new ValidationError('not_audio', message);
  }

  const outcome = await probeMedia(source, options.signal);
  if (!outcome.ok) {
    throw new ValidationError(
      'damaged_recording',
      `${name} is damaged or incomplete and cannot be read as a recording.`,
    );
  }
  const { probe } = outcome;
  if (!probe.audio) {
    throw new ValidationError(
      'no_audio_stream',
      probe.hasVideo
        ? `${name} is a video without a sound track: there is nothing to transcribe.`
        : `${name} holds no audio.`,
    );
  }
  if (probe.durationSec === undefined || !(probe.durationSec > 0)) {
    throw new ValidationError('empty_recording', `${name} contains no audio (its length is zero).`);
  }
  // An estimated duration cannot tell a cut-off file from a good one: the check would misfire.
  const tailCheck = (options.tailCheck ?? true) && !probe.durationEstimated;
  if (
    tailCheck &&
    !options.allowTruncated &&
    !(await endsWhereItClaims(source, probe.durationSec, options.signal))
  ) {
    throw truncatedRecording(name, probe.durationSec);
  }
  return {
    path: source,
    sizeBytes,
    container: sniffed.container,
    durationSec: probe.durationSec,
    audio: probe.audio,
    hasVideo: probe.hasVideo,
    durationEstimated: probe.durationEstimated,
  };
}

export function truncatedRecording(name: string, claimedSec: number): ValidationError {
  return new ValidationError(
    'truncated_recording',
    `${name} looks cut off: it stops before the ${formatClock(claimedSec)} its header promises, perhaps because ` +
      'copying did not finish. Copy it again from the recorder, or import it anyway to keep what is there.',
  );
}

/** The checks that need no decoding; also used on their own before a library is opened. */
export async function checkFile(
  source: string,
  maxBytes = DEFAULT_MAX_RECORDING_BYTES,
): Promise<number> {
  const info = await stat(source).catch((caught: unknown) => {
    const error = caught as NodeJS.ErrnoException;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') {
      throw new ValidationError('file_not_found', `There is no file at ${source}.`);
    }
    throw new ValidationError(
      'file_unreadable',
      `Cairn cannot read ${source} (${error.code ?? error.message}).`,
    );
  });
  if (info.isDirectory()) {
    throw new ValidationError(
      'not_a_file',
      `${source} is a folder, not a recording. Choose an audio or video file.`,
    );
  }
  if (!info.isFile()) {
    throw new ValidationError(
      'not_a_file',
      `${source} is not a regular file. Choose an audio or video file.`,
    );
  }
  if (info.size === 0)
    throw new ValidationError('empty_file', `${source} is empty: it holds no recording.`);
  if (info.size > maxBytes) {
    throw new ValidationError(
      'file_too_large',
      `${path.basename(source)} is ${formatSize(info.size)}, more than the ${formatSize(maxBytes)} Cairn accepts. Split the recording or raise the limit in Settings.`,
    );
  }
  await access(source, constants.R_OK).catch(() => {
    throw new ValidationError(
      'file_unreadable',
      `Cairn is not allowed to read ${source}. Check the file's permissions.`,
    );
  });
  return info.size;
}

async function readHead(source: string): Promise<[Uint8Array, Uint8Array | undefined]> {
  const handle = await open(source, 'r').catch(() => {
    throw new ValidationError(
      'file_unreadable',
      `Cairn cannot open ${source}. Check the file's permissions.`,
    );
  });
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const tagLength = id3v2Length(head.subarray(0, bytesRead));
    if (tagLength === 0) return [head.subarray(0, bytesRead), undefined];
    const after = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead: afterRead } = await handle.read(after, 0, SNIFF_BYTES, tagLength);
    return [head.subarray(0, bytesRead), afterRead > 0 ? after.subarray(0, afterRead) : undefined];
  } finally {
    await handle.close();
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

export function formatClock(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
