import type { GoalStatus, SessionStatus } from '../../../shared/domain/enums';
import { stageWords } from '../../../shared/domain/stage-words';

export { stageWords };

/**
 * A badge's tone says whose move it is: `neutral` nothing for the clinician to do (imported,
 * processing), `info` theirs (a note to review), `warning` theirs first (a risk flag open),
 * `danger` something broke (processing failed), `success` done (signed).
 */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface StatusWords {
  label: string;
  tone: Tone;
}

/**
 * Each session status as the filter offers it: the words, without the counts the list adds.
 * A Record over the enum, so a new status does not compile until it has its words.
 */
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Upcoming',
  imported: 'Imported',
  processing: 'Processing',
  transcribed: 'Ready to review',
  awaiting_review: 'Needs your attention',
  approved: 'Signed',
  failed: 'Processing failed',
};

/** 1 → "1 risk flag", 2 → "2 risk flags". */
export function riskFlagWords(count: number): string {
  return `${count} risk flag${count === 1 ? '' : 's'}`;
}

/** "awaiting_review" → "awaiting review": a value Cairn has no words for yet, still readable. */
function rawWords(value: string): string {
  return value.replaceAll('_', ' ');
}

/**
 * Where a session stands, in a clinician's words, from its status, its latest run and its risk
 * flags not yet acknowledged. An open risk flag comes before everything but a signature: it is
 * what the clinician must see first, whatever the pipeline is doing.
 */
export function sessionStatusWords(
  session: { status: string },
  run?: { status: string; stage?: string | null } | null,
  openFlags = 0,
): StatusWords {
  if (session.status === 'approved') return { label: 'Signed', tone: 'success' };
  if (openFlags > 0)
    return { label: `Needs your attention: ${riskFlagWords(openFlags)}`, tone: 'warning' };
  if (run?.status === 'queued') return { label: 'Waiting to process', tone: 'neutral' };
  if (run?.status === 'running')
    return {
      label: run.stage ? `Processing: ${stageWords(run.stage)}` : 'Processing',
      tone: 'neutral',
    };
  if (session.status === 'failed' || run?.status === 'failed')
    return { label: 'Processing failed', tone: 'danger' };
  // Cancelled: the session says "processing" until the run's worker has stopped and set it back.
  if (
    run?.status === 'cancelled' &&
    (session.status === 'processing' || session.status === 'imported')
  )
    return { label: 'Processing stopped', tone: 'neutral' };
  switch (session.status) {
    // Held for review because of a risk flag that has since been acknowledged: now a plain review.
    case 'awaiting_review':
    case 'transcribed':
      return { label: 'Ready to review', tone: 'info' };
    case 'processing':
      return { label: 'Processing', tone: 'neutral' };
    case 'imported':
      return { label: 'Imported', tone: 'neutral' };
    default:
      return { label: rawWords(session.status), tone: 'neutral' };
  }
}

/** A treatment-plan goal's status, on the plan and in the brief alike. */
export const GOAL_STATUS_WORDS: Record<GoalStatus, { label: string; tone: Tone }> = {
  not_started: { label: 'Not started', tone: 'neutral' },
  progressing: { label: 'Progressing', tone: 'info' },
  achieved: { label: 'Achieved', tone: 'success' },
  revised: { label: 'Revised', tone: 'warning' },
};
