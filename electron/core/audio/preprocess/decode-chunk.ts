import { runFfmpeg } from '../ffmpeg/run-ffmpeg';
import { TARGET_RATE } from './constants';
import type { ChunkPlan } from './plan';

/**
 * Decodes one chunk of the first audio stream to raw 16 kHz mono s16le. Input seeking (-ss before
 * -i) jumps straight to the chunk instead of decoding everything before it.
 */
export function decodeChunk(
  input: string,
  chunk: ChunkPlan,
  file: string,
  options: { signal?: AbortSignal; onProgress?: (seconds: number) => void },
): Promise<void> {
  return runFfmpeg(
    input,
    (command) => {
      if (chunk.decodeFromSec > 0) command.inputOptions(['-ss', chunk.decodeFromSec.toFixed(6)]);
      command
        .outputOptions(['-map', '0:a:0', '-vn', '-sn', '-dn'])
        .audioChannels(1)
        .audioFrequency(TARGET_RATE)
        .audioCodec('pcm_s16le')
        .format('s16le');
      if (chunk.decodeForSec !== undefined)
        command.outputOptions(['-t', chunk.decodeForSec.toFixed(6)]);
      return command.output(file);
    },
    options,
  );
}
