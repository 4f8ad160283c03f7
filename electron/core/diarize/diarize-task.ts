import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { CancelledError, PermanentError, ValidationError } from '../errors';
import { classicalDiarize } from './engines/classical';
import { voiceEncoderDiarize } from './engines/voice-encoder-engine';
import { findModel } from './diarization-models';
import { BACKGROUND, FULL_MACHINE } from './onnx-options';

/** Background diarization's OS priority (19 is the lowest). */
const BACKGROUND_NICE = 15;
import type { DiarizationEngine, SpeakerCountOptions, SpeakerTurn } from './types';

export interface DiarizeRequest {
  wav: string;
  options: SpeakerCountOptions & {
    /** 'auto' (default): the voice encoder when it is installed, else the classical engine. */
    engine?: DiarizationEngine | 'auto';
    /**
     * Running beside transcription: yield the CPU to it (low priority, one thread that does not
     * spin), so the two together take about as long as transcription alone.
     */
    background?: boolean;
  };
}

export interface DiarizeResult {
  turns: SpeakerTurn[];
  engine: DiarizationEngine;
  /** Whether the segmentation model placed the turns (overlap and sharp boundaries); else Silero VAD. */
  segmentation: boolean;
}

/**
 * Runs in its own process (onnxruntime's native module loads once per process, not per thread):
 * reads a prepared 16 kHz mono s16 WAV and diarizes it.
 */
export async function diarizeTask(
  request: DiarizeRequest,
  context: { signal: AbortSignal; progress: (percent: number) => void },
): Promise<DiarizeResult> {
  const bytes = await readFile(request.wav);
  const samples = pcm16kMono(bytes, request.wav);
  context.progress(5);
  const { engine: wanted = 'auto', background = false, ...counts } = request.options;
  // Set on this (the main) thread before any onnxruntime thread exists: they inherit it.
  if (background) setPriority(BACKGROUND_NICE);
  const onProgress = (p: number) => context.progress(5 + p * 0.95);
  const model = wanted === 'classical' ? undefined : findModel('voice-encoder');
  if (wanted === 'voice-encoder' && !model) {
    throw new PermanentError(
      'voice_encoder_missing',
      'The speaker model (voice encoder) is not installed; run npm run build:models.',
    );
  }
  if (model) {
    const models = { voiceEncoder: model, segmentation: findModel('segmentation') };
    const turns = await voiceEncoderDiarize(samples, models, {
      ...counts,
      budget: background ? BACKGROUND : FULL_MACHINE,
      signal: context.signal,
      onProgress,
    });
    return { turns, engine: 'voice-encoder', segmentation: models.segmentation !== undefined };
  }
  // The classical engine runs synchronously; cancelling kills this process (see runWorkerTask).
  const turns = classicalDiarize(samples, { ...counts, onProgress });
  if (context.signal.aborted) throw new CancelledError();
  return { turns, engine: 'classical', segmentation: false };
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
