import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { RunProgress, SessionSummary } from '../../../../shared/api/schemas';
import { useApi } from '../../api/context';
import { formatDuration } from '../../format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { sessionStatusWords, stageWords } from '../../ui/status-words';
import type { Sort, SortKey } from './session-filters';

const ROW_HEIGHT = 48;
const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'client', label: 'Client' },
  { key: null, label: 'Kind' },
  { key: 'duration', label: 'Duration' },
  // Open risk flags are part of the status ("Needs your attention: 1 risk flag"), read first.
  { key: 'status', label: 'Status' },
  { key: null, label: '' },
];

interface SessionListProps {
  sessions: SessionSummary[];
  progress: ReadonlyMap<string, RunProgress>;
  sort: Sort;
  onSort: (key: SortKey) => void;
}

/**
 * Only the rows in view are in the DOM (10,000 sessions scroll like 20). Rows have a fixed height
 * and live progress replaces text in place, so nothing jumps while runs move.
 */
export function SessionList({ sessions, progress, sort, onSort }: SessionListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler cannot memoise through useVirtualizer; Cairn does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div
      role="table"
      aria-label="Sessions"
      aria-rowcount={sessions.length + 1}
      className="session-list"
      data-testid="sessions-table"
    >
      <div role="rowgroup">
        <div role="row" className="session-row session-head">
          {COLUMNS.map((column) => (
            <div
              role="columnheader"
              key={column.label || 'actions'}
              aria-sort={ariaSort(column.key, sort)}
            >
              {column.key ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => column.key && onSort(column.key)}
                >
                  {column.label}
                  {sort.key === column.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </button>
              ) : (
                column.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div ref={scroller} className="session-scroller" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const session = sessions[item.index];
            if (!session) return null;
            return (
              <SessionRow
                key={session.id}
                session={session}
                progress={session.latestRun ? progress.get(session.latestRun.id) : undefined}
                rowIndex={item.index + 2}
                top={item.start}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function ariaSort(key: SortKey | null, sort: Sort): 'ascending' | 'descending' | undefined {
  if (!key || key !== sort.key) return undefined;
  return sort.descending ? 'descending' : 'ascending';
}

function SessionRow({
  session,
  progress,
  rowIndex,
  top,
}: {
  session: SessionSummary;
  progress: RunProgress | undefined;
  rowIndex: number;
  top: number;
}) {
  const api = useApi();
  const run = session.latestRun;
  const live = run && (run.status === 'running' || run.status === 'queued');
  const percent = progress?.percent ?? run?.progress ?? 0;
  const stage = progress?.message ?? run?.currentStage;
  const stageText = stage ? stageWords(stage) : 'waiting to process';
  const words = sessionStatusWords(
    session,
    run && { status: run.status, stage: run.currentStage },
    session.openRiskFlags,
  );
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className="session-row"
      data-session-id={session.id}
      style={{ position: 'absolute', top, height: ROW_HEIGHT, width: '100%' }}
    >
      <div role="cell" className="session-date">
        <Link to={`/sessions/${session.id}`}>{session.date}</Link>
      </div>
      <div role="cell">
        {session.clientId ? (
          <Link to={`/clients/${session.clientId}`}>{session.clientName}</Link>
        ) : (
          <span className="muted">Unassigned</span>
        )}
      </div>
      <div role="cell" className="session-kind">
        {session.kind}
      </div>
      <div role="cell" className="numeric">
        {formatDuration(session.durationSec)}
      </div>
      <div role="cell" data-testid="session-status">
        {live ? (
          <span className="run-live" aria-label={`${stageText}, ${Math.round(percent)} percent`}>
            <span className="run-stage">{stageText}</span>
            <progress max={100} value={percent} />
            <span className="run-eta">
              {progress?.etaSec != null ? `${formatDuration(progress.etaSec)} left` : ''}
            </span>
          </span>
        ) : (
          <Badge
            tone={words.tone}
            title={words.label}
            data-testid={session.openRiskFlags > 0 ? 'risk-badge' : undefined}
          >
            {words.label}
          </Badge>
        )}
      </div>
      <div role="cell" className="session-actions">
        {run && live && (
          <Button size="sm" onClick={() => void api.call('runs.cancel', { id: run.id })}>
            Cancel
          </Button>
        )}
        {run && (run.status === 'failed' || run.status === 'cancelled') && (
          <Button size="sm" onClick={() => void api.call('runs.retry', { id: run.id })}>
            Retry
          </Button>
        )}
      </div>
    </div>
  );
}
