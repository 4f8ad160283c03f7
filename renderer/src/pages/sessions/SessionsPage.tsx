import { Link } from 'react-router';
import { useEffect, useMemo, useState } from 'react';
import type { RunProgress } from '../../../../shared/api/schemas';
import { SESSION_STATUSES } from '../../../../shared/domain/enums';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { EmptyState } from '../../ui/EmptyState';
import { SESSION_STATUS_LABELS } from '../../ui/status-words';
import { useOpenGuideOnFirstRun } from '../welcome/use-first-run-guide';
import { ImportDrop } from './ImportDrop';
import { SessionList } from './SessionList';
import { NO_FILTERS, visibleSessions, type SessionFilters, type Sort } from './session-filters';
import './sessions.css';
import { Select } from '../../ui/Select';

const REFRESH_ON = ['sessions.changed', 'runs.changed'] as const;

export function SessionsPage() {
  const api = useApi();
  const state = useQuery('sessions', (a) => a.call('sessions.list', {}), REFRESH_ON);
  const [filters, setFilters] = useState<SessionFilters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: 'date', descending: true });
  const [progress, setProgress] = useState<ReadonlyMap<string, RunProgress>>(new Map());
  useEffect(
    () =>
      api.on('runs.progress', (update) =>
        setProgress((current) => new Map(current).set(update.runId, update)),
      ),
    [api],
  );
  const sessions = useMemo(() => (state.status === 'ready' ? state.data : []), [state]);
  useOpenGuideOnFirstRun(state.status === 'ready' ? sessions.length === 0 : null);
  const shown = useMemo(() => visibleSessions(sessions, filters, sort), [sessions, filters, sort]);
  const clients = useMemo(
    () =>
      [
        ...new Map(
          sessions.filter((s) => s.clientId).map((s) => [s.clientId, s.clientName]),
        ).entries(),
      ].sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? '')),
    [sessions],
  );
  const set = (key: keyof SessionFilters) => (event: { target: { value: string } }) =>
    setFilters((current) => ({ ...current, [key]: event.target.value }));

  return (
    <section aria-labelledby="sessions-title" className="sessions-page">
      <h1 id="sessions-title">Sessions</h1>
      <ImportDrop>
        {state.status === 'loading' && <p className="muted">Loading sessions…</p>}
        {state.status === 'error' && (
          <p role="alert" className="error">
            {state.message}
          </p>
        )}
        {state.status === 'ready' && sessions.length === 0 && (
          <EmptyState
            title="No sessions yet."
            testId="sessions-empty"
            actions={
              <Link to="/welcome" className="btn btn-primary" data-testid="open-welcome">
                Set up Cairn and try a sample session
              </Link>
            }
          >
            Import a recording to start. Everything stays on this computer.
          </EmptyState>
        )}
        {state.status === 'ready' && sessions.length > 0 && (
          <>
            <div className="filters" role="search" aria-label="Filter sessions">
              <label className="field-inline">
                Client
                <Select value={filters.client} onChange={set('client')}>
                  <option value="">All clients</option>
                  {clients.map(([id, name]) => (
                    <option key={id} value={id ?? ''}>
                      {name}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="field-inline">
                Status
                <Select value={filters.status} onChange={set('status')}>
                  <option value="">Any status</option>
                  {SESSION_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {SESSION_STATUS_LABELS[status]}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="field-inline">
                From
                <input type="date" value={filters.from} onChange={set('from')} />
              </label>
              <label className="field-inline">
                To
                <input type="date" value={filters.to} onChange={set('to')} />
              </label>
              <span className="muted filter-count" aria-live="polite">
                {shown.length} of {sessions.length}
              </span>
            </div>
            <SessionList
              sessions={shown}
              progress={progress}
              sort={sort}
              onSort={(key) =>
                setSort((current) => ({
                  key,
                  descending: current.key === key ? !current.descending : key === 'date',
                }))
              }
            />
          </>
        )}
      </ImportDrop>
    </section>
  );
}
