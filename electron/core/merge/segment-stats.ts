/**
 * Talk time per speaker from the transcript as it stands (after the clinician's renames, merges
 * and reassignments): share of talk time, turns (consecutive segments of one speaker) and words per
 * minute of their own talk.
 */
export interface TalkStats {
  speakerId: string | null;
  talkTimeSec: number;
  share: number;
  turns: number;
  wordsPerMinute: number;
}

export function talkStats(
  segments: readonly { speakerId: string | null; start: number; end: number; text: string }[],
): TalkStats[] {
  const bySpeaker = new Map<string | null, { talk: number; turns: number; words: number }>();
  let previous: string | null | undefined;
  for (const segment of segments) {
    const entry = bySpeaker.get(segment.speakerId) ?? { talk: 0, turns: 0, words: 0 };
    entry.talk += Math.max(0, segment.end - segment.start);
    entry.words += segment.text.split(/\s+/).filter(Boolean).length;
    if (segment.speakerId !== previous) entry.turns += 1;
    previous = segment.speakerId;
    bySpeaker.set(segment.speakerId, entry);
  }
  const total = [...bySpeaker.values()].reduce((sum, e) => sum + e.talk, 0);
  return [...bySpeaker.entries()].map(([speakerId, e]) => ({
    speakerId,
    talkTimeSec: Math.round(e.talk * 10) / 10,
    share: total > 0 ? e.talk / total : 0,
    turns: e.turns,
    wordsPerMinute: e.talk > 0 ? Math.round(e.words / (e.talk / 60)) : 0,
  }));
}
