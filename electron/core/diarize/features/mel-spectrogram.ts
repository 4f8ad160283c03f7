import { applyFilters, Fft, type BandFilter } from './fft';
import { HOP, SAMPLE_RATE } from './mfcc';

/**
 * The voice encoder's input, as Resemblyzer computes it with librosa: power (not log) mel
 * spectrogram, 25 ms periodic-Hann frames centred every 10 ms (zero-padded at the edges), 40 Slaney
 * mel bands up to 8 kHz with Slaney area normalisation. librosa takes a 400-point FFT; we take a
 * 512-point FFT of the same zero-padded frame, which samples the same spectrum more densely, and
 * scale the filters by 400/512 so each band sums the same energy.
 */
export const MEL_BANDS = 40;
const FRAME_LEN = 400;
const FFT_SIZE = 512;

export interface MelSpectrogram {
  frames: number;
  /** frames × MEL_BANDS, row-major, float32 as the model takes it. */
  mel: Float32Array;
}

/** `gain` scales the samples (int16 full scale = 1) before analysis. */
export function melSpectrogram(samples: Int16Array, gain: number): MelSpectrogram {
  const frames = Math.floor(samples.length / HOP) + 1;
  const mel = new Float32Array(frames * MEL_BANDS);
  const filters = slaneyFilters();
  const scale = gain / 32768;
  const re = new Float64Array(FFT_SIZE);
  const im = new Float64Array(FFT_SIZE);
  const power = new Float64Array(FFT_SIZE / 2 + 1);
  for (let t = 0; t < frames; t += 1) {
    re.fill(0);
    im.fill(0);
    const first = t * HOP - FRAME_LEN / 2;
    for (let i = 0; i < FRAME_LEN; i += 1) {
      const s = first + i;
      if (s >= 0 && s < samples.length)
        re[i] = (samples[s] as number) * scale * (HANN[i] as number);
    }
    fft.transform(re, im);
    fft.power(re, im, power);
    applyFilters(filters, power, mel, t * MEL_BANDS);
  }
  return { frames, mel };
}

const fft = new Fft(FFT_SIZE);
const HANN = Float64Array.from(
  { length: FRAME_LEN },
  (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FRAME_LEN),
);

// Slaney's mel scale: linear below 1 kHz, logarithmic above (librosa's default, htk=False).
const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOG_STEP = Math.log(6.4) / 27;
const melOf = (hz: number) =>
  hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
const hzOf = (mel: number) =>
  mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;

let cachedFilters: BandFilter[] | undefined;
function slaneyFilters(): BandFilter[] {
  cachedFilters ??= buildFilters();
  return cachedFilters;
}

function buildFilters(): BandFilter[] {
  const bins = FFT_SIZE / 2 + 1;
  const top = melOf(SAMPLE_RATE / 2);
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) => hzOf((top * i) / (MEL_BANDS + 1)));
  return Array.from({ length: MEL_BANDS }, (_, band) => {
    const [left, centre, right] = [edges[band] ?? 0, edges[band + 1] ?? 0, edges[band + 2] ?? 0];
    const area = 2 / (right - left);
    const weights = new Float64Array(bins);
    for (let k = 0; k < bins; k += 1) {
      const hz = (k * SAMPLE_RATE) / FFT_SIZE;
      const rising = (hz - left) / (centre - left);
      const falling = (right - hz) / (right - centre);
      weights[k] = Math.max(0, Math.min(rising, falling)) * area * (FRAME_LEN / FFT_SIZE);
    }
    const start = weights.findIndex((w) => w > 0);
    const end = bins - [...weights].reverse().findIndex((w) => w > 0);
    return { start, weights: weights.slice(start, end) };
  });
}
