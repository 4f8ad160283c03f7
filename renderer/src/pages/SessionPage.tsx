import { Link, useParams } from 'react-router';
import { useQuery } from '../api/use-query';
import { formatDuration } from '../format';
import { RunPanel } from './RunPanel';

const REFRESH_ON = ['sessions.changed'] as const;

export function SessionPage() {
  const { id = '' } = useParams();
  const state = useQuery(id, (api) => api.call('sessions.get', { id }), REFRESH_ON);
  return (
    <section>
      <p>
        <Link to="/">← Sessions</Link>
      </p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <h1>{state.data.clientName ?? 'Unassigned client'}</h1>
          <dl className="facts">
            <dt>Date</dt>
            <dd>{state.data.date}</dd>
            <dt>Kind</dt>
            <dd>{state.data.kind}</dd>
            <dt>Status</dt>
            <dd>{state.data.status}</dd>
            <dt>Recording</dt>
            <dd>{state.data.recording?.originalName ?? '—'}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(state.data.durationSec)}</dd>
          </dl>
          <RunPanel sessionId={id} />
        </>
      )}
    </section>
  );
}
