import * as ort from 'onnxruntime-node';
import { CancelledError } from '../../errors';
import { FULL_MACHINE, sessionOptions, type ComputeBudget } from '../onnx-options';
import { MEL_BANDS, type MelSpectrogram } from '../features/mel-spectrogram';
import { WINDOW_FRAMES } from './windows';

export const EMBEDDING_SIZE = 256;
/**
 * Windows per inference. onnxruntime's LSTM projects every time step of the batch at once
 * (160 × batch × 1024 floats a layer): 32 keeps that near 20 MB at the same speed as 128, which
 * needed about 120 MB more at peak on an hour-long recording.
 */
const BATCH = 32;

/**
 * Speaker embeddings from the GE2E voice encoder (a 3-layer LSTM over 1.6 s of mel spectrogram,
 * trained so that one voice's embeddings lie close together). Runs on onnxruntime with both cores;
 * about 3 ms a window on this class of laptop CPU.
 */
export async function embedWindows(
  modelPath: string,
  spectrogram: MelSpectrogram,
  starts: readonly number[],
  options: {
    signal?: AbortSignal;
    onProgress?: (fraction: number) => void;
    budget?: ComputeBudget;
  } = {},
): Promise<Float64Array[]> {
  const session = await ort.InferenceSession.create(
    modelPath,
    sessionOptions(options.budget ?? FULL_MACHINE),
  );
  try {
    const embeddings: Float64Array[] = [];
    const { frames, mel } = spectrogram;
    for (let first = 0; first < starts.length; first += BATCH) {
      if (options.signal?.aborted) throw new CancelledError();
      const batch = starts.slice(first, first + BATCH);
      const input = new Float32Array(batch.length * WINDOW_FRAMES * MEL_BANDS);
      batch.forEach((start, b) => {
        // A window past the end (a recording shorter than 1.6 s) repeats nothing: it is zero-padded.
        const end = Math.min(frames, start + WINDOW_FRAMES);
        input.set(mel.subarray(start * MEL_BANDS, end * MEL_BANDS), b * WINDOW_FRAMES * MEL_BANDS);
      });
      const output = await session.run({
        mels: new ort.Tensor('float32', input, [batch.length, WINDOW_FRAMES, MEL_BANDS]),
      });
      const data = (output.embedding as ort.Tensor).data as Float32Array;
      for (let b = 0; b < batch.length; b += 1)
        embeddings.push(
          Float64Array.from(data.subarray(b * EMBEDDING_SIZE, (b + 1) * EMBEDDING_SIZE)),
        );
      options.onProgress?.(Math.min(1, (first + batch.length) / starts.length));
    }
    return embeddings;
  } finally {
    await session.release();
  }
}
