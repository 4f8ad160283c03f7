import type { ScoredRegion, SpeakerTurn } from '../types';
import { maximumWeightMatching } from './matching';

export const FRAME_SEC = 0.01;

export interface DerResult {
  /** (missed + false alarm + confusion) / total, 0–1+ */
  der: number;
  /** Reference speaker time scored, seconds (overlap counts once per speaker). */
  totalSec: number;
  missedSec: number;
  falseAlarmSec: number;
  confusionSec: number;
  /** Hypothesis speaker → reference speaker, as the optimal mapping paired them. */
  mapping: Record<string, string>;
}

/**
 * Diarization error rate, the NIST way without a collar: 10 ms frames, overlapping speech scored
 * (a frame with two reference speakers counts twice), and the one-to-one speaker mapping that
 * maximises matched time (Hungarian). `regions` limits scoring (UEM); default: the reference's span.
 */
export function diarizationErrorRate(
  reference: readonly SpeakerTurn[],
  hypothesis: readonly SpeakerTurn[],
  regions?: readonly ScoredRegion[],
): DerResult {
  const scored = regions ?? [{ start: 0, end: Math.max(0, ...reference.map((t) => t.end)) }];
  const refSpeakers = [...new Set(reference.map((t) => t.speaker))];
  const hypSpeakers = [...new Set(hypothesis.map((t) => t.speaker))];
  const frames = Math.ceil(Math.max(0, ...scored.map((r) => r.end)) / FRAME_SEC);
  const inScope = new Uint8Array(frames);
  for (const region of scored) fill(inScope, region.start, region.end);
  const ref = activity(reference, refSpeakers, frames);
  const hyp = activity(hypothesis, hypSpeakers, frames);

  let total = 0;
  let missed = 0;
  let falseAlarm = 0;
  let bothActive = 0;
  const overlap = refSpeakers.map(() => hypSpeakers.map(() => 0));
  for (let f = 0; f < frames; f += 1) {
    if (!inScope[f]) continue;
    let nRef = 0;
    let nHyp = 0;
    for (const row of ref) nRef += row[f] ?? 0;
    for (const row of hyp) nHyp += row[f] ?? 0;
    total += nRef;
    missed += Math.max(0, nRef - nHyp);
    falseAlarm += Math.max(0, nHyp - nRef);
    bothActive += Math.min(nRef, nHyp);
    for (let r = 0; r < ref.length; r += 1) {
      if (!ref[r]?.[f]) continue;
      for (let h = 0; h < hyp.length; h += 1)
        if (hyp[h]?.[f]) (overlap[r] as number[])[h] = (overlap[r]?.[h] ?? 0) + 1;
    }
  }
  const pairs = maximumWeightMatching(overlap);
  const matched = pairs.reduce((sum, [r, h]) => sum + (overlap[r]?.[h] ?? 0), 0);
  const confusion = bothActive - matched;
  const mapping = Object.fromEntries(
    pairs.map(([r, h]) => [hypSpeakers[h] ?? '', refSpeakers[r] ?? '']),
  );
  return {
    der: total === 0 ? (falseAlarm === 0 ? 0 : 1) : (missed + falseAlarm + confusion) / total,
    totalSec: total * FRAME_SEC,
    missedSec: missed * FRAME_SEC,
    falseAlarmSec: falseAlarm * FRAME_SEC,
    confusionSec: confusion * FRAME_SEC,
    mapping,
  };
}

/** One 0/1 row of frames per speaker. */
function activity(
  turns: readonly SpeakerTurn[],
  speakers: readonly string[],
  frames: number,
): Uint8Array[] {
  const rows = speakers.map(() => new Uint8Array(frames));
  for (const turn of turns) {
    const row = rows[speakers.indexOf(turn.speaker)];
    if (row) fill(row, turn.start, turn.end);
  }
  return rows;
}

function fill(row: Uint8Array, start: number, end: number): void {
  const from = Math.max(0, Math.round(start / FRAME_SEC));
  const to = Math.min(row.length, Math.round(end / FRAME_SEC));
  row.fill(1, from, Math.max(from, to));
}
