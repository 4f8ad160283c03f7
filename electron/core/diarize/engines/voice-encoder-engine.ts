import { centroidsOf, evenlySpaced, nearest } from '../cluster/centroids';
import { spectralClusters } from '../cluster/spectral';
import { embedWindows } from '../embed/voice-encoder';
import { placeWindows, WINDOW_FRAMES } from '../embed/windows';
import { melSpectrogram } from '../features/mel-spectrogram';
import { HOP } from '../features/mfcc';
import { activityTurns, labelFrames, toTurns } from '../segment/frame-labels';
import { frameActivity, linkLocalSpeakers, speakerActivity } from '../segment/local-speakers';
import { quietFrames } from '../speech/silence-gate';
import { sileroSpeechFrames } from '../speech/silero-vad';
import { segmentChunks } from '../speech/speaker-segmentation';
import type { ComputeBudget } from '../onnx-options';
import type { SpeakerCountOptions, SpeakerTurn } from '../types';

export interface VoiceEncoderOptions extends SpeakerCountOptions {
  signal?: AbortSignal;
  onProgress?: (percent: number) => void;
  budget?: ComputeBudget;
}

export interface NeuralModels {
  voiceEncoder: string;
  /** pyannote's segmentation model; without it Silero VAD finds speech and there is no overlap. */
  segmentation?: string;
}

/** Windows clustered directly; beyond this, the rest join the nearest speaker (cost is n³). */
const MAX_CLUSTERED = 600;
/** Resemblyzer normalises every utterance to -30 dBFS before embedding; so do we, over speech. */
const TARGET_DBFS = -30;
/** Segmentation chunks (5 s) start every 2.5 s: each moment is heard twice, at half the cost of 1 s. */
const SEGMENTATION_STEP_SAMPLES = 40_000;

/**
 * Neural diarization, in the manner of pyannote 2: the segmentation model finds who speaks when
 * within each 5 s chunk (speech, overlap and sharp turn boundaries, but only locally) → the GE2E
 * voice encoder embeds 1.6 s windows every 0.4 s → spectral clustering with an eigengap speaker
 * count names the voices across the recording → each chunk's local speakers are linked to those
 * voices by the clustered labels → every frame gets the linked speakers active there (two at once
 * where the model hears overlap). Without the segmentation model: Silero VAD and the clustered
 * labels alone.
 */
export async function voiceEncoderDiarize(
  samples: Int16Array,
  models: NeuralModels,
  options: VoiceEncoderOptions = {},
): Promise<SpeakerTurn[]> {
  const { signal, onProgress, budget } = options;
  const frames = Math.floor(samples.length / HOP) + 1;
  const segmentation = models.segmentation
    ? await segmentChunks(samples, models.segmentation, SEGMENTATION_STEP_SAMPLES, {
        signal,
        budget,
        onProgress: (fraction) => onProgress?.(25 * fraction),
      })
    : undefined;
  const activity = segmentation
    ? frameActivity(segmentation, frames, quietFrames(samples, frames))
    : undefined;
  const speech = activity?.speech ?? (await sileroSpeechFrames(samples, frames, signal));
  onProgress?.(25);
  const starts = placeWindows(speech);
  if (starts.length === 0) return [];
  const spectrogram = melSpectrogram(samples, speechGain(samples, speech));
  onProgress?.(30);
  const embeddings = await embedWindows(models.voiceEncoder, spectrogram, starts, {
    signal,
    budget,
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
  if (!segmentation || !activity) return toTurns(frameLabels);
  const links = linkLocalSpeakers(segmentation, frameLabels, speakers);
  return activityTurns(speakerActivity(segmentation, links, activity, frameLabels, speakers));
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
