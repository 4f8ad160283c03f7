/** A transcribed word, in seconds of the original recording. */
export interface TranscriptWord {
  word: string;
  start: number;
  end: number;
  /** Mean token probability, 0–1. */
  probability: number;
}

export interface TranscriptSegment {
  start: number;
  end: number;
  text: string;
  words: TranscriptWord[];
}

export interface Transcript {
  /** Detected or requested language code. */
  language: string;
  model: string;
  segments: TranscriptSegment[];
}

export interface TranscribeOptions {
  /** A catalogue name (base, small.en, …) or a path to a ggml model file. */
  model: string;
  /** 'auto' or a language code (en, de, …). */
  language?: string;
  /** Vocabulary hints: client names, clinical terms. */
  prompt?: string;
  /** Default: every core. */
  threads?: number;
  /** Seconds to add to every timestamp: where the prepared audio starts in the original. */
  offsetSec?: number;
  /** Use this Silero VAD model (ggml) to skip silence; default: one found in the models folder. */
  vadModel?: string | null;
  /** Kill the engine after this long; default 15 min + 6 × the audio's duration. */
  timeoutMs?: number;
  /** Where whisper writes its JSON (it holds the transcript); default: the OS temp folder. */
  tempDir?: string;
  signal?: AbortSignal;
  /** 0–100, never decreasing. */
  onProgress?: (percent: number) => void;
}
