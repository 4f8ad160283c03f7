import { useMemo } from 'react';
import type { SessionSummary } from '../../../../shared/api/schemas';
import { MAX_MONTHS, monthLabel, sessionsByMonth, type MonthBucket } from './sessions-by-month';

const CHART_HEIGHT = 96;
const LEFT = 28;
const BOTTOM = 30;
const TOP = 8;

/**
 * Sessions per month as small bars, the part with open risk flags in the risk colour: frequency of
 * care, gaps and risk at a glance. Plain SVG: one chart does not need a chart library.
 */
export function SessionsTimeline({ sessions }: { sessions: readonly SessionSummary[] }) {
  const buckets = useMemo(() => sessionsByMonth(sessions), [sessions]);
  if (buckets.length === 0) return null;
  const most = Math.max(1, ...buckets.map((b) => b.sessions));
  // Narrower bars for a long history, so three years still fit a laptop screen.
  const slot = buckets.length > 18 ? 24 : 32;
  const bar = slot - 8;
  const width = LEFT + buckets.length * slot + 8;
  const height = TOP + CHART_HEIGHT + BOTTOM;
  const barHeight = (count: number) => (count / most) * CHART_HEIGHT;
  // Every month's initial when few, else each quarter's; the year under January and the first bar.
  const monthShown = (bucket: MonthBucket) =>
    buckets.length <= 18 || /-(01|04|07|10)$/.test(bucket.month);
  const yearShown = (bucket: MonthBucket, index: number) =>
    index === 0 || bucket.month.endsWith('-01');

  return (
    <figure className="timeline" data-testid="sessions-timeline">
      <div className="timeline-scroller">
        <svg width={width} height={height} role="img" aria-label={summary(buckets)}>
          <line
            className="timeline-axis"
            x1={LEFT}
            x2={width}
            y1={TOP + CHART_HEIGHT}
            y2={TOP + CHART_HEIGHT}
          />
          <text className="timeline-tick" x={LEFT - 6} y={TOP + 8} textAnchor="end">
            {most}
          </text>
          <text className="timeline-tick" x={LEFT - 6} y={TOP + CHART_HEIGHT} textAnchor="end">
            0
          </text>
          {buckets.map((bucket, index) => {
            const x = LEFT + index * slot + (slot - bar) / 2;
            const total = barHeight(bucket.sessions);
            const risky = barHeight(bucket.withOpenRisk);
            const base = TOP + CHART_HEIGHT;
            return (
              <g key={bucket.month} data-month={bucket.month}>
                <title>{bucketText(bucket)}</title>
                <rect className="timeline-bar" x={x} y={base - total} width={bar} height={total} />
                {risky > 0 && (
                  <rect
                    className="timeline-risk"
                    x={x}
                    y={base - total}
                    width={bar}
                    height={risky}
                  />
                )}
                {monthShown(bucket) && (
                  <text className="timeline-tick" x={x + bar / 2} y={base + 13} textAnchor="middle">
                    {monthLabel(bucket.month, 'short')}
                  </text>
                )}
                {yearShown(bucket, index) && (
                  <text className="timeline-tick" x={x + bar / 2} y={base + 25} textAnchor="middle">
                    {bucket.month.slice(0, 4)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="muted">
        Sessions per month
        {buckets.length === MAX_MONTHS ? ` (the last ${MAX_MONTHS} months)` : ''}.{' '}
        <span className="legend-swatch timeline-legend-risk" aria-hidden="true" /> with an open risk
        flag.
      </figcaption>
    </figure>
  );
}

function bucketText(bucket: MonthBucket): string {
  const sessions = `${bucket.sessions} session${bucket.sessions === 1 ? '' : 's'}`;
  const minutes = bucket.minutes > 0 ? `, ${Math.round(bucket.minutes)} min recorded` : '';
  const risk = bucket.withOpenRisk > 0 ? `, ${bucket.withOpenRisk} with an open risk flag` : '';
  return `${monthLabel(bucket.month)}: ${sessions}${minutes}${risk}`;
}

/** What a screen reader hears instead of the bars. */
function summary(buckets: MonthBucket[]): string {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) return 'No sessions';
  const total = buckets.reduce((sum, b) => sum + b.sessions, 0);
  const risky = buckets.reduce((sum, b) => sum + b.withOpenRisk, 0);
  const months = buckets.filter((b) => b.sessions > 0).length;
  return (
    `Sessions per month from ${monthLabel(first.month)} to ${monthLabel(last.month)}: ` +
    `${total} session${total === 1 ? '' : 's'} in ${months} of ${buckets.length} months` +
    (risky > 0 ? `, ${risky} with an open risk flag.` : '.')
  );
}
