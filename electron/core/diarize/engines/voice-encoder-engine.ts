import { centroidsOf, evenlySpaced, nearest } from '../cluster/centroids';
import { spectralClusters } from '../cluster/spectral';
import { embedWindows } from '../embed/voice-encoder';
import { placeWindows, WINDOW_FRAMES } from '../embed/windows';
import { melSpectrogram } from '../features/mel-spectrogram';
import { HOP } from '../features/mfcc';
import { labelFrames, toTurns } from '../segment/frame-labels';
import { sileroSpeechFrames } from '../speech/silero-vad';
import type { SpeakerCountOptions, SpeakerTurn } from '../types';

export interface VoiceEncoderOptions extends SpeakerCountOptions {
  signal?: AbortSignal;
  onProgress?: (percent: number) => void;
}

/** Windows clustered directly; beyond this, the rest join the nearest speaker (cost is n³). */
const MAX_CLUSTERED = 600;
/** Resemblyzer normalises every utterance to -30 dBFS before embedding; so do we, over speech. */
const TARGET_DBFS = -30;

/**
 * Neural diarization: Silero VAD finds speech → the GE2E voice encoder embeds 1.6 s windows every
 * 0.4 s → spectral clustering with an eigengap speaker count → every speech frame takes the
 * majority label of the windows covering it, smoothed over half a second → turns.
 */
export async function voiceEncoderDiarize(
  samples: Int16Array,
  modelPath: string,
  options: VoiceEncoderOptions = {},
): Promise<SpeakerTurn[]> {
  const { signal, onProgress } = options;
  const frames = Math.floor(samples.length / HOP) + 1;
  const speech = await sileroSpeechFrames(samples, frames, signal);
  onProgress?.(20);
  const starts = placeWindows(speech);
  if (starts.length === 0) return [];
  const spectrogram = melSpectrogram(samples, speechGain(samples, speech));
  onProgress?.(30);
  const embeddings = await embedWindows(modelPath, spectrogram, starts, {
    signal,
    onProgress: (fraction) => onProgress?.(30 + 60 * fraction),
  });
  const sampled = evenlySpaced(embeddings.length, MAX_CLUSTERED);
  const { labels: sampledLabels, speakers } = spectralClusters(
    sampled.map((i) => embeddings[i] as Float64Array),
    options,
  );
  const centroids = centroidsOf(
    sampled.map((i) => embeddings[i] as Float64Array),
    sampledLabels,
    speakers,
  );
  const labels = embeddings.map((e) => nearest(e, centroids));
  onProgress?.(95);
  const windows = starts.map((start) => ({ start }));
  const frameLabels = labelFrames(windows, WINDOW_FRAMES, labels, speech, speakers);
  onProgress?.(100);
  return toTurns(frameLabels);
}

/** Gain that brings the speech frames' RMS to TARGET_DBFS. */
function speechGain(samples: Int16Array, speech: Uint8Array): number {
  let energy = 0;
  let count = 0;
  for (let f = 0; f < speech.length; f += 1) {
    if (!speech[f]) continue;
    const end = Math.min(samples.length, (f + 1) * HOP);
    for (let i = f * HOP; i < end; i += 1) energy += ((samples[i] as number) / 32768) ** 2;
    count += end - f * HOP;
  }
  const rms = Math.sqrt(energy / Math.max(1, count));
  return rms > 0 ? 10 ** (TARGET_DBFS / 20) / rms : 1;
}
