import { describe, expect, it } from 'vitest';
import { HOP } from '../../electron/core/diarize/features/mfcc';
import {
  frameActivity,
  linkLocalSpeakers,
  speakerActivity,
} from '../../electron/core/diarize/segment/local-speakers';
import { quietFrames } from '../../electron/core/diarize/speech/silence-gate';
import {
  activityIndex,
  CHUNK_SAMPLES,
  type ChunkActivity,
  FRAME_RECEPTIVE_SAMPLES,
  FRAME_STEP_SAMPLES,
  FRAMES_PER_CHUNK,
  LOCAL_SPEAKERS,
} from '../../electron/core/diarize/speech/speaker-segmentation';

const STEP = CHUNK_SAMPLES / 2;
const secondsAt = (chunk: number, frame: number) =>
  (chunk * STEP + frame * FRAME_STEP_SAMPLES + FRAME_RECEPTIVE_SAMPLES / 2) / 16_000;

/**
 * Segmentation output for `chunks` chunks 2.5 s apart, from a script of who talks when (global
 * speakers) and a per-chunk shuffle of which local slot each global speaker lands in, as the
 * model's local speakers are unordered.
 */
function fakeSegmentation(
  chunks: number,
  talking: (seconds: number) => number[],
  slotOf: (chunk: number, speaker: number) => number,
): ChunkActivity {
  const activity = new Float32Array(chunks * FRAMES_PER_CHUNK * LOCAL_SPEAKERS).fill(0.02);
  for (let c = 0; c < chunks; c += 1)
    for (let i = 0; i < FRAMES_PER_CHUNK; i += 1)
      for (const speaker of talking(secondsAt(c, i)))
        activity[activityIndex(c, i, slotOf(c, speaker))] = 0.95;
  return { starts: Array.from({ length: chunks }, (_, c) => c * STEP), activity };
}

/** Clustered labels per 10 ms frame as the windows would give them: right, but blurred at turns. */
function clusteredLabels(frames: number, talking: (seconds: number) => number[], blur: number) {
  return Int32Array.from({ length: frames }, (_, f) => {
    const now = talking(f / 100);
    if (now.length === 0) return -1;
    const earlier = talking(Math.max(0, f / 100 - blur));
    return earlier[0] ?? (now[0] as number);
  });
}

describe('linking the segmentation model’s local speakers across chunks', () => {
  // 0–6 s speaker 0, 6–9 s both (overlap), 9–15 s speaker 1, 16–20 s speaker 0.
  const talking = (t: number) =>
    t < 6 ? [0] : t < 9 ? [0, 1] : t < 15 ? [1] : t >= 16 && t < 20 ? [0] : [];
  const chunks = 7;
  const frames = 2000;
  const seg = fakeSegmentation(chunks, talking, (c, speaker) => (speaker + c) % LOCAL_SPEAKERS);

  it('finds speech and the number of speakers per frame', () => {
    const { speech, count } = frameActivity(seg, frames);
    expect(speech[300]).toBe(1);
    expect(count[300]).toBe(1);
    expect(count[750]).toBe(2);
    expect(speech[1550]).toBe(0);
  });

  it('keeps sharp turn boundaries and overlap that blurred clustered labels lack', () => {
    const activity = frameActivity(seg, frames);
    const labels = clusteredLabels(frames, talking, 0.6);
    const links = linkLocalSpeakers(seg, labels, 2);
    const [zero, one] = speakerActivity(seg, links, activity, labels, 2) as [
      Uint8Array,
      Uint8Array,
    ];
    // The clustered labels still say speaker 0 until 9.6 s; the linked model activity switches at 9 s.
    expect(labels[930]).toBe(0);
    expect(zero[930]).toBe(0);
    expect(one[930]).toBe(1);
    // Both speak 6–9 s.
    expect(zero[750]).toBe(1);
    expect(one[750]).toBe(1);
    expect(zero[1800]).toBe(1);
    expect(one[1800]).toBe(0);
  });

  it('leaves a local speaker that mixes two clustered voices to the clustered labels', () => {
    // The model hears both voices as one local speaker (as it can for two similar voices).
    const merged = fakeSegmentation(
      chunks,
      (t) => (talking(t).length ? [0] : []),
      () => 0,
    );
    const activity = frameActivity(merged, frames);
    const labels = clusteredLabels(frames, talking, 0);
    const links = linkLocalSpeakers(merged, labels, 2);
    const [zero, one] = speakerActivity(merged, links, activity, labels, 2) as [
      Uint8Array,
      Uint8Array,
    ];
    expect(zero[300]).toBe(1);
    expect(one[1200]).toBe(1);
    expect(zero[1200]).toBe(0);
  });
});

describe('the silence gate', () => {
  const tone = (seconds: number, dbfs: number) =>
    Array.from({ length: Math.round(seconds * 16_000) }, (_, i) =>
      Math.round(32767 * 10 ** (dbfs / 20) * Math.sin((2 * Math.PI * 220 * i) / 16_000)),
    );
  const gap = (seconds: number) => new Array<number>(Math.round(seconds * 16_000)).fill(0);
  const framesOf = (samples: Int16Array) => Math.floor(samples.length / HOP) + 1;

  it('marks a pause of digital silence between loud turns, not a short dip', () => {
    const samples = Int16Array.from([
      ...tone(2, -20),
      ...gap(0.8),
      ...tone(2, -20),
      ...gap(0.1),
      ...tone(2, -20),
    ]);
    const quiet = quietFrames(samples, framesOf(samples));
    expect(quiet[240]).toBe(1);
    expect(quiet[100]).toBe(0);
    expect(quiet[485]).toBe(0);
  });

  it('keeps quiet far-field speech: the threshold follows the speech nearby', () => {
    const samples = Int16Array.from([...tone(3, -70), ...tone(3, -68)]);
    expect(quietFrames(samples, framesOf(samples)).every((q) => q === 0)).toBe(true);
  });
});
