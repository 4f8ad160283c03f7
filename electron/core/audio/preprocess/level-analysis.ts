import { FRAME_SAMPLES, TARGET_RATE } from './constants';

/**
 * Level statistics of the whole recording, gathered in one streaming pass of 10 ms frames.
 * Cheap (a multiply-add per sample) where ffmpeg's loudnorm would upsample to 192 kHz.
 */
export class LevelAnalyzer {
  private frames = new Float64Array(1 << 16);
  private frameCount = 0;
  /** A frame left open at the end of the previous block. */
  private partialSum = 0;
  private partialFill = 0;
  private max = 0;
  private min = 0;

  /** Hot loop (every sample of the recording): whole frames in a tight inner loop, no allocation. */
  push(block: Int16Array): void {
    const n = block.length;
    let i = 0;
    if (this.partialFill > 0) {
      while (i < n && this.partialFill < FRAME_SAMPLES) {
        const v = block[i++] ?? 0;
        this.partialSum += v * v;
        this.partialFill += 1;
        this.track(v);
      }
      if (this.partialFill < FRAME_SAMPLES) return;
      this.addFrame(this.partialSum / FRAME_SAMPLES);
      this.partialSum = 0;
      this.partialFill = 0;
    }
    const whole = Math.floor((n - i) / FRAME_SAMPLES);
    this.reserve(whole);
    const extremes = frameMeanSquares(
      block,
      i,
      whole,
      this.frames,
      this.frameCount,
      this.min,
      this.max,
    );
    this.frameCount += whole;
    this.min = extremes.min;
    this.max = extremes.max;
    i += whole * FRAME_SAMPLES;
    for (; i < n; i += 1) {
      const v = block[i] ?? 0;
      this.partialSum += v * v;
      this.partialFill += 1;
      this.track(v);
    }
  }

  /** Closes the last partial frame; safe to call again (it returns the same profile). */
  finish(): LevelProfile {
    if (this.partialFill > 0) this.addFrame(this.partialSum / this.partialFill);
    this.partialSum = 0;
    this.partialFill = 0;
    return {
      frameMeanSquares: this.frames.slice(0, this.frameCount),
      peak: Math.max(this.max, -this.min),
    };
  }

  private track(v: number): void {
    if (v > this.max) this.max = v;
    else if (v < this.min) this.min = v;
  }

  private addFrame(meanSquare: number): void {
    this.reserve(1);
    this.frames[this.frameCount++] = meanSquare;
  }

  private reserve(extra: number): void {
    if (this.frameCount + extra <= this.frames.length) return;
    let size = this.frames.length * 2;
    while (size < this.frameCount + extra) size *= 2;
    const grown = new Float64Array(size);
    grown.set(this.frames.subarray(0, this.frameCount));
    this.frames = grown;
  }
}

/**
 * The hot loop, kept in a small standalone function: V8 optimises it after a few calls, whereas
 * the same loop inline in a method that first runs on a huge block stayed slow (measured 5×).
 */
function frameMeanSquares(
  block: Int16Array,
  start: number,
  count: number,
  out: Float64Array,
  outStart: number,
  min: number,
  max: number,
): { min: number; max: number } {
  for (let f = 0; f < count; f += 1) {
    let sum = 0;
    const from = start + f * FRAME_SAMPLES;
    const to = from + FRAME_SAMPLES;
    for (let j = from; j < to; j += 1) {
      const v = block[j] as number;
      sum += v * v;
      if (v > max) max = v;
      else if (v < min) min = v;
    }
    out[outStart + f] = sum / FRAME_SAMPLES;
  }
  return { min, max };
}

export interface LevelProfile {
  /** Mean square per 10 ms frame, in s16 units squared. */
  frameMeanSquares: Float64Array;
  peak: number;
}

/** A frame quieter than this (≈ -50 dBFS RMS) counts as silence. */
const ACTIVE_MEAN_SQUARE = (32768 * 10 ** (-50 / 20)) ** 2;
/** Sound must last this long in total before a recording is said to hold any. */
const MIN_ACTIVE_SEC = 0.5;
/** Kept around trimmed speech so first and last words are never clipped. */
export const TRIM_PADDING_SEC = 0.3;

export interface SoundExtent {
  /** True when nothing above the silence threshold lasts MIN_ACTIVE_SEC. */
  silent: boolean;
  /** First and last sample worth keeping (exclusive end), padding included. */
  startSample: number;
  endSample: number;
}

export function soundExtent(profile: LevelProfile, totalSamples: number): SoundExtent {
  const frames = profile.frameMeanSquares;
  let first = -1;
  let last = -1;
  let active = 0;
  for (let i = 0; i < frames.length; i += 1) {
    if ((frames[i] ?? 0) >= ACTIVE_MEAN_SQUARE) {
      if (first < 0) first = i;
      last = i;
      active += 1;
    }
  }
  if (first < 0 || active * FRAME_SAMPLES < MIN_ACTIVE_SEC * TARGET_RATE) {
    return { silent: true, startSample: 0, endSample: totalSamples };
  }
  const padding = Math.round(TRIM_PADDING_SEC * TARGET_RATE);
  return {
    silent: false,
    startSample: Math.max(0, first * FRAME_SAMPLES - padding),
    endSample: Math.min(totalSamples, (last + 1) * FRAME_SAMPLES + padding),
  };
}

/** Speech level target: -20 dBFS RMS over active frames, peaks kept under -1 dBFS. */
const TARGET_RMS = 32768 * 10 ** (-20 / 20);
const PEAK_CEILING = 32767 * 10 ** (-1 / 20);
const MAX_GAIN_DB = 30;
const MIN_GAIN_DB = -20;

/**
 * One gain for the whole recording that brings its speech to a steady level without clipping.
 * Whisper copes with level differences; very quiet phone recordings are what this is for.
 */
export function normalisingGainDb(profile: LevelProfile): number {
  let activeSum = 0;
  let activeCount = 0;
  for (const meanSquare of profile.frameMeanSquares) {
    if (meanSquare >= ACTIVE_MEAN_SQUARE) {
      activeSum += meanSquare;
      activeCount += 1;
    }
  }
  if (activeCount === 0 || profile.peak === 0) return 0;
  const rms = Math.sqrt(activeSum / activeCount);
  const wanted = 20 * Math.log10(TARGET_RMS / rms);
  const peakRoom = 20 * Math.log10(PEAK_CEILING / profile.peak);
  return Math.max(MIN_GAIN_DB, Math.min(wanted, peakRoom, MAX_GAIN_DB));
}

/** Applies a gain in place, saturating at the s16 limits. */
export function applyGain(block: Int16Array, gainDb: number): Int16Array {
  if (gainDb === 0) return block;
  const factor = 10 ** (gainDb / 20);
  const out = new Int16Array(block.length);
  for (let i = 0; i < block.length; i += 1) {
    const value = Math.round((block[i] ?? 0) * factor);
    out[i] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
  }
  return out;
}
