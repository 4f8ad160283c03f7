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
