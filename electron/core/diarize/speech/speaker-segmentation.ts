import * as ort from 'onnxruntime-node';
import { CancelledError } from '../../errors';
import { FULL_MACHINE, sessionOptions, type ComputeBudget } from '../onnx-options';

/** The model hears 5 s of 16 kHz audio at a time. */
export const CHUNK_SAMPLES = 80_000;
/** Its output frames: one every 270 samples (16.9 ms), each seeing 991 samples (SincNet + pooling). */
export const FRAME_STEP_SAMPLES = 270;
export const FRAME_RECEPTIVE_SAMPLES = 991;
export const FRAMES_PER_CHUNK = 293;
/** Speakers the model tells apart inside one chunk. */
export const LOCAL_SPEAKERS = 3;
/** Chunks per inference: 4 runs as fast as 16 and keeps onnxruntime's buffers ~100 MB smaller. */
const BATCH = 4;

export interface ChunkActivity {
  /** First sample of each chunk. */
  starts: number[];
  /** Per chunk, per model frame, per local speaker: probability the speaker is talking (0–1). */
  activity: Float32Array;
}

/** Index into ChunkActivity.activity. */
export function activityIndex(chunk: number, frame: number, speaker: number): number {
  return (chunk * FRAMES_PER_CHUNK + frame) * LOCAL_SPEAKERS + speaker;
}

/**
 * pyannote's speaker segmentation model over overlapping 5 s chunks (`stepSamples` apart; the last
 * chunk is zero-padded). Within a chunk its "speaker 1..3" are local: the same voice may be speaker 1
 * in one chunk and speaker 2 in the next; clustering links them. Two active at once is overlap.
 */
export async function segmentChunks(
  samples: Int16Array,
  modelPath: string,
  stepSamples: number,
  options: {
    signal?: AbortSignal;
    onProgress?: (fraction: number) => void;
    budget?: ComputeBudget;
  } = {},
): Promise<ChunkActivity> {
  const starts: number[] = [];
  for (let start = 0; ; start += stepSamples) {
    starts.push(start);
    if (start + CHUNK_SAMPLES >= samples.length) break;
  }
  const activity = new Float32Array(starts.length * FRAMES_PER_CHUNK * LOCAL_SPEAKERS);
  const session = await ort.InferenceSession.create(
    modelPath,
    sessionOptions(options.budget ?? FULL_MACHINE),
  );
  try {
    for (let first = 0; first < starts.length; first += BATCH) {
      if (options.signal?.aborted) throw new CancelledError();
      const batch = starts.slice(first, first + BATCH);
      const input = new Float32Array(batch.length * CHUNK_SAMPLES);
      batch.forEach((start, b) => {
        const end = Math.min(samples.length, start + CHUNK_SAMPLES);
        for (let i = start; i < end; i += 1)
          input[b * CHUNK_SAMPLES + i - start] = (samples[i] as number) / 32768;
      });
      const output = await session.run({
        waveform: new ort.Tensor('float32', input, [batch.length, 1, CHUNK_SAMPLES]),
      });
      activity.set(
        (output.activity as ort.Tensor).data as Float32Array,
        first * FRAMES_PER_CHUNK * LOCAL_SPEAKERS,
      );
      options.onProgress?.(Math.min(1, (first + batch.length) / starts.length));
    }
  } finally {
    await session.release();
  }
  return { starts, activity };
}
