import { Link } from 'react-router';
import type { SessionSummary } from '../../../shared/api/schemas';
import { useQuery } from '../api/use-query';
import { formatDuration } from '../format';

const REFRESH_ON = ['sessions.changed'] as const;

export function SessionsPage() {
  const state = useQuery('sessions', (api) => api.call('sessions.list', {}), REFRESH_ON);
  return (
    <section aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      {state.status === 'loading' && <p className="muted">Loading sessions…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (state.data.length === 0 ? <EmptyState /> : <SessionsTable sessions={state.data} />)}
    </section>
  );
}

function EmptyState() {
  return (
    <div className="empty" data-testid="sessions-empty">
      <p>No sessions yet.</p>
      <p className="muted">Import a recording to start. Everything stays on this computer.</p>
    </div>
  );
}

function SessionsTable({ sessions }: { sessions: SessionSummary[] }) {
  return (
    <table className="sessions" data-testid="sessions-table">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Client</th>
          <th scope="col">Kind</th>
          <th scope="col">Duration</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id} data-session-id={session.id}>
            <td>
              <Link to={`/sessions/${session.id}`}>{session.date}</Link>
            </td>
            <td>{session.clientName ?? <span className="muted">Unassigned</span>}</td>
            <td>{session.kind}</td>
            <td>{formatDuration(session.durationSec)}</td>
            <td>
              <span className={`status status-${session.status}`}>
                {session.status.replace('_', ' ')}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
