import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CancelledError, PermanentError } from '../../errors';
import { decryptingStream, encryptingStream } from '../../security/file-crypto';
import { ffmpegPath } from '../ffmpeg/binaries';

/**
 * The waveform the clinician sees over a recording: the loudest sample per stretch of time, 0–1.
 * Decoded by ffmpeg at 8 kHz mono (plenty for a picture, ~3,000× realtime), so the renderer never
 * decodes an hour of audio itself; cached by recording, as the audio never
 * changes.
 */

export interface WaveformPeaks {
  durationSec: number;
  /** One value per bucket, evenly spread over the duration. */
  peaks: number[];
}

const RATE = 8000;
/** 20 ms frames while decoding; reduced to at most MAX_BUCKETS at the end. */
const FRAME = RATE / 50;
const MAX_BUCKETS = 4000;

/**
 * A plain audio file, or a way to lend one (a decrypted copy that exists only while `decode` runs).
 */
export type PeaksSource =
  string | ((decode: (plainFile: string) => Promise<WaveformPeaks>) => Promise<WaveformPeaks>);

/** Where a recording's peaks are kept once computed (removed with the audio by retention). */
export function cachedPeaksFile(cacheDir: string, cacheKey: string): string {
  return path.join(cacheDir, `${cacheKey}.json`);
}

/** Computations in flight, by cache key: a page opened twice at once decodes once. */
const inFlight = new Map<string, Promise<WaveformPeaks>>();

export interface PeaksOptions {
  /** Encrypts the cached peaks (derived from the recording, so kept like it; see file-crypto). */
  libraryKey?: Buffer;
  signal?: AbortSignal;
}

export function waveformPeaks(
  source: PeaksSource,
  cacheDir: string,
  cacheKey: string,
  options: PeaksOptions = {},
): Promise<WaveformPeaks> {
  const running = inFlight.get(cacheKey);
  if (running) return running;
  const computing = cachedOrComputed(source, cacheDir, cacheKey, options).finally(() =>
    inFlight.delete(cacheKey),
  );
  inFlight.set(cacheKey, computing);
  return computing;
}

async function cachedOrComputed(
  source: PeaksSource,
  cacheDir: string,
  cacheKey: string,
  { libraryKey, signal }: PeaksOptions,
): Promise<WaveformPeaks> {
  const cached = cachedPeaksFile(cacheDir, cacheKey);
  try {
    const text = libraryKey
      ? Buffer.concat(await decryptingStream(cached, libraryKey).toArray()).toString('utf8')
      : await readFile(cached, 'utf8');
    return JSON.parse(text) as WaveformPeaks;
  } catch {
    // Not computed yet (or unreadable, or cached before it was encrypted): compute it again.
  }
  const computed =
    typeof source === 'string'
      ? await decodePeaks(source, signal)
      : await source((plainFile) => decodePeaks(plainFile, signal));
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  // Unique per writer: the app and the CLI may share the data directory.
  const partial = `${cached}.${randomUUID()}.part`;
  const json = Buffer.from(JSON.stringify(computed));
  if (libraryKey)
    await pipeline(
      Readable.from([json]),
      encryptingStream(libraryKey),
      createWriteStream(partial, { mode: 0o600 }),
    );
  else await writeFile(partial, json, { mode: 0o600 });
  await rename(partial, cached);
  return computed;
}

function decodePeaks(file: string, signal?: AbortSignal): Promise<WaveformPeaks> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn(
      ffmpegPath(),
      [
        '-v',
        'error',
        '-nostdin',
        '-i',
        file,
        '-vn',
        '-ac',
        '1',
        '-ar',
        String(RATE),
        '-f',
        's16le',
        '-',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const frames: number[] = [];
    let frameMax = 0;
    let inFrame = 0;
    let carry: Buffer | undefined;
    let stderr = '';
    const onAbort = () => ffmpeg.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort, { once: true });
    ffmpeg.stdout.on('data', (chunk: Buffer) => {
      const data = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = data.length - (data.length % 2);
      for (let i = 0; i < whole; i += 2) {
        const value = Math.abs(data.readInt16LE(i));
        if (value > frameMax) frameMax = value;
        if (++inFrame === FRAME) {
          frames.push(frameMax / 32768);
          frameMax = 0;
          inFrame = 0;
        }
      }
      carry = whole < data.length ? data.subarray(whole) : undefined;
    });
    ffmpeg.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return reject(new CancelledError());
      if (code !== 0)
        return reject(
          new PermanentError(
            'peaks_failed',
            `The recording's waveform could not be drawn (${stderr.trim().slice(0, 200)}).`,
          ),
        );
      if (inFrame > 0) frames.push(frameMax / 32768);
      resolve({ durationSec: (frames.length * FRAME) / RATE, peaks: reduce(frames, MAX_BUCKETS) });
    });
  });
}

/** At most `buckets` values, each the loudest of the frames it covers. */
function reduce(frames: number[], buckets: number): number[] {
  if (frames.length <= buckets) return frames.map(round);
  const out: number[] = [];
  for (let b = 0; b < buckets; b += 1) {
    const from = Math.floor((b * frames.length) / buckets);
    const to = Math.floor(((b + 1) * frames.length) / buckets);
    let max = 0;
    for (let i = from; i < to; i += 1) max = Math.max(max, frames[i] ?? 0);
    out.push(round(max));
  }
  return out;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
