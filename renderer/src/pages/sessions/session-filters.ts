import type { SessionSummary } from '../../../../shared/api/schemas';
import { sessionStatusWords, type Tone } from '../../ui/status-words';

/** What the clinician narrowed the list to; empty strings mean "any". */
export interface SessionFilters {
  client: string;
  status: string;
  from: string;
  to: string;
}

export type SortKey = 'date' | 'client' | 'duration' | 'status';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export const NO_FILTERS: SessionFilters = { client: '', status: '', from: '', to: '' };

/** Sorting by status puts first what needs the clinician most: risk, failures, reviews, the rest. */
const URGENCY: Record<Tone, number> = { warning: 0, danger: 1, info: 2, neutral: 3, success: 4 };
const urgency = (s: SessionSummary) =>
  URGENCY[
    sessionStatusWords(
      s,
      s.latestRun && { status: s.latestRun.status, stage: s.latestRun.currentStage },
      s.openRiskFlags,
    ).tone
  ];

const compare: Record<SortKey, (a: SessionSummary, b: SessionSummary) => number> = {
  // Same day: the newer import first, as the clinician expects.
  date: (a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt,
  client: (a, b) => (a.clientName ?? '').localeCompare(b.clientName ?? ''),
  duration: (a, b) => (a.durationSec ?? -1) - (b.durationSec ?? -1),
  status: (a, b) => urgency(a) - urgency(b) || a.status.localeCompare(b.status),
};

/** Filtered and sorted in one pass over the list (10,000 sessions take a few milliseconds). */
export function visibleSessions(
  sessions: readonly SessionSummary[],
  filters: SessionFilters,
  sort: Sort,
): SessionSummary[] {
  const shown = sessions.filter(
    (s) =>
      (filters.client === '' || s.clientId === filters.client) &&
      (filters.status === '' || s.status === filters.status) &&
      (filters.from === '' || s.date >= filters.from) &&
      (filters.to === '' || s.date <= filters.to),
  );
  const order = compare[sort.key];
  return shown.sort((a, b) => (sort.descending ? -order(a, b) : order(a, b)));
}
