import type { SessionSummary } from '../../../../shared/api/schemas';

export interface MonthBucket {
  /** YYYY-MM */
  month: string;
  sessions: number;
  /** Sessions of the month with a risk flag not yet acknowledged. */
  withOpenRisk: number;
  /** Recorded minutes, of the sessions whose duration is known. */
  minutes: number;
}

/** The chart stays readable on a laptop: older months are left to the list below it. */
export const MAX_MONTHS = 36;

function nextMonth(month: string): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Sessions per calendar month from the first session's month to the last, empty months included
 * (a gap in care is what the clinician should see), at most the last MAX_MONTHS.
 */
export function sessionsByMonth(sessions: readonly SessionSummary[]): MonthBucket[] {
  if (sessions.length === 0) return [];
  const months = sessions.map((s) => s.date.slice(0, 7)).sort();
  const first = months[0] ?? '';
  const last = months[months.length - 1] ?? '';
  const buckets = new Map<string, MonthBucket>();
  for (let month = first; month <= last; month = nextMonth(month))
    buckets.set(month, { month, sessions: 0, withOpenRisk: 0, minutes: 0 });
  for (const session of sessions) {
    const bucket = buckets.get(session.date.slice(0, 7));
    if (!bucket) continue;
    bucket.sessions += 1;
    if (session.openRiskFlags > 0) bucket.withOpenRisk += 1;
    bucket.minutes += (session.durationSec ?? 0) / 60;
  }
  return [...buckets.values()].slice(-MAX_MONTHS);
}

/** "2026-03" → "Mar 2026" (or "Mar" alone), in the clinician's language. */
export function monthLabel(month: string, style: 'full' | 'short' = 'full'): string {
  const [year = 0, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString(undefined, {
    month: 'short',
    ...(style === 'full' && { year: 'numeric' }),
    timeZone: 'UTC',
  });
}
