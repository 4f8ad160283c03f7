import { readFile } from 'node:fs/promises';
import { CancelledError, ValidationError } from '../errors';
import { diarizeSamples, type ClassicalOptions } from './classical/diarize-samples';
import type { SpeakerTurn } from './types';

export interface DiarizeRequest {
  wav: string;
  options: Pick<ClassicalOptions, 'speakers' | 'minSpeakers' | 'maxSpeakers'>;
}

/** Runs in a worker thread: reads a prepared 16 kHz mono s16 WAV and diarizes it. */
export async function diarizeTask(
  request: DiarizeRequest,
  context: { signal: AbortSignal; progress: (percent: number) => void },
): Promise<SpeakerTurn[]> {
  const bytes = await readFile(request.wav);
  const samples = pcm16kMono(bytes, request.wav);
  context.progress(10);
  // The clustering runs synchronously; cancelling terminates this thread (see runWorkerTask).
  const turns = diarizeSamples(samples, {
    ...request.options,
    onProgress: (p) => context.progress(10 + p * 0.9),
  });
  if (context.signal.aborted) throw new CancelledError();
  return turns;
}

/** The samples of a canonical 16 kHz mono s16 WAV (what preprocessing writes). */
function pcm16kMono(bytes: Buffer, file: string): Int16Array {
  const isWav =
    bytes.length >= 44 &&
    bytes.toString('ascii', 0, 4) === 'RIFF' &&
    bytes.toString('ascii', 8, 12) === 'WAVE';
  const format = isWav
    ? {
        channels: bytes.readUInt16LE(22),
        rate: bytes.readUInt32LE(24),
        bits: bytes.readUInt16LE(34),
      }
    : undefined;
  if (format?.channels !== 1 || format.rate !== 16_000 || format.bits !== 16) {
    throw new ValidationError(
      'not_prepared_audio',
      `${file} is not a prepared 16 kHz mono WAV; prepare it first (cairn preprocess).`,
    );
  }
  const dataOffset = bytes.indexOf('data', 12, 'ascii') + 8;
  return new Int16Array(
    bytes.buffer,
    bytes.byteOffset + dataOffset,
    Math.floor((bytes.length - dataOffset) / 2),
  );
}
