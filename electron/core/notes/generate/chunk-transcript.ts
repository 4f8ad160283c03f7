/**
 * Splits a transcript into pieces that each fit a model's context budget, for map-reduce note
 * writing on sessions longer than the context. Pieces end at a change of speaker where possible,
 * so no one's turn is cut in half; a turn too long for one piece is cut between its segments, and
 * a single segment too long for any piece is a piece of its own (the caller truncates its text).
 */

export interface ChunkSegment {
  id: string;
  speaker: string | null;
  text: string;
}

/** Tokens the segment takes in the prompt (line prefix included); the provider's count. */
export type TokenCounter = (segment: ChunkSegment) => number;

export function chunkTranscript(
  segments: readonly ChunkSegment[],
  budgetTokens: number,
  count: TokenCounter,
): ChunkSegment[][] {
  const chunks: ChunkSegment[][] = [];
  let current: ChunkSegment[] = [];
  let used = 0;
  // The last index in `current` after which the speaker changes: the preferred place to cut.
  let lastTurnEnd = -1;
  for (const segment of segments) {
    const cost = count(segment);
    if (current.length > 0 && used + cost > budgetTokens) {
      const cutAt = lastTurnEnd >= 0 ? lastTurnEnd + 1 : current.length;
      chunks.push(current.slice(0, cutAt));
      current = current.slice(cutAt);
      used = current.reduce((sum, s) => sum + count(s), 0);
      lastTurnEnd = -1;
      // Still too full (one long turn): cut before this segment.
      if (used + cost > budgetTokens && current.length > 0) {
        chunks.push(current);
        current = [];
        used = 0;
      }
    }
    const previous = current.at(-1);
    if (previous && previous.speaker !== segment.speaker) lastTurnEnd = current.length - 1;
    current.push(segment);
    used += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
