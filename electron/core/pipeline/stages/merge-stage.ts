import { assignSpeakers, groupIntoTurns, UNKNOWN_SPEAKER } from '../../merge/assign-speakers';
import { suggestClinician, type RoleSuggestion } from '../../merge/role-guess';
import { speakerStats, type SpeakerStats } from '../../merge/speaker-stats';
import { mergeRisk, type RiskFinding } from '../../notes/risk/merge-risk';
import { scanRiskWithMeaning, type MeaningLayer } from '../../notes/risk/scan-risk-with-meaning';
import { riskSegmentsOf } from '../../notes/risk/pause-breaks';
import { recordRiskFindings } from '../../store/repositories/risk-flags';
import {
  applySpeakers,
  readTranscript,
  type StoredWord,
} from '../../store/repositories/transcript';
import type { StageDefinition } from '../stage-definition';
import type { DiarizeOutput } from './engine-stages';

interface MergeOutput {
  segments: { id: string; words: StoredWord[]; speakerLabel: string }[];
  stats: SpeakerStats[];
  suggestion: RoleSuggestion | undefined;
  /** False when diarization failed or found nobody: every word is "Unknown". */
  diarized: boolean;
  /** The risk scanner's findings over the whole transcript, stored as flags with the merge. */
  risk: RiskFinding[];
  /** Whether the meaning layer read the transcript too, or the rules alone (and why). */
  riskMeaning: MeaningLayer;
  riskWarning: string | undefined;
}

/**
 * Gives each transcript word the speaker who talks for most of it (else "Unknown") and each
 * segment the speaker of most of its words; segment ids stay, so edits keep their place. Without
 * diarization (it failed) every word is "Unknown" and the transcript is kept whole.
 */
export const mergeStage: StageDefinition<MergeOutput> = {
  name: 'merge',
  onFailure: 'fail-run',
  execute: async (context) => {
    const stored = readTranscript(context.db, context.sessionId);
    const turns = (context.outputOf('diarize') as DiarizeOutput | undefined)?.turns ?? [];
    const words = assignSpeakers(
      { language: '', model: '', segments: stored.map((s) => ({ ...s, words: s.words })) },
      turns,
    );
    const bySegment = stored.map(() => [] as typeof words);
    for (const word of words) bySegment[word.segment]?.push(word);
    const segments = stored.map((segment, index) => {
      const own = bySegment[index] ?? [];
      return {
        id: segment.id,
        words: own.map(({ segment: _segment, ...word }) => word),
        speakerLabel: majority(own.map((w) => w.speaker)),
      };
    });
    const merged = groupIntoTurns(words);
    // Here, not only with the notes: the flags must exist even when no notes model runs.
    const scan = await scanRiskWithMeaning(riskSegmentsOf(stored), { signal: context.signal });
    return {
      segments,
      stats: speakerStats(merged),
      suggestion: suggestClinician(merged),
      diarized: turns.length > 0,
      risk: mergeRisk(scan.hits, []),
      riskMeaning: scan.meaning,
      riskWarning: scan.warning,
    };
  },
  commit: (tx, context, output) => {
    applySpeakers(tx, context.sessionId, output.segments);
    recordRiskFindings(tx, context.sessionId, context.runId, output.risk);
  },
  summary: ({ stats, suggestion, diarized, risk, riskMeaning, riskWarning }) => ({
    stats,
    suggestion,
    diarized,
    riskFindings: risk.length,
    riskMeaning,
    ...(riskWarning === undefined ? {} : { warning: riskWarning }),
  }),
};

/** The most common label; a tie, or no label at all, is "Unknown". */
function majority(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || second?.[1] === first[1]) return UNKNOWN_SPEAKER;
  return first[0];
}
