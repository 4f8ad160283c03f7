import { UNKNOWN_SPEAKER, type MergedTurn } from './assign-speakers';
import { speakerStats } from './speaker-stats';

export interface RoleSuggestion {
  /** The speaker who is probably the clinician; the clinician confirms it, Cairn never applies it. */
  clinician: string;
  /** 0–1: how far ahead of the next candidate the evidence puts this speaker. */
  confidence: number;
  reasons: string[];
}

/**
 * Suggests which speaker is the clinician. In therapy and coaching the clinician asks most of the
 * questions, usually speaks first and talks less than the client; each is weak alone, so they are
 * weighed together. Undefined when there is nobody to choose between.
 */
export function suggestClinician(turns: readonly MergedTurn[]): RoleSuggestion | undefined {
  const stats = speakerStats(turns).filter((s) => s.speaker !== UNKNOWN_SPEAKER);
  if (stats.length < 2) return undefined;
  const first = turns.find((t) => t.speaker !== UNKNOWN_SPEAKER)?.speaker;
  const scored = stats
    .map((s) => {
      const reasons: string[] = [];
      let score = 2 * s.questionRatio;
      if (s.questionRatio >= 0.3)
        reasons.push(`asks questions in ${Math.round(s.questionRatio * 100)} % of turns`);
      if (s.speaker === first) {
        score += 0.5;
        reasons.push('speaks first');
      }
      score += 1 - s.share;
      if (s.share < 1 / stats.length)
        reasons.push(`talks ${Math.round(s.share * 100)} % of the time`);
      return { speaker: s.speaker, score, reasons };
    })
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || !next) return undefined;
  return {
    clinician: best.speaker,
    confidence: Math.round(Math.min(1, (best.score - next.score) / 2) * 100) / 100,
    reasons: best.reasons,
  };
}
