import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../errors';
import { probeMedia } from '../audio/intake/probe';
import { requireWhisperCli } from './engine/binary';
import { runWhisper } from './engine/run-whisper';
import { normaliseSegments } from './engine/whisper-json';
import { resolveModel } from './models/model-store';
import type { TranscribeOptions, Transcript } from './types';

export interface TranscribeContext {
  modelsDir: string;
  resourcesDir?: string;
}

/**
 * Transcribes a prepared 16 kHz mono WAV with whisper.cpp, on this machine. Timestamps come back in
 * seconds of the original recording (`offsetSec` from preprocessing is added to every one).
 */
export async function transcribeWav(
  wav: string,
  options: TranscribeOptions,
  context: TranscribeContext,
): Promise<Transcript> {
  const binary = requireWhisperCli(context.resourcesDir);
  const model = await resolveModel(context.modelsDir, options.model);
  const probed = await probeMedia(wav, options.signal);
  const probe = probed.ok ? probed.probe : undefined;
  if (probe?.audio?.sampleRate !== 16_000 || probe.audio.channels !== 1) {
    throw new ValidationError(
      'not_prepared_audio',
      `${path.basename(wav)} is not 16 kHz mono audio; prepare it first (cairn preprocess).`,
    );
  }
  const vadModel =
    options.vadModel === undefined
      ? await findVadModel(context.modelsDir)
      : (options.vadModel ?? undefined);
  const json = await runWhisper({
    binary,
    model,
    wav,
    durationSec: probe.durationSec ?? 0,
    language: options.language ?? 'auto',
    prompt: options.prompt,
    threads: options.threads,
    vadModel,
    timeoutMs: options.timeoutMs,
    tempDir: options.tempDir,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return {
    language: json.result.language ?? options.language ?? 'auto',
    model: path.basename(model),
    segments: normaliseSegments(json, options.offsetSec ?? 0),
  };
}

/** whisper.cpp's Silero VAD models are named ggml-silero-v*.bin; the newest installed one is used. */
async function findVadModel(modelsDir: string): Promise<string | undefined> {
  const files = await readdir(modelsDir).catch(() => [] as string[]);
  const vad = files
    .filter((f) => /^ggml-silero-.*\.bin$/.test(f))
    .sort()
    .at(-1);
  return vad ? path.join(modelsDir, vad) : undefined;
}
