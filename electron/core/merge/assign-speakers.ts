import type { SpeakerTurn } from '../diarize/types';
import type { Transcript, TranscriptWord } from '../transcribe/types';

export const UNKNOWN_SPEAKER = 'Unknown';

/** A word with the speaker it was assigned and the transcript segment it came from. */
export interface AttributedWord extends TranscriptWord {
  speaker: string;
  /** Index of the transcript segment holding the word: stable across re-diarization. */
  segment: number;
}

/** Consecutive words of one speaker. */
export interface MergedTurn {
  speaker: string;
  start: number;
  end: number;
  text: string;
  words: AttributedWord[];
  /** Transcript segments this turn draws words from. */
  segments: number[];
}

/**
 * Gives every word the speaker who talks for most of it. A word no speaker covers for more than
 * half its length (overlap, a gap in the diarization) is "Unknown" rather than a guess. Without
 * turns (diarization failed or was skipped) every word is "Unknown": the transcript is kept whole.
 */
export function assignSpeakers(
  transcript: Transcript,
  turns: readonly SpeakerTurn[],
): AttributedWord[] {
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  return transcript.segments.flatMap((segment, index) =>
    segment.words.map((word) => ({
      ...word,
      segment: index,
      speaker: majoritySpeaker(word, sorted),
    })),
  );
}

function majoritySpeaker(word: TranscriptWord, turns: readonly SpeakerTurn[]): string {
  const duration = word.end - word.start;
  if (duration <= 0) {
    const at = word.start;
    const covering = new Set(
      turns.filter((t) => t.start <= at && at < t.end).map((t) => t.speaker),
    );
    return covering.size === 1 ? ([...covering][0] ?? UNKNOWN_SPEAKER) : UNKNOWN_SPEAKER;
  }
  const overlap = new Map<string, number>();
  for (const turn of turns) {
    if (turn.start >= word.end) break;
    const shared = Math.min(word.end, turn.end) - Math.max(word.start, turn.start);
    if (shared > 0) overlap.set(turn.speaker, (overlap.get(turn.speaker) ?? 0) + shared);
  }
  let best = UNKNOWN_SPEAKER;
  let bestShare = 0.5;
  for (const [speaker, shared] of overlap) {
    const share = shared / duration;
    if (share > bestShare) {
      best = speaker;
      bestShare = share;
    }
  }
  return best;
}

/** Regroups attributed words into speaker turns, in time order; every word appears exactly once. */
export function groupIntoTurns(words: readonly AttributedWord[]): MergedTurn[] {
  const turns: MergedTurn[] = [];
  for (const word of words) {
    const current = turns.at(-1);
    if (current?.speaker === word.speaker) {
      current.words.push(word);
      current.end = Math.max(current.end, word.end);
      if (!current.segments.includes(word.segment)) current.segments.push(word.segment);
    } else {
      turns.push({
        speaker: word.speaker,
        start: word.start,
        end: word.end,
        text: '',
        words: [word],
        segments: [word.segment],
      });
    }
  }
  for (const turn of turns) turn.text = turn.words.map((w) => w.word).join(' ');
  return turns;
}
