import type { PipelineStage } from '../../../shared/domain/enums';

/** The pipeline's steps; stages in one step run at the same time. */
export const STEPS: readonly (readonly PipelineStage[])[] = [
  ['validate'],
  ['preprocess'],
  ['transcribe', 'diarize'],
  ['merge'],
  ['notes'],
  ['finalize'],
];

/** Each step's share of the progress bar (sums to 100): transcription dominates a run. */
const STEP_WEIGHTS = [1, 4, 80, 3, 10, 2];

/**
 * Milliseconds per audio second for each stage, until this machine has its own history (base
 * Whisper on 2 cores ≈ 5× realtime, diarization ≈ 170×, preprocessing ≈ 1,000×, a note from a
 * small local model ≈ 25×).
 */
const DEFAULT_MS_PER_AUDIO_SEC: Record<PipelineStage, number> = {
  validate: 0.5,
  preprocess: 1,
  transcribe: 200,
  diarize: 6,
  merge: 0.2,
  notes: 40,
  finalize: 0.05,
};

/** Where each stage is: 0–1 done. */
export type StageFractions = Partial<Record<PipelineStage, number>>;

export class ProgressModel {
  constructor(
    private readonly audioSec: number,
    private readonly pastSpeeds: ReadonlyMap<string, number>,
  ) {}

  expectedMs(stage: PipelineStage): number {
    return (this.pastSpeeds.get(stage) ?? DEFAULT_MS_PER_AUDIO_SEC[stage]) * this.audioSec;
  }

  /** 0–100 over the run; a step's stages count by how long each is expected to take. */
  percent(done: StageFractions): number {
    let total = 0;
    STEPS.forEach((step, i) => {
      const expected = step.map((s) => Math.max(1, this.expectedMs(s)));
      const sum = expected.reduce((a, b) => a + b, 0);
      const fraction =
        step.reduce((acc, s, j) => acc + (done[s] ?? 0) * (expected[j] ?? 0), 0) / sum;
      total += (STEP_WEIGHTS[i] ?? 0) * fraction;
    });
    return Math.min(100, Math.round(total * 10) / 10);
  }

  /** Seconds left: for each step, its slowest unfinished stage; undefined before the audio length is known. */
  etaSec(done: StageFractions): number | undefined {
    if (!(this.audioSec > 0)) return undefined;
    let ms = 0;
    for (const step of STEPS)
      ms += Math.max(...step.map((s) => this.expectedMs(s) * (1 - (done[s] ?? 0))));
    return Math.round(ms / 1000);
  }
}
