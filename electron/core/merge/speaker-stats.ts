import type { MergedTurn } from './assign-speakers';

export interface SpeakerStats {
  speaker: string;
  talkTimeSec: number;
  /** Share of all talk time, 0–1. */
  share: number;
  turns: number;
  meanTurnSec: number;
  wordsPerMinute: number;
  /** Share of this speaker's turns that end in a question mark. */
  questionRatio: number;
}

export function speakerStats(turns: readonly MergedTurn[]): SpeakerStats[] {
  const bySpeaker = new Map<string, MergedTurn[]>();
  for (const turn of turns)
    bySpeaker.set(turn.speaker, [...(bySpeaker.get(turn.speaker) ?? []), turn]);
  const totalTalk = turns.reduce((sum, t) => sum + (t.end - t.start), 0);
  return [...bySpeaker].map(([speaker, own]) => {
    const talk = own.reduce((sum, t) => sum + (t.end - t.start), 0);
    const words = own.reduce((sum, t) => sum + t.words.length, 0);
    return {
      speaker,
      talkTimeSec: round(talk),
      share: round(totalTalk > 0 ? talk / totalTalk : 0),
      turns: own.length,
      meanTurnSec: round(talk / own.length),
      wordsPerMinute: round(talk > 0 ? words / (talk / 60) : 0),
      questionRatio: round(own.filter((t) => t.text.trim().endsWith('?')).length / own.length),
    };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
