import { spawn } from 'node:child_process';
import { ffmpegPath } from '../ffmpeg/binaries';

const TAIL_SECONDS = 4;
const TAIL_RATE = 8000;

/**
 * Decodes the last few seconds a file claims to have. A file cut off while copying (its header
 * still promising the full length) yields nothing there. Costs one seek and a few seconds of
 * decoding, whatever the recording's length.
 */
export async function endsWhereItClaims(
  file: string,
  durationSec: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const window = Math.min(TAIL_SECONDS, durationSec);
  const start = Math.max(0, durationSec - window);
  const args = [
    '-v',
    'error',
    '-nostdin',
    '-ss',
    start.toFixed(3),
    '-i',
    file,
    '-vn',
    '-t',
    window.toFixed(3),
  ];
  args.push('-ac', '1', '-ar', String(TAIL_RATE), '-f', 's16le', 'pipe:1');
  const decodedBytes = await new Promise<number>((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'ignore'], signal });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', () => resolve(bytes));
  });
  const decodedSec = decodedBytes / 2 / TAIL_RATE;
  return decodedSec >= window * 0.5;
}
