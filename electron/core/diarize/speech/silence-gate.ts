import { FRAME_LEN, HOP } from '../features/mfcc';

/** A frame this far below the loud frames around it (±3 s, 90th percentile) is silence… */
const BELOW_LOCAL_PEAK_DB = 45;
const NEIGHBOURHOOD_FRAMES = 300;
const BLOCK_FRAMES = 50;
/** …when such frames last 0.3 s or more; shorter dips (a stop consonant, a breath) are speech. */
const MIN_QUIET_FRAMES = 30;

/**
 * Marks stretches of near-silence per 10 ms frame. The segmentation model, trained on real rooms,
 * carries a voice across a second of digital silence between two turns (what a noise gate or a
 * telehealth app's noise suppression produces); this gate takes those stretches back. The threshold
 * is relative to nearby speech, not absolute: far-field meeting audio speaks at -70 dBFS.
 */
export function quietFrames(samples: Int16Array, frames: number): Uint8Array {
  const level = new Float32Array(frames);
  for (let f = 0; f < frames; f += 1) {
    const end = Math.min(samples.length, f * HOP + FRAME_LEN);
    let energy = 0;
    for (let i = f * HOP; i < end; i += 1) energy += ((samples[i] as number) / 32768) ** 2;
    level[f] = 10 * Math.log10(energy / FRAME_LEN + 1e-12);
  }
  const gate = new Float32Array(frames);
  for (let block = 0; block < frames; block += BLOCK_FRAMES) {
    const around = level
      .slice(Math.max(0, block - NEIGHBOURHOOD_FRAMES), block + NEIGHBOURHOOD_FRAMES)
      .sort();
    const loud = around[Math.floor(around.length * 0.9)] ?? 0;
    gate.fill(loud - BELOW_LOCAL_PEAK_DB, block, block + BLOCK_FRAMES);
  }
  const quiet = new Uint8Array(frames);
  let f = 0;
  while (f < frames) {
    if ((level[f] as number) >= (gate[f] as number)) {
      f += 1;
      continue;
    }
    let g = f;
    while (g < frames && (level[g] as number) < (gate[g] as number)) g += 1;
    if (g - f >= MIN_QUIET_FRAMES) quiet.fill(1, f, g);
    f = g;
  }
  return quiet;
}
