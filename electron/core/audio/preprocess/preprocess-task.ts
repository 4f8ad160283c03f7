import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { CancelledError } from '../../errors';
import { truncatedRecording } from '../intake/validate-recording';
import { alignToPrevious } from './align';
import { decodedChunk, joinedBlocks, totalSamples, type DecodedChunk } from './chunk-files';
import { TARGET_RATE } from './constants';
import { decodeChunk } from './decode-chunk';
import { applyGain, LevelAnalyzer, normalisingGainDb, soundExtent } from './level-analysis';
import { planChunks, type ChunkPlan } from './plan';
import type { PreprocessRequest, PreprocessResult, ProgressReport } from './types';
import { wavHeader } from './wav';

interface TaskContext {
  signal: AbortSignal;
  progress: (report: ProgressReport) => void;
}

/** Share of the progress bar per phase: decoding is nearly all the work. */
const DECODE_SHARE = 90;
const ANALYSE_SHARE = 5;

/**
 * Prepares a recording for the engines (runs inside a worker thread): decodes it in parallel
 * chunks, joins them at sample level, measures its level and silence, and writes a 16 kHz mono
 * s16 WAV with optional trim and gain. The output appears whole (temp file, fsync, rename) or not
 * at all; chunk files are always removed.
 */
export async function preprocessTask(
  request: PreprocessRequest,
  context: TaskContext,
): Promise<PreprocessResult> {
  const started = performance.now();
  const { signal } = context;
  const work = path.join(
    path.dirname(request.output),
    `.${path.basename(request.output)}.${randomUUID()}.parts`,
  );
  await mkdir(work, { recursive: true });
  try {
    // Progress only rises, also when a chunked decode is redone in one piece.
    let reported = 0;
    const progress = (report: ProgressReport) => {
      if (report.percent < reported) return;
      reported = report.percent;
      context.progress(report);
    };
    // Chunk edges are placed in time: only a duration ffprobe knows can place them.
    const parallelism = request.durationEstimated
      ? 1
      : (request.options.parallelism ?? availableParallelism());
    let decoded = await decodeJoined(request, parallelism, work, signal, progress);
    if (!decoded.seamless) {
      // A seek landed between input samples (seen with Ogg): the chunks cannot join without a
      // seam, so the recording is decoded in one piece. Correct first, fast where possible.
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      decoded = await decodeJoined(request, 1, work, signal, progress);
    }
    const { chunks, joinCorrections } = decoded;
    const decodeMs = performance.now() - started;

    const samples = withoutCodecPadding(totalSamples(chunks), request);
    const missingSec = request.durationSec - samples / TARGET_RATE;
    const canJudge = !request.allowTruncated && !request.durationEstimated;
    if (canJudge && missingSec > Math.max(1, request.durationSec * 0.01)) {
      throw truncatedRecording(path.basename(request.input), request.durationSec);
    }
    // Trim and gain must know the whole recording's levels before writing; without them the levels
    // are measured in the writing pass itself, saving a read of the whole file.
    const analyser = new LevelAnalyzer();
    const levelsFirst = request.options.trimSilence === true || request.options.normalize === true;
    let keep = { startSample: 0, endSample: samples };
    let gainDb = 0;
    if (levelsFirst) {
      for await (const block of joinedBlocks(chunks)) {
        throwIfCancelled(signal);
        analyser.push(block);
      }
      const profile = analyser.finish();
      const extent = soundExtent(profile, samples);
      if (request.options.trimSilence && !extent.silent) keep = extent;
      if (request.options.normalize) gainDb = normalisingGainDb(profile);
    }
    progress({ phase: 'analyse', percent: DECODE_SHARE + ANALYSE_SHARE });
    const analyseMs = performance.now() - started - decodeMs;

    await writeWav(request.output, chunks, keep, gainDb, signal, {
      observe: levelsFirst ? undefined : (block) => analyser.push(block),
      onFraction: (fraction) =>
        progress({
          phase: 'write',
          percent: DECODE_SHARE + ANALYSE_SHARE + fraction * (100 - DECODE_SHARE - ANALYSE_SHARE),
        }),
    });
    const writeMs = performance.now() - started - decodeMs - analyseMs;
    const { silent } = soundExtent(analyser.finish(), samples);

    return {
      output: request.output,
      sampleRate: TARGET_RATE,
      channels: 1,
      durationSec: (keep.endSample - keep.startSample) / TARGET_RATE,
      originalDurationSec: samples / TARGET_RATE,
      offsets: { startSec: keep.startSample / TARGET_RATE, endSec: keep.endSample / TARGET_RATE },
      gainDb: Math.round(gainDb * 100) / 100,
      silent,
      chunks: chunks.length,
      joinCorrections,
      timingsMs: {
        decode: Math.round(decodeMs),
        analyse: Math.round(analyseMs),
        write: Math.round(writeMs),
        total: Math.round(performance.now() - started),
      },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface JoinedDecode {
  chunks: DecodedChunk[];
  joinCorrections: number[];
  seamless: boolean;
}

/** Plans, decodes and aligns the chunks for one parallelism. */
async function decodeJoined(
  request: PreprocessRequest,
  parallelism: number,
  work: string,
  signal: AbortSignal,
  progress: (report: ProgressReport) => void,
): Promise<JoinedDecode> {
  const plans = planChunks(request.durationSec, parallelism, request.inputSampleRate);
  const decodedSeconds = plans.map(() => 0);
  const chunks = await decodeAll(
    plans,
    signal,
    (plan, file, chunkSignal) =>
      decodeChunk(request.input, plan, file, {
        signal: chunkSignal,
        onProgress: (seconds) => {
          decodedSeconds[plan.index] = Math.max(0, seconds - plan.prerollSamples / TARGET_RATE);
          const done = decodedSeconds.reduce((a, b) => a + b, 0);
          progress({
            phase: 'decode',
            percent: Math.min(DECODE_SHARE, (done / request.durationSec) * DECODE_SHARE),
          });
        },
      }),
    work,
  );
  const joinCorrections: number[] = [];
  let seamless = true;
  for (let i = 1; i < chunks.length; i += 1) {
    const join = await alignToPrevious(chunks[i - 1] as DecodedChunk, chunks[i] as DecodedChunk);
    joinCorrections.push(join.lag);
    seamless &&= join.seamless;
  }
  return { chunks, joinCorrections, seamless };
}

/** Up to this much decoded audio past the container's stated end is encoder padding, not sound. */
const MAX_PADDING_SEC = 0.2;

/**
 * AAC and Vorbis encoders pad the last frame; the container records where the audio really ends
 * (an MP4 edit list, an Ogg granule position), but this ffmpeg build decodes the padding too. Cut
 * the output at the stated end so its length matches the recording's, whatever the chunking.
 */
function withoutCodecPadding(decoded: number, request: PreprocessRequest): number {
  if (request.durationEstimated) return decoded;
  const stated = Math.round(request.durationSec * TARGET_RATE);
  return decoded > stated && decoded - stated <= MAX_PADDING_SEC * TARGET_RATE ? stated : decoded;
}

/**
 * Decodes every chunk at once; the first failure cancels the others, and nothing returns until
 * every ffmpeg has exited, so no child outlives the task or writes into a removed folder.
 */
async function decodeAll(
  plans: readonly ChunkPlan[],
  signal: AbortSignal,
  decode: (plan: ChunkPlan, file: string, signal: AbortSignal) => Promise<void>,
  work: string,
): Promise<DecodedChunk[]> {
  const local = new AbortController();
  const forward = () => local.abort();
  signal.addEventListener('abort', forward, { once: true });
  try {
    const results = await Promise.allSettled(
      plans.map(async (plan) => {
        const file = path.join(work, `chunk-${plan.index}.pcm`);
        try {
          await decode(plan, file, local.signal);
        } catch (error) {
          local.abort();
          throw error;
        }
        return decodedChunk(plan, file);
      }),
    );
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) throw signal.aborted ? new CancelledError() : failure.reason;
    return results.map((r) => (r as PromiseFulfilledResult<DecodedChunk>).value);
  } finally {
    signal.removeEventListener('abort', forward);
  }
}

async function writeWav(
  output: string,
  chunks: readonly DecodedChunk[],
  range: { startSample: number; endSample: number },
  gainDb: number,
  signal: AbortSignal,
  hooks: { observe?: (block: Int16Array) => void; onFraction: (fraction: number) => void },
): Promise<void> {
  const partial = `${output}.part`;
  const total = range.endSample - range.startSample;
  const handle = await open(partial, 'w');
  try {
    await handle.write(wavHeader(total));
    let written = 0;
    for await (const block of joinedBlocks(chunks, {
      start: range.startSample,
      end: range.endSample,
    })) {
      throwIfCancelled(signal);
      hooks.observe?.(block);
      const out = applyGain(block, gainDb);
      await handle.write(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
      written += out.length;
      hooks.onFraction(written / Math.max(1, total));
    }
    await handle.sync();
    await handle.close();
    await rename(partial, output);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}
