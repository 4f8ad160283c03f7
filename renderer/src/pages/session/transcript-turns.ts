import type { TranscriptLine } from '../../../../shared/api/schemas';

/** Consecutive segments of one speaker, shown as one turn. */
export interface Turn {
  id: string;
  speaker: string;
  speakerId: string | null;
  start: number;
  end: number;
  lines: TranscriptLine[];
}

export function groupTurns(lines: readonly TranscriptLine[]): Turn[] {
  const turns: Turn[] = [];
  for (const line of lines) {
    const speaker = line.speaker ?? 'Unknown';
    const last = turns.at(-1);
    if (last?.speakerId === line.speakerId && last.speaker === speaker) {
      last.lines.push(line);
      last.end = line.end;
    } else
      turns.push({
        id: line.id,
        speaker,
        speakerId: line.speakerId,
        start: line.start,
        end: line.end,
        lines: [line],
      });
  }
  return turns;
}

/** The turn being heard at `seconds`: the last one that has started (binary search). */
export function turnAt(turns: readonly Turn[], seconds: number): number {
  let low = 0;
  let high = turns.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((turns[mid]?.start ?? Infinity) <= seconds) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
