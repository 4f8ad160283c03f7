import { maximumWeightMatching } from '../evaluation/matching';
import { HOP } from '../features/mfcc';
import {
  activityIndex,
  CHUNK_SAMPLES,
  type ChunkActivity,
  FRAME_RECEPTIVE_SAMPLES,
  FRAME_STEP_SAMPLES,
  FRAMES_PER_CHUNK,
  LOCAL_SPEAKERS,
} from '../speech/speaker-segmentation';

const ACTIVE = 0.5;
/** A local speaker is linked only when this share of its steady votes agrees. */
const PURITY = 0.7;
/** A clustered label is steady 0.5 s away from a change of label. */
const STEADY = 50;
/** Votes from overlapped frames count a tenth: whose voice the window heard is unclear. */
const OVERLAP_WEIGHT = 0.1;
const BLUR_WEIGHT = 0.2;

/** 1 where the label is the same for `radius` frames either side (away from a clustered boundary). */
function steadyFrames(labels: Int32Array, radius: number): Uint8Array {
  const steady = new Uint8Array(labels.length);
  let runStart = 0;
  for (let f = 1; f <= labels.length; f += 1) {
    if (f < labels.length && labels[f] === labels[runStart]) continue;
    for (let g = runStart + radius; g < f - radius; g += 1) steady[g] = 1;
    runStart = f;
  }
  return steady;
}

/** Hamming weights over a chunk's frames: its edges, which hear least context, count least. */
const EDGE_WEIGHTS = Float32Array.from(
  { length: FRAMES_PER_CHUNK },
  (_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * (i + 0.5)) / FRAMES_PER_CHUNK),
);

/** Calls `visit(chunk, modelFrame, weight)` for each chunk that hears 10 ms frame `frame`. */
function forEachView(
  seg: ChunkActivity,
  frame: number,
  visit: (chunk: number, modelFrame: number, weight: number) => void,
): void {
  const sample = frame * HOP + HOP / 2;
  const step = (seg.starts[1] ?? CHUNK_SAMPLES) - (seg.starts[0] ?? 0);
  const first = Math.max(0, Math.ceil((sample - CHUNK_SAMPLES + 1) / step));
  const last = Math.min(seg.starts.length - 1, Math.floor(sample / step));
  for (let c = first; c <= last; c += 1) {
    const offset = sample - (seg.starts[c] as number) - FRAME_RECEPTIVE_SAMPLES / 2;
    const i = Math.min(FRAMES_PER_CHUNK - 1, Math.max(0, Math.round(offset / FRAME_STEP_SAMPLES)));
    visit(c, i, EDGE_WEIGHTS[i] as number);
  }
}

export interface FrameActivity {
  /** 1 where someone is speaking, per 10 ms frame. */
  speech: Uint8Array;
  /** How many speakers at once (0–3), per 10 ms frame. */
  count: Uint8Array;
}

/**
 * Speech and the number of simultaneous speakers per 10 ms frame, averaged over the chunks that
 * hear it; `quiet` frames (see silence-gate) are never speech.
 */
export function frameActivity(
  seg: ChunkActivity,
  frames: number,
  quiet?: Uint8Array,
): FrameActivity {
  const speech = new Uint8Array(frames);
  const count = new Uint8Array(frames);
  for (let f = 0; f < frames; f += 1) {
    let any = 0;
    let active = 0;
    let weights = 0;
    forEachView(seg, f, (c, i, w) => {
      let max = 0;
      for (let j = 0; j < LOCAL_SPEAKERS; j += 1) {
        const p = seg.activity[activityIndex(c, i, j)] as number;
        if (p > max) max = p;
        if (p > ACTIVE) active += w;
      }
      any += w * max;
      weights += w;
    });
    if (weights === 0 || quiet?.[f]) continue;
    speech[f] = any / weights > ACTIVE ? 1 : 0;
    count[f] = speech[f] ? Math.max(1, Math.round(active / weights)) : 0;
  }
  return { speech, count };
}

