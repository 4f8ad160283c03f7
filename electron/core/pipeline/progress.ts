import type { PipelineStage, RunStage } from '../../../shared/domain/enums';

/** A run type's steps in order; stages in one step run at the same time. */
export type Steps = readonly (readonly RunStage[])[];

/** The processing pipeline's steps. */
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
export type StageFractions = Partial<Record<RunStage, number>>;

/**
 * Percent done and time left over a run's steps, from how long each stage is expected to take
 * (`expectedMs`; undefined while that cannot be known yet, e.g. before the audio length is).
 */
export class StepEstimator {
  constructor(
    private readonly steps: Steps,
    private readonly weights: readonly number[],
    private readonly expectedMs: (stage: RunStage) => number | undefined,
  ) {}

  /** 0–100 over the run; a step's stages count by how long each is expected to take. */
  percent(done: StageFractions): number {
    let total = 0;
    this.steps.forEach((step, i) => {
      const expected = step.map((s) => Math.max(1, this.expectedMs(s) ?? 1));
      const sum = expected.reduce((a, b) => a + b, 0);
      const fraction =
        step.reduce((acc, s, j) => acc + (done[s] ?? 0) * (expected[j] ?? 0), 0) / sum;
      total += (this.weights[i] ?? 0) * fraction;
    });
    return Math.min(100, Math.round(total * 10) / 10);
  }

  /** Seconds left: for each step, its slowest unfinished stage; undefined when not yet known. */
  etaSec(done: StageFractions): number | undefined {
    let ms = 0;
    for (const step of this.steps) {
      const left = step.map((s) => {
        const expected = this.expectedMs(s);
        return expected === undefined ? undefined : expected * (1 - (done[s] ?? 0));
      });
      if (left.some((v) => v === undefined)) return undefined;
      ms += Math.max(...(left as number[]));
    }
    return Math.round(ms / 1000);
  }
}

/** The processing pipeline's estimator: stage speeds per audio second, this machine's or defaults. */
export class ProgressModel extends StepEstimator {
  constructor(audioSec: number, pastSpeeds: ReadonlyMap<string, number>) {
    super(STEPS, STEP_WEIGHTS, (stage) =>
      audioSec > 0
        ? (pastSpeeds.get(stage) ?? DEFAULT_MS_PER_AUDIO_SEC[stage as PipelineStage]) * audioSec
        : undefined,
    );
  }
}

/** Equal shares of the bar for `steps` (a workflow's steps are of like size). */
export function evenWeights(steps: Steps): number[] {
  return steps.map(() => 100 / steps.length);
}
