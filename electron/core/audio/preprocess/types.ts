export interface PreprocessOptions {
  /** Bring speech to a steady level (one gain for the whole file; peaks never clip). */
  normalize?: boolean;
  /** Drop leading and trailing silence; offsets map later timestamps back to the original. */
  trimSilence?: boolean;
  /** ffmpeg processes decoding chunks at once; default: the machine's cores. */
  parallelism?: number;
}

export interface PreprocessRequest {
  input: string;
  output: string;
  /** From validation (ffprobe); plans the chunks. */
  durationSec: number;
  /** The input's sample rate (ffprobe); chunk edges are placed on its common grid with 16 kHz. */
  inputSampleRate: number;
  /** Keep going when the decoded audio is shorter than the header promised. */
  allowTruncated: boolean;
  /** ffprobe guessed the duration: decode in one piece and do not judge truncation by it. */
  durationEstimated: boolean;
  options: PreprocessOptions;
}

export interface PreprocessResult {
  output: string;
  sampleRate: number;
  channels: 1;
  /** Length of the prepared audio. */
  durationSec: number;
  /** Length of the decoded original. */
  originalDurationSec: number;
  /**
   * Where the prepared audio sits in the original: original time = prepared time + offsets.startSec.
   * Both 0/original length when nothing was trimmed.
   */
  offsets: { startSec: number; endSec: number };
  gainDb: number;
  /** Nothing above the silence threshold: the recording holds no speech. */
  silent: boolean;
  chunks: number;
  /** Samples each join was moved to line up with its neighbour (0 = the seek was exact). */
  joinCorrections: number[];
  timingsMs: { decode: number; analyse: number; write: number; total: number };
}

export interface ProgressReport {
  percent: number;
  phase: 'decode' | 'analyse' | 'write';
}