/**
 * Links each chunk's local speakers to the recording's speakers: local speaker j of chunk c becomes
 * the global speaker the clustered frame labels most often give where j speaks alone, one-to-one
 * within the chunk (Hungarian). Frames near a clustered boundary count little (the window votes
 * blur there); a local speaker whose steady votes are split is left unlinked, since the model may
 * have heard two similar voices as one. Returns chunk × local speaker → global speaker (−1: none).
 */
export function linkLocalSpeakers(
  seg: ChunkActivity,
  labels: Int32Array,
  speakers: number,
): Int32Array {
  const links = new Int32Array(seg.starts.length * LOCAL_SPEAKERS).fill(-1);
  const votes = Array.from({ length: seg.starts.length * LOCAL_SPEAKERS }, () =>
    new Array<number>(speakers).fill(0),
  );
  const steady = steadyFrames(labels, STEADY);
  for (let f = 0; f < labels.length; f += 1) {
    const label = labels[f] as number;
    if (label < 0) continue;
    const trust = steady[f] ? 1 : BLUR_WEIGHT;
    forEachView(seg, f, (c, i) => {
      let activeCount = 0;
      for (let j = 0; j < LOCAL_SPEAKERS; j += 1)
        if ((seg.activity[activityIndex(c, i, j)] as number) > ACTIVE) activeCount += 1;
      for (let j = 0; j < LOCAL_SPEAKERS; j += 1) {
        if ((seg.activity[activityIndex(c, i, j)] as number) <= ACTIVE) continue;
        const row = votes[c * LOCAL_SPEAKERS + j] as number[];
        row[label] = (row[label] as number) + trust * (activeCount === 1 ? 1 : OVERLAP_WEIGHT);
      }
    });
  }
  for (let c = 0; c < seg.starts.length; c += 1) {
    const rows = votes.slice(c * LOCAL_SPEAKERS, (c + 1) * LOCAL_SPEAKERS);
    for (const [j, g] of maximumWeightMatching(rows)) {
      const row = rows[j] ?? [];
      const total = row.reduce((sum, v) => sum + v, 0);
      if ((row[g] ?? 0) > 0 && (row[g] ?? 0) >= PURITY * total) links[c * LOCAL_SPEAKERS + j] = g;
    }
  }
  return links;
}

/**
 * Who speaks in each 10 ms frame: the `count` global speakers with the most linked local activity
 * (at least one in speech). Returns one activity row per speaker, so overlap is kept.
 */
export function speakerActivity(
  seg: ChunkActivity,
  links: Int32Array,
  activity: FrameActivity,
  labels: Int32Array,
  speakers: number,
): Uint8Array[] {
  const frames = activity.speech.length;
  const rows = Array.from({ length: speakers }, () => new Uint8Array(frames));
  const score = new Float64Array(speakers);
  for (let f = 0; f < frames; f += 1) {
    if (!activity.speech[f]) continue;
    score.fill(0);
    forEachView(seg, f, (c, i, w) => {
      for (let j = 0; j < LOCAL_SPEAKERS; j += 1) {
        if ((seg.activity[activityIndex(c, i, j)] as number) <= ACTIVE) continue;
        const link = links[c * LOCAL_SPEAKERS + j] as number;
        // A local speaker the clusters disagree about follows the clustered label frame by frame.
        const g = link >= 0 ? link : (labels[f] as number);
        if (g >= 0)
          score[g] = (score[g] as number) + w * (seg.activity[activityIndex(c, i, j)] as number);
      }
    });
    const wanted = Math.min(speakers, Math.max(1, activity.count[f] as number));
    for (let n = 0; n < wanted; n += 1) {
      let best = -1;
      for (let g = 0; g < speakers; g += 1)
        if (!rows[g]?.[f] && (best < 0 || (score[g] as number) > (score[best] as number))) best = g;
      if (best >= 0 && (score[best] as number) <= 0) {
        // No linked local speaker here: the first speaker is the clustered label, no second one.
        best = n === 0 ? (labels[f] as number) : -1;
      }
      if (best < 0) break;
      (rows[best] as Uint8Array)[f] = 1;
    }
  }
  return rows;
}
