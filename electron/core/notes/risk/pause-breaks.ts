import type { StoredSegment } from '../../store/repositories/transcript';
import type { RiskSegment } from './risk-categories';

/**
 * Sentence boundaries guessed from pauses. A recogniser often writes a whole turn without a full
 * stop ("no i dont have a plan i would never do anything it just gets so heavy"); where the speaker
 * paused, a sentence most likely ended. The meaning layer embeds sentences, and one long run of
 * several thoughts reads as none of them, so a pause without punctuation becomes a boundary there.
 * Offsets only: the text (and so every quote) stays exactly as transcribed.
 */

/** A pause this long between two words, with no punctuation, ends a sentence. */
export const PAUSE_SECONDS = 0.6;

interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** Offsets in `text` where a word starts after a pause that no punctuation marks. */
export function pauseBreaks(
  text: string,
  words: readonly TimedWord[],
  minGapSec = PAUSE_SECONDS,
): number[] {
  const breaks: number[] = [];
  let cursor = 0;
  let previous: { end: number; offset: number } | undefined;
  for (const word of words) {
    const token = word.word.trim();
    if (token === '') continue;
    const at = text.indexOf(token, cursor);
    // A word the text no longer holds (a corrected line) places nothing.
    if (at < 0) continue;
    if (
      previous !== undefined &&
      word.start - previous.end >= minGapSec &&
      // The previous word's own last character counts: "tired." carries its full stop.
      !/[.!?;…\n]/.test(text.slice(previous.offset - 1, at))
    )
      breaks.push(at);
    cursor = at + token.length;
    previous = { end: word.end, offset: cursor };
  }
  return breaks;
}

/** A stored transcript as the risk scan reads it: ids, words and the pauses within each line. */
export function riskSegmentsOf(stored: readonly StoredSegment[]): RiskSegment[] {
  return stored.map((segment) => ({
    id: segment.id,
    text: segment.text,
    breaks: pauseBreaks(segment.text, segment.words),
  }));
}
