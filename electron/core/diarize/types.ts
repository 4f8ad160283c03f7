/** A stretch of time one speaker talks, in seconds. */
export interface SpeakerTurn {
  speaker: string;
  start: number;
  end: number;
}

/** A region to score, in seconds (a UEM line). */
export interface ScoredRegion {
  start: number;
  end: number;
}

/** How many speakers to find. */
export interface SpeakerCountOptions {
  /** A fixed number of speakers, or 'auto' (between minSpeakers and maxSpeakers; 1–6 by default). */
  speakers?: number | 'auto';
  minSpeakers?: number;
  maxSpeakers?: number;
}

/** 'voice-encoder': neural speaker embeddings; 'classical': MFCC statistics, when the model is absent. */
export type DiarizationEngine = 'voice-encoder' | 'classical';
