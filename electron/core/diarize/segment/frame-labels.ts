import { FRAME_SEC } from '../speech/energy-activity';
import type { SpeakerTurn } from '../types';

/** Half-width of the majority filter over frame labels: ±0.25 s. */
const SMOOTH_RADIUS = 25;

/** Each speech frame: the label most windows covering it vote for, smoothed over ±0.25 s. */
export function labelFrames(
  windows: readonly { start: number }[],
  windowFrames: number,
  labels: ArrayLike<number>,
  speech: Uint8Array,
  k: number,
): Int32Array {
  const frames = speech.length;
  const votes = new Float32Array(frames * k);
  windows.forEach((w, i) => {
    const label = labels[i] as number;
    for (let f = w.start; f < Math.min(frames, w.start + windowFrames); f += 1)
      votes[f * k + label] = (votes[f * k + label] as number) + 1;
  });
  const raw = new Int32Array(frames).fill(-1);
  for (let f = 0; f < frames; f += 1) {
    if (!speech[f]) continue;
    let best = -1;
    let bestVotes = 0;
    for (let c = 0; c < k; c += 1) {
      if ((votes[f * k + c] as number) > bestVotes) {
        bestVotes = votes[f * k + c] as number;
        best = c;
      }
    }
    raw[f] = best;
  }
  fillUnlabelled(raw, speech);
  const smoothed = new Int32Array(frames).fill(-1);
  const counts = new Int32Array(k);
  for (let f = 0; f < frames; f += 1) {
    if (!speech[f]) continue;
    counts.fill(0);
    for (
      let g = Math.max(0, f - SMOOTH_RADIUS);
      g <= Math.min(frames - 1, f + SMOOTH_RADIUS);
      g += 1
    ) {
      const label = raw[g] as number;
      if (label >= 0) counts[label] = (counts[label] as number) + 1;
    }
    let best = raw[f] as number;
    for (let c = 0; c < k; c += 1) if ((counts[c] as number) > (counts[best] ?? -1)) best = c;
    smoothed[f] = best;
  }
  return smoothed;
}

/** Speech frames no window covered (edges) take the nearest labelled frame's label. */
function fillUnlabelled(labels: Int32Array, speech: Uint8Array): void {
  let last = -1;
  for (let f = 0; f < labels.length; f += 1) {
    if ((labels[f] as number) >= 0) last = labels[f] as number;
    else if (speech[f] && last >= 0) labels[f] = last;
  }
  let next = -1;
  for (let f = labels.length - 1; f >= 0; f -= 1) {
    if ((labels[f] as number) >= 0) next = labels[f] as number;
    else if (speech[f] && next >= 0) labels[f] = next;
  }
}

export function toTurns(labels: Int32Array): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let f = 0;
  while (f < labels.length) {
    const label = labels[f] as number;
    if (label < 0) {
      f += 1;
      continue;
    }
    let g = f;
    while (g < labels.length && labels[g] === label) g += 1;
    turns.push({
      speaker: `SPEAKER_${String(label).padStart(2, '0')}`,
      start: round(f * FRAME_SEC),
      end: round(g * FRAME_SEC),
    });
    f = g;
  }
  return turns;
}

/** Turns from one activity row per speaker (rows may overlap: two speakers at once). */
export function activityTurns(rows: readonly Uint8Array[]): SpeakerTurn[] {
  const turns = rows.flatMap((row, speaker) => {
    const labels = Int32Array.from(row, (active) => (active ? speaker : -1));
    return toTurns(labels);
  });
  return turns.sort((a, b) => a.start - b.start || a.end - b.end);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
