import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ffmpegPath, ffprobePath } from '../../electron/core/audio/ffmpeg/binaries';

export interface StreamInfo {
  codec: string;
  sampleRate: number;
  channels: number;
  durationSec: number;
}

/** What ffprobe (not Cairn's own code) says the first audio stream of a file is. */
export function audioStreamInfo(file: string): StreamInfo {
  const out = execFileSync(ffprobePath(), [
    '-v',
    'error',
    '-select_streams',
    'a:0',
    '-show_entries',
    'stream=codec_name,sample_rate,channels,duration',
    '-of',
    'json',
    file,
  ]).toString();
  const stream =
    (JSON.parse(out) as { streams: Record<string, string | number>[] }).streams[0] ?? {};
  return {
    codec: String(stream.codec_name),
    sampleRate: Number(stream.sample_rate),
    channels: Number(stream.channels),
    durationSec: Number(stream.duration),
  };
}

/** Samples of a canonical 44-byte-header PCM WAV, as Cairn writes them. */
export function wavSamples(file: string): Int16Array {
  const bytes = readFileSync(file);
  return new Int16Array(bytes.buffer, bytes.byteOffset + 44, (bytes.length - 44) / 2);
}

/** Signal-to-difference ratio of two equal-length signals, in dB (∞ when identical). */
export function snrDb(reference: Int16Array, other: Int16Array): number {
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < reference.length; i += 1) {
    const r = reference[i] as number;
    const d = r - (other[i] as number);
    signal += r * r;
    noise += d * d;
  }
  return noise === 0 ? Number.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
}

/** Runs the packaged ffmpeg quietly, for making test inputs. */
export function ffmpegSync(args: string[]): void {
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Digital silence, 16 kHz mono, in the format the file name's extension says (wav, flac…). */
export function makeSilence(target: string, seconds: number): void {
  ffmpegSync(['-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', String(seconds), target]);
}
