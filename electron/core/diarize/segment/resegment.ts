import { N_MFCC } from '../features/mfcc';

const DIMS = N_MFCC - 1;
/** Log-likelihood cost of switching speaker between two frames: about a 0.3 s minimum turn. */
const SWITCH_PENALTY = 60;

/**
 * Resegmentation: a diagonal Gaussian per speaker, trained on the frames the first pass gave it,
 * then a Viterbi pass over each run of speech frames that pays a penalty for every change of
 * speaker. Moves turn boundaries from the 1.5 s window grid to where the voices actually change.
 */
export function resegment(
  mfcc: Float32Array,
  labels: Int32Array,
  speakers: number,
  passes = 2,
): Int32Array {
  let current = labels;
  for (let pass = 0; pass < passes; pass += 1) {
    const models = fitGaussians(mfcc, current, speakers);
    current = viterbi(mfcc, current, models);
  }
  return current;
}

interface Gaussian {
  mean: Float64Array;
  inverseVariance: Float64Array;
  logNorm: number;
  present: boolean;
}

function fitGaussians(mfcc: Float32Array, labels: Int32Array, speakers: number): Gaussian[] {
  return Array.from({ length: speakers }, (_, s) => {
    const mean = new Float64Array(DIMS);
    const squares = new Float64Array(DIMS);
    let n = 0;
    for (let f = 0; f < labels.length; f += 1) {
      if (labels[f] !== s) continue;
      n += 1;
      for (let d = 0; d < DIMS; d += 1) {
        const x = mfcc[f * N_MFCC + d + 1] as number;
        mean[d] = (mean[d] as number) + x;
        squares[d] = (squares[d] as number) + x * x;
      }
    }
    const inverseVariance = new Float64Array(DIMS);
    let logNorm = 0;
    for (let d = 0; d < DIMS; d += 1) {
      const m = n > 0 ? (mean[d] as number) / n : 0;
      const variance = n > 1 ? Math.max(1e-3, (squares[d] as number) / n - m * m) : 1;
      mean[d] = m;
      inverseVariance[d] = 1 / variance;
      logNorm -= 0.5 * Math.log(2 * Math.PI * variance);
    }
    return { mean, inverseVariance, logNorm, present: n > 20 };
  });
}

function viterbi(mfcc: Float32Array, labels: Int32Array, models: Gaussian[]): Int32Array {
  const k = models.length;
  const out = new Int32Array(labels.length).fill(-1);
  let f = 0;
  while (f < labels.length) {
    if ((labels[f] as number) < 0) {
      f += 1;
      continue;
    }
    let end = f;
    while (end < labels.length && (labels[end] as number) >= 0) end += 1;
    decodeRun(mfcc, f, end, models, out, k);
    f = end;
  }
  return out;
}

function decodeRun(
  mfcc: Float32Array,
  start: number,
  end: number,
  models: Gaussian[],
  out: Int32Array,
  k: number,
): void {
  const length = end - start;
  const back = new Int32Array(length * k);
  let score = new Float64Array(k);
  let next = new Float64Array(k);
  for (let t = 0; t < length; t += 1) {
    const f = start + t;
    let bestPrevious = 0;
    for (let s = 1; s < k; s += 1)
      if ((score[s] as number) > (score[bestPrevious] as number)) bestPrevious = s;
    for (let s = 0; s < k; s += 1) {
      const model = models[s] as Gaussian;
      const emission = model.present ? logLikelihood(mfcc, f, model) : Number.NEGATIVE_INFINITY;
      const stay = score[s] as number;
      const move = (score[bestPrevious] as number) - SWITCH_PENALTY;
      const fromSelf = t === 0 || stay >= move;
      next[s] = (fromSelf ? stay : move) + emission;
      back[t * k + s] = fromSelf ? s : bestPrevious;
    }
    [score, next] = [next, score];
  }
  let state = 0;
  for (let s = 1; s < k; s += 1) if ((score[s] as number) > (score[state] as number)) state = s;
  for (let t = length - 1; t >= 0; t -= 1) {
    out[start + t] = state;
    state = back[t * k + state] as number;
  }
}

function logLikelihood(mfcc: Float32Array, frame: number, model: Gaussian): number {
  let sum = model.logNorm;
  for (let d = 0; d < DIMS; d += 1) {
    const diff = (mfcc[frame * N_MFCC + d + 1] as number) - (model.mean[d] as number);
    sum -= 0.5 * diff * diff * (model.inverseVariance[d] as number);
  }
  return sum;
}
