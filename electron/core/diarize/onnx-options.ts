import type { InferenceSession } from 'onnxruntime-node';

/** How much of the machine the diarization networks may use. */
export interface ComputeBudget {
  /** onnxruntime intra-op threads. */
  threads: number;
  /**
   * Whether idle threads spin-wait for work (fastest alone; next to another engine that also
   * spin-waits, as whisper.cpp does, both lose far more than they gain).
   */
  spin: boolean;
}

export const FULL_MACHINE: ComputeBudget = { threads: 2, spin: true };
/** Beside transcription: one thread that sleeps when idle (and a low OS priority, see diarize-task). */
export const BACKGROUND: ComputeBudget = { threads: 1, spin: false };

export function sessionOptions(budget: ComputeBudget): InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: budget.threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: budget.spin ? '1' : '0' } } },
  };
}
